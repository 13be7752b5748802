import { cidrContains, formatIp, parseCidr, type Ip } from "../ip";
import type { IndexedInterface, IndexedTopology } from "../model/indexed-topology";
import type { IpPermission } from "../model/topology";
import { hasPorts, ICMP, ruleProtocol, type Packet } from "../packet";
import type { SecurityGroupRuleDetail } from "../questions/path-component";

/**
 * Security groups: allow rules only, stateful (replies are always allowed),
 * sources by CIDR, prefix list or referenced security group.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html
 */

export type SecurityGroupVerdict = { allowed: true; rule: SecurityGroupRuleDetail | undefined } | { allowed: false; groupIds: string[] };

function protocolMatches(permission: IpPermission, packet: Packet): boolean {
  const proto = ruleProtocol(permission.ipProtocol);
  if (proto === -1) return true;
  if (packet.protocol !== proto) return false;
  if (hasPorts(proto)) {
    const from = permission.fromPort ?? 0;
    const to = permission.toPort ?? 65535;
    if (from === -1) return true;
    const port = packet.dstPort;
    return port !== undefined && port >= from && port <= to;
  }
  if (proto === ICMP) return true;
  return true;
}

function inCidr(cidr: string, ip: Ip): boolean {
  const p = parseCidr(cidr);
  return p !== undefined && cidrContains(p, ip);
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
): SecurityGroupVerdict {
  // An interface with no security group (a Network Load Balancer without groups) filters nothing.
  if (iface.securityGroupIds.length === 0) return { allowed: true, rule: undefined };
  const peer = direction === "ingress" ? packet.srcIp : packet.dstIp;
  for (const groupId of iface.securityGroupIds) {
    const group = index.securityGroups.get(groupId);
    if (!group) continue;
    const permissions = direction === "ingress" ? group.ipPermissions : group.ipPermissionsEgress;
    for (const permission of permissions) {
      if (!protocolMatches(permission, packet)) continue;
      const base = {
        direction,
        securityGroupId: groupId,
        protocol: permission.ipProtocol,
        ...(permission.fromPort !== undefined && permission.fromPort >= 0 && hasPorts(ruleProtocol(permission.ipProtocol))
          ? { portRange: { from: permission.fromPort, to: permission.toPort ?? permission.fromPort } }
          : {}),
      } satisfies SecurityGroupRuleDetail;
      for (const range of permission.ipRanges) if (inCidr(range.cidrIp, peer)) return { allowed: true, rule: { ...base, cidr: range.cidrIp } };
      for (const range of permission.ipv6Ranges) if (inCidr(range.cidrIpv6, peer)) return { allowed: true, rule: { ...base, cidr: range.cidrIpv6 } };
      for (const pl of permission.prefixListIds) {
        for (const p of index.prefixListPrefixes.get(pl.prefixListId) ?? []) {
          if (cidrContains(p, peer)) return { allowed: true, rule: { ...base, prefixListId: pl.prefixListId } };
        }
      }
      for (const pair of permission.userIdGroupPairs) {
        // A rule naming a group admits traffic from the private addresses of interfaces in that group.
        // Referenced groups work within a VPC and across a peering connection in the same Region only.
        // https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html
        if (peerInterfaces.some((p) => p.securityGroupIds.includes(pair.groupId) && p.privateIps.includes(peer) && sameRegion(index, p.vpcId, iface.vpcId))) {
          return { allowed: true, rule: { ...base, referencedGroupId: pair.groupId } };
        }
      }
    }
  }
  return { allowed: false, groupIds: iface.securityGroupIds };
}

function sameRegion(index: IndexedTopology, a: string, b: string): boolean {
  if (a === b) return true;
  const ra = index.vpcs.get(a)?.region;
  const rb = index.vpcs.get(b)?.region;
  return ra === undefined || rb === undefined || ra === rb;
}

export function describeSecurityGroupRule(rule: SecurityGroupRuleDetail): string {
  const what = rule.cidr ?? rule.prefixListId ?? (rule.referencedGroupId ? `members of ${rule.referencedGroupId}` : "any");
  const ports = rule.portRange ? ` port ${rule.portRange.from === rule.portRange.to ? rule.portRange.from : `${rule.portRange.from}-${rule.portRange.to}`}` : "";
  return `${rule.securityGroupId} ${rule.direction === "ingress" ? "inbound" : "outbound"} rule allows ${rule.protocol === "-1" ? "all traffic" : rule.protocol}${ports} ${rule.direction === "ingress" ? "from" : "to"} ${what}`;
}

export { formatIp };
