/**
 * Benchmark of the reachability evaluator (issue 3): `npm run bench:reachability`.
 *
 * Synthetic topologies of 10, 100 and 1,000 VPCs. Each VPC has two subnets,
 * ten instances, a security group of twenty rules, a network ACL of ten
 * rules, a main route table with routes to its transit gateway, to a
 * peered neighbour and to an internet gateway. VPCs are attached in groups
 * of 250 to transit gateways (one route table each, propagation from every
 * VPC, static routes to the other gateways' VPCs over a full mesh of
 * transit gateway peerings), and each VPC peers with the next one.
 *
 * Prints: schema parse and index time, the median time of one query (warm
 * index) and of one query on a lesson-sized topology with a fresh index
 * (what a widget pays after an edit), the time and throughput of a
 * 10,000-pair instance matrix, and peak memory. With `--write` it also
 * replaces the figures in the "Reachability evaluator" section of
 * docs/benchmarks.md (`npm run --silent bench:reachability -- --write`).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import os from "node:os";
import { analyze, indexTopology, parseTopology, reachabilityMatrix, type AnalysisQuery, type Topology, type TopologyInput } from "../lib/network/index";
import { threeTier } from "../lib/network/testing/three-tier";

type Input = Required<Pick<TopologyInput, "vpcs" | "subnets" | "routeTables" | "internetGateways" | "securityGroups" | "networkAcls" | "instances" | "vpcPeeringConnections" | "transitGateways" | "transitGatewayAttachments" | "transitGatewayRouteTables">>;

const TGW_GROUP = 250;

function vpcCidr(i: number): { first: number; second: number; cidr: string } {
  const first = 10 + Math.floor(i / 256);
  const second = i % 256;
  return { first, second, cidr: `${first}.${second}.0.0/16` };
}

function synthetic(vpcCount: number): TopologyInput {
  const t: Input = {
    vpcs: [],
    subnets: [],
    routeTables: [],
    internetGateways: [],
    securityGroups: [],
    networkAcls: [],
    instances: [],
    vpcPeeringConnections: [],
    transitGateways: [],
    transitGatewayAttachments: [],
    transitGatewayRouteTables: [],
  };
  const tgwCount = Math.ceil(vpcCount / TGW_GROUP);
  for (let g = 0; g < tgwCount; g += 1) {
    t.transitGateways.push({ transitGatewayId: `tgw-${g}`, options: { defaultRouteTableAssociation: "disable", defaultRouteTablePropagation: "disable" } });
  }
  const tgwRoutes: { destinationCidrBlock: string; transitGatewayAttachments: { transitGatewayAttachmentId: string }[] }[][] = Array.from({ length: tgwCount }, () => []);
  const propagations: { transitGatewayAttachmentId: string }[][] = Array.from({ length: tgwCount }, () => []);
  for (let i = 0; i < vpcCount; i += 1) {
    const { first, second, cidr } = vpcCidr(i);
    const vpcId = `vpc-${i}`;
    const g = Math.floor(i / TGW_GROUP);
    t.vpcs.push({ vpcId, cidrBlock: cidr });
    for (let s = 0; s < 2; s += 1) {
      t.subnets.push({ subnetId: `subnet-${i}-${s}`, vpcId, cidrBlock: `${first}.${second}.${s}.0/24`, availabilityZone: "us-east-1a" });
      for (let n = 0; n < 5; n += 1) {
        t.instances.push({ instanceId: `i-${i}-${s}-${n}`, subnetId: `subnet-${i}-${s}`, privateIpAddress: `${first}.${second}.${s}.${10 + n}`, securityGroupIds: [`sg-${i}`] });
      }
    }
    t.internetGateways.push({ internetGatewayId: `igw-${i}`, attachments: [{ vpcId }] });
    const next = (i + 1) % vpcCount;
    const routes: NonNullable<Input["routeTables"][number]["routes"]> = [
      { destinationCidrBlock: "0.0.0.0/0", gatewayId: `igw-${i}` },
      { destinationCidrBlock: "8.0.0.0/5", transitGatewayId: `tgw-${g}` },
    ];
    if (vpcCount > 1 && next > i) {
      t.vpcPeeringConnections.push({ vpcPeeringConnectionId: `pcx-${i}`, requesterVpcInfo: { vpcId }, accepterVpcInfo: { vpcId: `vpc-${next}` } });
    }
    if (vpcCount > 1) {
      if (next > i) routes.push({ destinationCidrBlock: vpcCidr(next).cidr, vpcPeeringConnectionId: `pcx-${i}` });
      const previous = (i - 1 + vpcCount) % vpcCount;
      if (previous < i) routes.push({ destinationCidrBlock: vpcCidr(previous).cidr, vpcPeeringConnectionId: `pcx-${previous}` });
    }
    t.routeTables.push({ routeTableId: `rtb-${i}`, vpcId, associations: [{ main: true }], routes });
    // Twenty rules, the last one the one that matches: a worst case for the linear scan of rules.
    t.securityGroups.push({
      groupId: `sg-${i}`,
      vpcId,
      ipPermissions: [
        ...Array.from({ length: 19 }, (_, r) => ({ ipProtocol: "tcp", fromPort: 1000 + r, toPort: 1000 + r, ipRanges: [{ cidrIp: "192.168.0.0/16" }] })),
        // One VPC in ten admits 8443 only, so a tenth of the answers are blocked at the destination.
        { ipProtocol: "tcp", fromPort: i % 10 === 9 ? 8443 : 443, toPort: i % 10 === 9 ? 8443 : 443, ipRanges: [{ cidrIp: "8.0.0.0/5" }] },
      ],
    });
    t.networkAcls.push({
      networkAclId: `acl-${i}`,
      vpcId,
      isDefault: true,
      entries: [
        ...Array.from({ length: 8 }, (_, r) => ({ ruleNumber: 10 + r, protocol: "6", ruleAction: "deny" as const, egress: r % 2 === 0, cidrBlock: `192.168.${r}.0/24` })),
        { ruleNumber: 100, protocol: "-1", ruleAction: "allow" as const, egress: false, cidrBlock: "0.0.0.0/0" },
        { ruleNumber: 100, protocol: "-1", ruleAction: "allow" as const, egress: true, cidrBlock: "0.0.0.0/0" },
      ],
    });
    const attachmentId = `tgw-attach-${i}`;
    t.transitGatewayAttachments.push({ transitGatewayAttachmentId: attachmentId, transitGatewayId: `tgw-${g}`, resourceType: "vpc", resourceId: vpcId, subnetIds: [`subnet-${i}-0`], association: { transitGatewayRouteTableId: `tgw-rtb-${g}` } });
    propagations[g]?.push({ transitGatewayAttachmentId: attachmentId });
    // Every other transit gateway reaches this VPC through its peering with this one.
    for (let h = 0; h < tgwCount; h += 1) {
      if (h !== g) tgwRoutes[h]?.push({ destinationCidrBlock: cidr, transitGatewayAttachments: [{ transitGatewayAttachmentId: `tgw-attach-peer-${Math.min(g, h)}-${Math.max(g, h)}` }] });
    }
  }
  for (let g = 0; g < tgwCount; g += 1) {
    for (let h = g + 1; h < tgwCount; h += 1) {
      const id = `tgw-attach-peer-${g}-${h}`;
      t.transitGatewayAttachments.push({ transitGatewayAttachmentId: id, transitGatewayId: `tgw-${g}`, resourceType: "peering", resourceId: `tgw-${h}`, association: { transitGatewayRouteTableId: `tgw-rtb-${g}` } });
      t.transitGatewayAttachments.push({ transitGatewayAttachmentId: id, transitGatewayId: `tgw-${h}`, resourceType: "peering", resourceId: `tgw-${g}`, association: { transitGatewayRouteTableId: `tgw-rtb-${h}` } });
    }
    t.transitGatewayRouteTables.push({ transitGatewayRouteTableId: `tgw-rtb-${g}`, transitGatewayId: `tgw-${g}`, propagations: propagations[g] ?? [], routes: tgwRoutes[g] ?? [] });
  }
  return t;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

let peakRss = 0;
function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

function time<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

function parse(input: TopologyInput): Topology {
  const parsed = parseTopology(input);
  if (!parsed.ok) throw new Error(`synthetic topology is invalid: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
  return parsed.topology;
}

const lines: string[] = [];
function out(line: string): void {
  lines.push(line);
  console.log(line);
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

function lessonSized(): void {
  const input = threeTier().toJSON();
  const base = parse(input);
  const query: AnalysisQuery = { source: "i-app", destinationIp: "8.8.8.8", protocol: "tcp", destinationPort: 443 };
  const warm: number[] = [];
  const cold: number[] = [];
  for (let k = 0; k < 300; k += 1) warm.push(time(() => analyze(base, query)).ms);
  for (let k = 0; k < 300; k += 1) {
    // A widget after an edit: a new topology object, so a fresh index.
    const edited = { ...base, instances: [...base.instances] };
    cold.push(time(() => analyze(edited, query)).ms);
  }
  const parseMs = median(Array.from({ length: 50 }, () => time(() => parse(input)).ms));
  out(`| lesson (three tiers, 3 instances) | ${fmt(parseMs)} | — | ${fmt(median(warm))} | ${fmt(median(cold))} | — | — |`);
}

function run(vpcCount: number): void {
  const input = synthetic(vpcCount);
  sampleMemory();
  const { value: topology, ms: parseMs } = time(() => parse(input));
  sampleMemory();
  const { ms: indexMs } = time(() => indexTopology(topology));
  sampleMemory();
  const instances = topology.instances.map((i) => i.instanceId);
  const pick = (k: number) => instances[(k * 7919) % instances.length] ?? "i-0-0-0";
  // Warm-up: compile the route tables the queries touch.
  for (let k = 0; k < 50; k += 1) analyze(topology, { source: pick(k), destination: pick(k + 1), protocol: "tcp", destinationPort: 443 });
  const single: number[] = [];
  let found = 0;
  for (let k = 0; k < 200; k += 1) {
    const { value, ms } = time(() => analyze(topology, { source: pick(k * 3), destination: pick(k * 5 + 1), protocol: "tcp", destinationPort: 443 }));
    single.push(ms);
    if (value.ok && value.networkPathFound) found += 1;
  }
  sampleMemory();
  // 100 sources × 100 destinations = 10,000 pairs.
  const sources = Array.from({ length: 100 }, (_, k) => pick(k * 13 + 3));
  const destinations = Array.from({ length: 100 }, (_, k) => pick(k * 17 + 5));
  const probes: AnalysisQuery[] = sources.flatMap((source) => destinations.map((destination) => ({ source, destination, protocol: "tcp", destinationPort: 443 })));
  const { value: entries, ms: matrixMs } = time(() => reachabilityMatrix(topology, probes));
  sampleMemory();
  const reachable = entries.filter((e) => e.result.ok && e.result.networkPathFound).length;
  out(
    `| ${vpcCount} VPCs, ${topology.instances.length} instances, ${topology.transitGateways.length} TGW, ${topology.vpcPeeringConnections.length} peerings | ${fmt(parseMs)} | ${fmt(indexMs)} | ${fmt(median(single))} (${found}/200 reachable) | — | ${fmt(matrixMs)} ms, ${Math.round(probes.length / (matrixMs / 1000))} pairs/s (${reachable}/${probes.length} reachable) | ${Math.round(peakRss / 2 ** 20)} MiB |`,
  );
}

out(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"} × ${os.cpus().length}, Node ${process.version}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`);
out("");
out("| topology | parse (ms) | index (ms) | one query, median (ms) | one query, fresh index (ms) | 10,000-pair matrix | peak RSS |");
out("|---|---|---|---|---|---|---|");
lessonSized();
for (const n of [10, 100, 1000]) run(n);

if (process.argv.includes("--write")) writeFigures("docs/benchmarks.md");

/** Replace the machine line and the table of the "Reachability evaluator" section, keeping the prose around them. */
function writeFigures(path: string): void {
  if (!existsSync(path)) {
    console.error(`${path} does not exist; nothing written`);
    return;
  }
  const doc = readFileSync(path, "utf8").split("\n");
  const heading = doc.findIndex((l) => l.trim() === "## Reachability evaluator");
  const start = heading < 0 ? -1 : doc.findIndex((l, i) => i > heading && l.startsWith("Machine:"));
  if (start < 0) {
    console.error(`${path} has no "## Reachability evaluator" section with a "Machine:" line; nothing written`);
    return;
  }
  let end = start + 1;
  while (end < doc.length && (doc[end] === "" || doc[end]?.startsWith("|"))) end += 1;
  while (end > start + 1 && doc[end - 1] === "") end -= 1;
  const dated = doc.map((l, i) => (i > heading && i < start && l.startsWith("Measured ") ? `Measured ${new Date().toISOString().slice(0, 10)} on the shared development machine (other sessions were` : l));
  writeFileSync(path, [...dated.slice(0, start), ...lines, ...dated.slice(end)].join("\n"));
  console.error(`updated ${path}`);
}
