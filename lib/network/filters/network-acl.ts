import { cidrContains, isIpv6, parseCidr, type Cidr } from "../ip";
import { compiledCache, type IndexedTopology } from "../model/indexed-topology";
import type { NetworkAcl, NetworkAclEntry } from "../model/topology";
import { hasPorts, ruleProtocol, type Packet } from "../packet";
import type { AclRuleDetail } from "../questions/path-component";

/**
 * Network ACLs: stateless, rules evaluated in rule-number order, the first
 * match decides, and the `*` rule denies what nothing matched.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */

interface CompiledEntry {
  entry: NetworkAclEntry;
  prefix: Cidr;
  protocol: number;
}

function compiled(index: IndexedTopology, acl: NetworkAcl, egress: boolean): CompiledEntry[] {
  const cache = compiledCache<NetworkAcl, { in?: CompiledEntry[]; out?: CompiledEntry[] }>(index, egress ? "acl:out" : "acl:in");
  const cached = cache.get(acl);
  if (cached) return (egress ? cached.out : cached.in) as CompiledEntry[];
  const out: CompiledEntry[] = [];
  for (const entry of acl.entries) {
    const cidr = entry.cidrBlock ?? entry.ipv6CidrBlock;
    if (entry.egress !== egress || cidr === undefined) continue;
    // The default rule (32767) that describe-network-acls lists is the implicit `*` deny below.
    if (entry.ruleNumber === 32767) continue;
    const prefix = parseCidr(cidr);
    if (prefix) out.push({ entry, prefix, protocol: ruleProtocol(entry.protocol) });
  }
  out.sort((a, b) => a.entry.ruleNumber - b.entry.ruleNumber);
  cache.set(acl, egress ? { out } : { in: out });
  return out;
}

export type AclVerdict = { allowed: boolean; rule: AclRuleDetail; acl: NetworkAcl } | { allowed: true; rule: undefined; acl: undefined };

/** Evaluate the subnet's ACL for a packet leaving (`egress`, peer = destination) or entering it. */
export function evaluateNetworkAcl(index: IndexedTopology, subnetId: string, egress: boolean, packet: Packet): AclVerdict {
  const acl = index.networkAclOfSubnet.get(subnetId);
  // No ACL in the topology: AWS's default ACL, which allows everything.
  if (!acl) return { allowed: true, rule: undefined, acl: undefined };
  const peer = egress ? packet.dstIp : packet.srcIp;
  for (const c of compiled(index, acl, egress)) {
    if (!cidrContains(c.prefix, peer)) continue;
    if (c.protocol !== -1) {
      if (c.protocol !== packet.protocol) continue;
      if (hasPorts(c.protocol)) {
        const range = c.entry.portRange;
        const port = packet.dstPort;
        if (range && (port === undefined || port < range.from || port > range.to)) continue;
      }
    }
    return {
      allowed: c.entry.ruleAction === "allow",
      acl,
      rule: {
        ruleNumber: c.entry.ruleNumber,
        ruleAction: c.entry.ruleAction,
        egress,
        protocol: c.entry.protocol,
        cidr: c.entry.cidrBlock ?? c.entry.ipv6CidrBlock,
        ...(c.entry.portRange ? { portRange: c.entry.portRange } : {}),
      },
    };
  }
  return { allowed: false, acl, rule: { ruleNumber: "*", ruleAction: "deny", egress, protocol: "-1", cidr: isIpv6(peer) ? "::/0" : "0.0.0.0/0" } };
}

/** "inbound 100 allow tcp 22 0.0.0.0/0": an entry as a person reads it. */
export function aclEntryText(entry: NetworkAclEntry): string {
  const proto = ruleProtocol(entry.protocol);
  const name = proto === -1 ? "all traffic" : proto === 6 ? "tcp" : proto === 17 ? "udp" : proto === 1 ? "icmp" : proto === 58 ? "icmpv6" : `protocol ${entry.protocol}`;
  const ports = hasPorts(proto) ? (entry.portRange ? ` ${entry.portRange.from === entry.portRange.to ? entry.portRange.from : `${entry.portRange.from}-${entry.portRange.to}`}` : " all ports") : "";
  return `${entry.egress ? "outbound" : "inbound"} rule ${entry.ruleNumber} ${entry.ruleAction}s ${name}${ports} ${entry.egress ? "to" : "from"} ${entry.cidrBlock ?? entry.ipv6CidrBlock}`;
}

/**
 * Does entry `a` match every packet entry `b` matches? Then, `a` being
 * evaluated first (a lower rule number in the same direction), `b` is never
 * reached. Protocol (-1 covers all), ports for TCP and UDP (no range: all),
 * ICMP type and code (-1: all), and the CIDR block (same family, contains).
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
export function aclEntryCovers(a: NetworkAclEntry, b: NetworkAclEntry): boolean {
  if (a.egress !== b.egress) return false;
  const pa = ruleProtocol(a.protocol);
  const pb = ruleProtocol(b.protocol);
  if (pa !== -1) {
    if (pa !== pb) return false;
    if (hasPorts(pa) && a.portRange) {
      if (!b.portRange || b.portRange.from < a.portRange.from || b.portRange.to > a.portRange.to) return false;
    }
    if ((pa === 1 || pa === 58) && a.icmpTypeCode && a.icmpTypeCode.type !== -1) {
      if (!b.icmpTypeCode || b.icmpTypeCode.type !== a.icmpTypeCode.type) return false;
      if (a.icmpTypeCode.code !== -1 && b.icmpTypeCode.code !== a.icmpTypeCode.code) return false;
    }
  }
  const ca = parseCidr(a.cidrBlock ?? a.ipv6CidrBlock ?? "");
  const cb = parseCidr(b.cidrBlock ?? b.ipv6CidrBlock ?? "");
  return ca !== undefined && cb !== undefined && ca.v6 === cb.v6 && ca.length <= cb.length && cidrContains(ca, cb.network);
}
