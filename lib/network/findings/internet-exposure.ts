import { singleRules } from "../filters/security-group";
import { addressInCidr, cidrContains, formatIp, isIpv6, parseCidr, type Cidr, type Ip } from "../ip";
import type { IndexedInterface, IndexedTopology } from "../model/indexed-topology";
import { hasPorts, ICMP, protocolName } from "../packet";
import { analyzeIndexed, analysisQuerySchema, pathHops, DEFAULT_INTERNET_SOURCE, DEFAULT_INTERNET_SOURCE_V6, type AnalysisSuccess } from "../questions/analyze";
import type { Finding, FindingResource, Severity } from "./finding";

/**
 * What the internet reaches: every instance or interface with a public
 * address (public or Elastic IPv4, or a global IPv6 address), on each port
 * its security groups open to public sources, and every internet-facing
 * load balancer's listeners. Each is probed with `analyze` from a public
 * address the rule admits, so a finding is a path that exists — the route
 * tables, network ACLs and gateways on the way were checked too — and its
 * evidence is that path.
 */

const notPublic = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "0.0.0.0/8", "224.0.0.0/3", "fc00::/7", "fe80::/10", "::/127"].map((c) => parseCidr(c) as Cidr);

function isPublic(ip: Ip): boolean {
  return !notPublic.some((c) => c.v6 === isIpv6(ip) && cidrContains(c, ip));
}

/** A public address inside the block, to probe from; undefined when the block holds none. */
function publicAddressIn(cidr: Cidr): Ip | undefined {
  if (cidr.length === 0) return cidr.v6 ? (parseCidr(`${DEFAULT_INTERNET_SOURCE_V6}/128`) as Cidr).network : (parseCidr(`${DEFAULT_INTERNET_SOURCE}/32`) as Cidr).network;
  const width = cidr.v6 ? 128 : 32;
  const size = 2 ** Math.min(width - cidr.length, 52);
  for (const offset of [1, 0, Math.floor(size / 2), size - 2]) {
    const ip = addressInCidr(cidr, Math.max(0, offset));
    if (isPublic(ip)) return ip;
  }
  return undefined;
}

/** Ports an admin or a database listens on: open to the internet, they are the first thing to close. */
const sensitivePorts = new Set([20, 21, 22, 23, 25, 110, 135, 139, 143, 445, 1433, 1521, 2049, 2375, 2376, 2379, 3306, 3389, 5432, 5601, 5900, 5984, 6379, 8086, 9042, 9200, 9300, 11211, 27017]);

function severityOf(protocol: number, from: number, to: number): Severity {
  if (protocol === -1) return "high";
  if (hasPorts(protocol)) {
    for (const p of sensitivePorts) if (p >= from && p <= to) return "high";
    if (from === to && (from === 80 || from === 443)) return "low";
  }
  return "medium";
}

type Probe = { protocol: number; ports: number[]; portText: string; from: number; to: number; sourceIp: Ip; sourceText: string };

/** The probes an interface's inbound rules call for: one per protocol and port range open to a public source, per address family. */
function probesOf(index: IndexedTopology, iface: IndexedInterface): Probe[] {
  const probes = new Map<string, Probe>();
  for (const groupId of iface.securityGroupIds) {
    const group = index.securityGroups.get(groupId);
    if (!group) continue;
    for (const rule of singleRules(groupId, "ingress", group.ipPermissions)) {
      const sources: { cidr: Cidr; text: string }[] =
        rule.source.kind === "cidr" ? [{ cidr: rule.source.cidr, text: rule.source.text }] : rule.source.kind === "prefix-list" ? (index.prefixListPrefixes.get(rule.source.id) ?? []).map((cidr) => ({ cidr, text: rule.source.kind === "prefix-list" ? rule.source.id : "" })) : [];
      for (const source of sources) {
        const sourceIp = publicAddressIn(source.cidr);
        if (sourceIp === undefined) continue;
        const from = rule.permission.fromPort === undefined || rule.permission.fromPort === -1 ? 0 : rule.permission.fromPort;
        const to = rule.permission.fromPort === undefined || rule.permission.fromPort === -1 ? 65535 : (rule.permission.toPort ?? from);
        // All traffic is probed as such, then on the ports an attacker tries first, in case a network ACL narrows it.
        const ports = rule.protocol === -1 ? [] : hasPorts(rule.protocol) ? [...new Set([from, to])] : [];
        const key = `${rule.protocol}|${from}|${to}|${isIpv6(sourceIp)}`;
        const existing = probes.get(key);
        // Prefer the widest source (the whole internet) as the one to report.
        if (!existing || source.cidr.length === 0) {
          const portText = rule.protocol === -1 ? "all traffic" : hasPorts(rule.protocol) ? `${protocolName(rule.protocol)} ${from === to ? from : `${from}-${to}`}` : rule.protocol === ICMP ? "icmp" : `protocol ${rule.permission.ipProtocol}`;
          probes.set(key, { protocol: rule.protocol, ports, portText, from, to, sourceIp, sourceText: source.text });
        }
      }
    }
  }
  return [...probes.values()];
}

function query(sourceIp: Ip, destinationIp: Ip, protocol: number, port: number | undefined) {
  return analysisQuerySchema.parse({ source: "internet", sourceIp: formatIp(sourceIp), destinationIp: formatIp(destinationIp), protocol: protocol === -1 ? "all" : String(protocol), ...(port !== undefined ? { destinationPort: port } : {}) });
}

function reach(index: IndexedTopology, sourceIp: Ip, destinationIp: Ip, protocol: number, port: number | undefined): AnalysisSuccess | undefined {
  const result = analyzeIndexed(index, query(sourceIp, destinationIp, protocol, port));
  return result.ok && result.networkPathFound ? result : undefined;
}

/** The instance an interface belongs to, or the interface itself. */
function resourceOf(index: IndexedTopology, iface: IndexedInterface): FindingResource {
  const instance = iface.kind === "instance" && iface.ownerId ? index.instances.get(iface.ownerId) : undefined;
  if (instance) {
    const name = instance.tags.find((t) => t.key === "Name")?.value;
    return { id: instance.instanceId, type: "instance", ...(name ? { name } : {}) };
  }
  return { id: iface.id, type: "network-interface" };
}

/** Interfaces reachable from the internet on the ports their groups open to it. */
export function exposedInterfaces(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const iface of index.interfaces.values()) {
    if (!iface.usable || (iface.kind !== "instance" && iface.kind !== "other")) continue;
    const addresses = [...iface.publicIpByPrivate.values(), ...iface.privateIps.filter((ip) => isIpv6(ip) && isPublic(ip))];
    if (addresses.length === 0) continue;
    const probes = probesOf(index, iface);
    for (const address of addresses) {
      for (const probe of probes.filter((p) => isIpv6(p.sourceIp) === isIpv6(address))) {
        const attempts: { protocol: number; port: number | undefined }[] =
          probe.protocol === -1 ? [{ protocol: -1, port: undefined }, ...[22, 3389, 443, 80].map((port) => ({ protocol: 6, port }))] : hasPorts(probe.protocol) ? probe.ports.map((port) => ({ protocol: probe.protocol, port })) : [{ protocol: probe.protocol, port: undefined }];
        let found: { result: AnalysisSuccess; protocol: number; port: number | undefined } | undefined;
        for (const attempt of attempts) {
          const result = reach(index, probe.sourceIp, address, attempt.protocol, attempt.port);
          if (result) {
            found = { result, ...attempt };
            break;
          }
        }
        if (!found) continue;
        const allowedBy = found.result.forwardPathComponents.find((c) => c.securityGroupRule?.direction === "ingress")?.securityGroupRule;
        const igw = found.result.forwardPathComponents.find((c) => c.component.type === "internet-gateway")?.component;
        const resource = resourceOf(index, iface);
        const through = found.protocol === probe.protocol ? "" : ` (probed on ${protocolName(found.protocol)} ${found.port})`;
        findings.push({
          code: "INTERNET_EXPOSED_PORT",
          severity: severityOf(probe.protocol, probe.from, probe.to),
          resources: [resource, ...(allowedBy ? [{ id: allowedBy.securityGroupId, type: "security-group" as const }] : []), ...(igw ? [{ id: igw.id, type: igw.type }] : [])],
          message: `${resource.id}${resource.name ? ` (${resource.name})` : ""} is reachable from the internet on ${probe.portText} at ${formatIp(address)}${through}: ${allowedBy ? `${allowedBy.securityGroupId} admits ${probe.sourceText}` : "nothing filters it"}, and the route tables and network ACLs on the way let the packet and its reply through.`,
          evidence: {
            kind: "path",
            protocol: protocolName(found.protocol),
            port: found.port,
            sourceIp: formatIp(probe.sourceIp),
            destinationIp: formatIp(address),
            hops: pathHops(found.result.forwardPathComponents),
            ...(allowedBy ? { allowedBy } : {}),
          },
          documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html",
        });
      }
    }
  }
  return findings;
}

/** Internet-facing load balancers' listeners the internet reaches, with the target each forwards to. */
export function exposedLoadBalancers(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const lb of index.topology.loadBalancers) {
    if (lb.scheme !== "internet-facing") continue;
    // Probed at a node's public address, so the load balancer forwards the packet on to a target.
    const node = (index.loadBalancerInterfaces.get(lb.loadBalancerArn) ?? []).find((i) => i.publicIpByPrivate.size > 0);
    const address = node ? [...node.publicIpByPrivate.values()][0] : undefined;
    for (const listener of index.listenersOfLoadBalancer.get(lb.loadBalancerArn) ?? []) {
      if (listener.port === undefined) continue;
      const protocol = /^UDP$/i.test(listener.protocol ?? "") ? 17 : 6;
      const parsed = analysisQuerySchema.parse({
        source: "internet",
        ...(address !== undefined ? { destinationIp: formatIp(address) } : { destination: lb.loadBalancerArn }),
        protocol: String(protocol),
        destinationPort: listener.port,
      });
      const result = analyzeIndexed(index, parsed);
      if (!result.ok || !result.networkPathFound) continue;
      const target = result.forwardPathComponents.find((c) => c.loadBalancerTarget)?.loadBalancerTarget;
      findings.push({
        code: "INTERNET_EXPOSED_LOAD_BALANCER",
        severity: listener.port === 80 || listener.port === 443 ? "low" : severityOf(protocol, listener.port, listener.port) === "high" ? "high" : "medium",
        resources: [{ id: lb.loadBalancerArn, type: "load-balancer", name: lb.loadBalancerName }, ...(target ? [{ id: target.id, type: target.id.startsWith("i-") ? ("instance" as const) : ("network-interface" as const) }] : [])],
        message: `Internet-facing load balancer ${lb.loadBalancerName} accepts ${protocolName(protocol)} ${listener.port} from the internet${target ? ` and forwards it to ${target.id} (${target.address}:${target.port})` : ""}.`,
        evidence: {
          kind: "path",
          protocol: protocolName(protocol),
          port: listener.port,
          sourceIp: result.query.sourceIp,
          destinationIp: result.query.destinationIp,
          hops: pathHops(result.forwardPathComponents),
          ...(target ? { target: { id: target.id, address: target.address, port: target.port } } : {}),
        },
        documentation: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme",
      });
    }
  }
  return findings;
}
