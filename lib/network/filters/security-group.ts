import { cidrContains, formatIp, parseCidr, type Cidr } from "../ip";
import { compiledCache, type IndexedInterface, type IndexedTopology } from "../model/indexed-topology";
import type { IpPermission } from "../model/topology";
import { hasPorts, ICMP, ruleProtocol, type Packet } from "../packet";
import type { SecurityGroupRuleDetail } from "../questions/path-component";

/**
 * Security groups: allow rules only, stateful (replies are always allowed),
 * sources by CIDR, prefix list or referenced security group.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html
 */

/** A rule that could have allowed the packet but names a prefix list the topology cannot resolve. */
export type UnresolvedPrefixListRule = { securityGroupId: string; prefixListId: string; rule: string };

export type SecurityGroupVerdict =
  | { allowed: true; rule: SecurityGroupRuleDetail | undefined }
  | {
      allowed: false;
      groupIds: string[];
      /** Rules matching protocol and port whose prefix list has no entries in the topology. */
      unresolvedPrefixLists: UnresolvedPrefixListRule[];
      /** Rules naming a group the peer is in, which do not apply on the way the packet took, and why. */
      referenceBlocks: string[];
    };

/**
 * How a packet travels between two VPCs, as far as group references care:
 * the peering connection, the transit gateway (with the attachments it came
 * in and went out through) or the appliance it crossed.
 */
export type Crossing =
  | { kind: "peering"; id: string }
  | { kind: "transit-gateway"; transitGatewayId: string; ingressAttachmentId: string; egressAttachmentId?: string }
  | { kind: "middlebox"; id: string }
  | { kind: "other"; id: string };

/** A permission compiled once per index: its protocol as a number, its ports and its address blocks parsed. */
interface CompiledPermission {
  permission: IpPermission;
  protocol: number;
  ranges: { cidr: Cidr; text: string }[];
}

function compiledPermissions(index: IndexedTopology, permissions: IpPermission[]): CompiledPermission[] {
  const cache = compiledCache<IpPermission[], CompiledPermission[]>(index, "sg");
  const cached = cache.get(permissions);
  if (cached) return cached;
  const compiled = permissions.map((permission) => ({
    permission,
    protocol: ruleProtocol(permission.ipProtocol),
    ranges: [...permission.ipRanges.map((r) => r.cidrIp), ...permission.ipv6Ranges.map((r) => r.cidrIpv6)].flatMap((text) => {
      const cidr = parseCidr(text);
      return cidr ? [{ cidr, text }] : [];
    }),
  }));
  cache.set(permissions, compiled);
  return compiled;
}

function protocolMatches(c: CompiledPermission, packet: Packet): boolean {
  const proto = c.protocol;
  if (proto === -1) return true;
  if (packet.protocol !== proto) return false;
  if (hasPorts(proto)) {
    const from = c.permission.fromPort ?? 0;
    const to = c.permission.toPort ?? 65535;
    if (from === -1) return true;
    const port = packet.dstPort;
    return port !== undefined && port >= from && port <= to;
  }
  if (proto === ICMP) return true;
  return true;
}

/**
 * Evaluate the groups of an interface for a packet entering (`ingress`,
 * peer = packet source) or leaving it (`egress`, peer = destination).
 * `peerInterfaces` are the interfaces owning the peer address, for rules
 * that reference a security group.
 */
export function evaluateSecurityGroups(
  index: IndexedTopology,
  iface: IndexedInterface,
  direction: "ingress" | "egress",
  packet: Packet,
  peerInterfaces: IndexedInterface[],
  crossings: readonly Crossing[] | (() => readonly Crossing[]) = [],
): SecurityGroupVerdict {
  // An interface with no security group (a Network Load Balancer without groups) filters nothing.
  if (iface.securityGroupIds.length === 0) return { allowed: true, rule: undefined };
  const peer = direction === "ingress" ? packet.srcIp : packet.dstIp;
  const unresolvedPrefixLists: UnresolvedPrefixListRule[] = [];
  const referenceBlocks: string[] = [];
  for (const groupId of iface.securityGroupIds) {
    const group = index.securityGroups.get(groupId);
    if (!group) continue;
    const permissions = compiledPermissions(index, direction === "ingress" ? group.ipPermissions : group.ipPermissionsEgress);
    for (const compiled of permissions) {
      if (!protocolMatches(compiled, packet)) continue;
      const permission = compiled.permission;
      for (const range of compiled.ranges) if (cidrContains(range.cidr, peer)) return { allowed: true, rule: ruleDetail(direction, groupId, compiled, { cidr: range.text }) };
      for (const pl of permission.prefixListIds) {
        const prefixes = index.prefixListPrefixes.get(pl.prefixListId);
        if (!prefixes) {
          unresolvedPrefixLists.push({ securityGroupId: groupId, prefixListId: pl.prefixListId, rule: ruleText(direction, permission) });
          continue;
        }
        for (const p of prefixes) {
          if (cidrContains(p, peer)) return { allowed: true, rule: ruleDetail(direction, groupId, compiled, { prefixListId: pl.prefixListId }) };
        }
      }
      for (const pair of permission.userIdGroupPairs) {
        // A rule naming a group admits traffic from the private addresses of interfaces in that group.
        const members = peerInterfaces.filter((p) => p.securityGroupIds.includes(pair.groupId) && p.privateIps.includes(peer));
        for (const member of members) {
          const across = referenceAcross(index, member.vpcId, iface.vpcId, direction, typeof crossings === "function" ? crossings() : crossings);
          if (across === undefined) return { allowed: true, rule: ruleDetail(direction, groupId, compiled, { referencedGroupId: pair.groupId }) };
          referenceBlocks.push(`${groupId} ${ruleText(direction, permission)} ${direction === "ingress" ? "from" : "to"} ${pair.groupId} names a group ${formatIp(peer)} is in, but ${across}`);
        }
      }
    }
  }
  return { allowed: false, groupIds: iface.securityGroupIds, unresolvedPrefixLists, referenceBlocks };
}

type RuleMatch = Pick<SecurityGroupRuleDetail, "cidr" | "prefixListId" | "referencedGroupId">;

/** The rule as Reachability Analyzer reports it, built only for the rule that allows the packet. */
function ruleDetail(direction: "ingress" | "egress", securityGroupId: string, compiled: CompiledPermission, match: RuleMatch): SecurityGroupRuleDetail {
  const permission = compiled.permission;
  return {
    direction,
    securityGroupId,
    protocol: permission.ipProtocol,
    ...(permission.fromPort !== undefined && permission.fromPort >= 0 && hasPorts(compiled.protocol)
      ? { portRange: { from: permission.fromPort, to: permission.toPort ?? permission.fromPort } }
      : {}),
    ...match,
  };
}

/** "inbound tcp 443", "outbound all traffic": a rule as a person names it. */
export function ruleText(direction: "ingress" | "egress", permission: IpPermission): string {
  const proto = ruleProtocol(permission.ipProtocol);
  const name = proto === -1 ? "all traffic" : permission.ipProtocol;
  const ports = hasPorts(proto) && permission.fromPort !== undefined && permission.fromPort !== -1 ? ` ${permission.fromPort === (permission.toPort ?? permission.fromPort) ? permission.fromPort : `${permission.fromPort}-${permission.toPort}`}` : "";
  return `${direction === "ingress" ? "inbound" : "outbound"} ${name}${ports}`;
}

/**
 * Whether a rule naming a security group applies to a member in another VPC,
 * given how the packet travelled; undefined when it does, else why not.
 *
 * - Within a VPC, always, unless the packet was forwarded by a middlebox
 *   appliance: then only the addresses count, not the groups.
 * - Across an active VPC peering connection in the same Region.
 *   https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html
 * - Across one transit gateway (not across transit gateway peering), for
 *   inbound rules only, when security group referencing support is enabled on
 *   the transit gateway (disabled by default) and on the VPC attachments of
 *   both VPCs (enabled by default).
 *   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayOptions.html
 *   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayVpcAttachmentOptions.html
 *   https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-security-group-referencing-for-aws-transit-gateway/
 */
export function referenceAcross(index: IndexedTopology, memberVpcId: string, vpcId: string, direction: "ingress" | "egress", crossings: readonly Crossing[]): string | undefined {
  const middlebox = crossings.find((c) => c.kind === "middlebox");
  if (middlebox) return `the packet was forwarded by ${middlebox.id}, and a rule referencing a group does not match traffic routed through a middlebox appliance (reference the addresses instead)`;
  if (memberVpcId === vpcId) return undefined;
  const peerings = crossings.filter((c) => c.kind === "peering");
  const gateways = crossings.filter((c): c is Extract<Crossing, { kind: "transit-gateway" }> => c.kind === "transit-gateway");
  if (peerings.length > 0 && gateways.length === 0) {
    const ra = index.vpcs.get(memberVpcId)?.region;
    const rb = index.vpcs.get(vpcId)?.region;
    if (ra !== undefined && rb !== undefined && ra !== rb) return `${memberVpcId} is in ${ra} and ${vpcId} in ${rb}: a group in a peer VPC of another Region cannot be referenced (reference its CIDR block instead)`;
    return undefined;
  }
  if (gateways.length === 1 && peerings.length === 0) {
    const hop = gateways[0] as Extract<Crossing, { kind: "transit-gateway" }>;
    if (direction === "egress") return `the packet crosses transit gateway ${hop.transitGatewayId}, and outbound rules cannot reference a security group across a transit gateway`;
    const tgw = index.transitGateways.get(hop.transitGatewayId);
    const off: string[] = [];
    if ((tgw?.options.securityGroupReferencingSupport ?? "disable") !== "enable") off.push(`on transit gateway ${hop.transitGatewayId} (SecurityGroupReferencingSupport is disable${tgw ? "" : ": the gateway is not in the topology"}; the default for a transit gateway)`);
    for (const attachmentId of [hop.ingressAttachmentId, hop.egressAttachmentId]) {
      if (attachmentId === undefined) continue;
      const attachment = index.tgwAttachments.get(`${hop.transitGatewayId}|${attachmentId}`);
      if (attachment && attachment.securityGroupReferencingSupport !== "enable") off.push(`on VPC attachment ${attachmentId} of ${attachment.resourceId} (SecurityGroupReferencingSupport is disable)`);
    }
    if (off.length > 0) return `the packet crosses transit gateway ${hop.transitGatewayId}, where a rule can reference a group of another attached VPC only when security group referencing support is enabled both on the transit gateway and on the VPC attachments; it is off ${off.join(" and ")}`;
    return undefined;
  }
  if (gateways.length > 1) return `the packet crosses ${gateways.map((g) => g.transitGatewayId).join(" and ")}: security groups cannot be referenced across transit gateway peering`;
  return `${memberVpcId} is not ${vpcId}, and the packet reached it neither over a VPC peering connection nor over one transit gateway, so the group reference does not apply`;
}

export function describeSecurityGroupRule(rule: SecurityGroupRuleDetail): string {
  const what = rule.cidr ?? rule.prefixListId ?? (rule.referencedGroupId ? `members of ${rule.referencedGroupId}` : "any");
  const ports = rule.portRange ? ` port ${rule.portRange.from === rule.portRange.to ? rule.portRange.from : `${rule.portRange.from}-${rule.portRange.to}`}` : "";
  return `${rule.securityGroupId} ${rule.direction === "ingress" ? "inbound" : "outbound"} rule allows ${rule.protocol === "-1" ? "all traffic" : rule.protocol}${ports} ${rule.direction === "ingress" ? "from" : "to"} ${what}`;
}

export { formatIp };

/**
 * One rule as the console lists it: a permission has one rule per source
 * (CIDR block, prefix list or group), each with the permission's protocol
 * and ports.
 */
export type SingleRule = {
  groupId: string;
  direction: "ingress" | "egress";
  permission: IpPermission;
  protocol: number;
  source: { kind: "cidr"; text: string; cidr: Cidr } | { kind: "prefix-list"; id: string } | { kind: "group"; id: string };
  /** "inbound tcp 443 from 0.0.0.0/0". */
  text: string;
};

export function singleRules(groupId: string, direction: "ingress" | "egress", permissions: readonly IpPermission[]): SingleRule[] {
  const out: SingleRule[] = [];
  for (const permission of permissions) {
    const protocol = ruleProtocol(permission.ipProtocol);
    const base = `${ruleText(direction, permission)} ${direction === "ingress" ? "from" : "to"}`;
    for (const text of [...permission.ipRanges.map((r) => r.cidrIp), ...permission.ipv6Ranges.map((r) => r.cidrIpv6)]) {
      const cidr = parseCidr(text);
      if (cidr) out.push({ groupId, direction, permission, protocol, source: { kind: "cidr", text, cidr }, text: `${base} ${text}` });
    }
    for (const p of permission.prefixListIds) out.push({ groupId, direction, permission, protocol, source: { kind: "prefix-list", id: p.prefixListId }, text: `${base} ${p.prefixListId}` });
    for (const g of permission.userIdGroupPairs) out.push({ groupId, direction, permission, protocol, source: { kind: "group", id: g.groupId }, text: `${base} ${g.groupId}` });
  }
  return out;
}

function portsOf(rule: SingleRule): { from: number; to: number } {
  const from = rule.permission.fromPort;
  const to = rule.permission.toPort;
  if (from === undefined || from === -1) return { from: rule.protocol === ICMP || rule.protocol === 58 ? -1 : 0, to: rule.protocol === ICMP || rule.protocol === 58 ? -1 : 65535 };
  return { from, to: to ?? from };
}

/**
 * Does rule `a` allow every packet rule `b` allows? Security group rules only
 * allow, so such a `b` adds nothing: protocol (-1 covers all), ports for TCP
 * and UDP, ICMP type and code (-1: all), and the source: a containing CIDR
 * block of the same family, the same prefix list or group, or a CIDR block
 * holding every entry of `b`'s prefix list.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */
export function singleRuleCovers(index: IndexedTopology, a: SingleRule, b: SingleRule): boolean {
  if (a.direction !== b.direction) return false;
  if (a.protocol !== -1) {
    if (a.protocol !== b.protocol) return false;
    const pa = portsOf(a);
    const pb = portsOf(b);
    if (hasPorts(a.protocol) && (pb.from < pa.from || pb.to > pa.to)) return false;
    if (a.protocol === ICMP || a.protocol === 58) {
      if (pa.from !== -1 && pa.from !== pb.from) return false;
      if (pa.to !== -1 && pa.to !== pb.to) return false;
    }
  }
  const sa = a.source;
  const sb = b.source;
  if (sa.kind === "cidr" && sb.kind === "cidr") return sa.cidr.v6 === sb.cidr.v6 && sa.cidr.length <= sb.cidr.length && cidrContains(sa.cidr, sb.cidr.network);
  if (sa.kind === "cidr" && sb.kind === "prefix-list") {
    const entries = index.prefixListPrefixes.get(sb.id);
    return entries !== undefined && entries.length > 0 && entries.every((e) => e.v6 === sa.cidr.v6 && sa.cidr.length <= e.length && cidrContains(sa.cidr, e.network));
  }
  if (sa.kind === "prefix-list" && sb.kind === "prefix-list") return sa.id === sb.id;
  if (sa.kind === "group" && sb.kind === "group") return sa.id === sb.id;
  return false;
}
