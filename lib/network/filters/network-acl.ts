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
