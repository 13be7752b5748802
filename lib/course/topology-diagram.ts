import type { Topology } from "@/lib/network";

/**
 * Lays a topology out as boxes and lines for the lesson diagrams: VPCs side by side, their
 * subnets stacked inside, what lives in a subnet inside it, VPC-level gateways along the top
 * of the VPC, the internet and AWS services above, peerings and transit gateways below,
 * on-premises places at the bottom. Pure data, so it is tested without a browser.
 */
export type DiagramKind =
  | "vpc" | "subnet" | "instance" | "nat" | "endpoint" | "gateway" | "internet" | "service"
  | "peering" | "transit" | "vpn" | "onprem" | "directconnect" | "loadbalancer";

export type DiagramNode = {
  id: string;
  label: string;
  detail?: string;
  kind: DiagramKind;
  parentId?: string;
  x: number;
  y: number;
  width: number;
  height: number;
};
export type DiagramEdge = { id: string; source: string; target: string; label?: string };
export type Diagram = { nodes: DiagramNode[]; edges: DiagramEdge[]; width: number; height: number };

const LEAF_W = 150;
const LEAF_H = 44;
const GAP = 14;
const SUBNET_PAD = 12;
const SUBNET_HEADER = 38;
const VPC_HEADER = 40;
const VPC_GAP = 60;
const ROW_GAP = 70;

const tagName = (tags: { key: string; value: string }[] | undefined) => tags?.find((t) => t.key === "Name")?.value;

type Leaf = { id: string; label: string; detail?: string; kind: DiagramKind };

export function layoutTopology(topology: Topology): Diagram {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const edge = (source: string, target: string, label?: string) => {
    if (source === target) return;
    const id = `${source}->${target}`;
    if (!edges.some((e) => e.id === id)) edges.push({ id, source, target, label });
  };

  // What sits inside each subnet.
  const inSubnet = new Map<string, Leaf[]>();
  const addToSubnet = (subnetId: string | undefined, leaf: Leaf) => {
    if (!subnetId) return;
    inSubnet.set(subnetId, [...(inSubnet.get(subnetId) ?? []), leaf]);
  };
  for (const i of topology.instances) {
    const ips = [i.privateIpAddress, i.publicIpAddress].filter(Boolean).join(" · ");
    addToSubnet(i.subnetId, { id: i.instanceId, label: tagName(i.tags) ?? i.instanceId, detail: ips || undefined, kind: "instance" });
  }
  for (const n of topology.natGateways) {
    addToSubnet(n.subnetId, { id: n.natGatewayId, label: tagName(n.tags) ?? n.natGatewayId, detail: `NAT gateway (${n.connectivityType ?? "public"})`, kind: "nat" });
  }
  for (const e of topology.vpcEndpoints.filter((v) => v.vpcEndpointType !== "Gateway")) {
    for (const s of e.subnetIds) addToSubnet(s, { id: `${e.vpcEndpointId}@${s}`, label: e.vpcEndpointId, detail: shortService(e.serviceName), kind: "endpoint" });
  }

  // VPC-level gateways shown along the top of each VPC.
  const vpcGateways = new Map<string, Leaf[]>();
  const addToVpc = (vpcId: string, leaf: Leaf) => vpcGateways.set(vpcId, [...(vpcGateways.get(vpcId) ?? []), leaf]);
  for (const g of topology.internetGateways) for (const a of g.attachments) addToVpc(a.vpcId, { id: g.internetGatewayId, label: g.internetGatewayId, detail: "internet gateway", kind: "gateway" });
  for (const g of topology.egressOnlyInternetGateways) for (const a of g.attachments) addToVpc(a.vpcId, { id: g.egressOnlyInternetGatewayId, label: g.egressOnlyInternetGatewayId, detail: "egress-only IGW", kind: "gateway" });
  for (const g of topology.carrierGateways) addToVpc(g.vpcId, { id: g.carrierGatewayId, label: g.carrierGatewayId, detail: "carrier gateway", kind: "gateway" });
  for (const g of topology.vpnGateways) for (const a of g.vpcAttachments) addToVpc(a.vpcId, { id: g.vpnGatewayId, label: g.vpnGatewayId, detail: "virtual private gateway", kind: "gateway" });
  for (const e of topology.vpcEndpoints.filter((v) => v.vpcEndpointType === "Gateway")) addToVpc(e.vpcId, { id: e.vpcEndpointId, label: e.vpcEndpointId, detail: `gateway endpoint: ${shortService(e.serviceName)}`, kind: "endpoint" });

  // Top row: the internet and AWS public services.
  let topX = 0;
  const topRow: DiagramNode[] = [];
  if (topology.internetGateways.length > 0 || topology.carrierGateways.length > 0) {
    topRow.push({ id: "internet", label: "Internet", kind: "internet", x: 0, y: 0, width: LEAF_W, height: LEAF_H });
  }
  for (const s of topology.awsServices) {
    topRow.push({ id: s.serviceName, label: shortService(s.serviceName), detail: "AWS service", kind: "service", x: 0, y: 0, width: LEAF_W, height: LEAF_H });
  }
  for (const n of topRow) {
    n.x = topX;
    topX += n.width + VPC_GAP;
  }
  nodes.push(...topRow);

  // VPC row.
  let x = 0;
  const vpcTop = topRow.length > 0 ? LEAF_H + ROW_GAP : 0;
  let vpcRowHeight = 0;
  for (const vpc of topology.vpcs) {
    const gateways = vpcGateways.get(vpc.vpcId) ?? [];
    const subnets = topology.subnets.filter((s) => s.vpcId === vpc.vpcId).sort((a, b) => (a.availabilityZone ?? "").localeCompare(b.availabilityZone ?? "") || a.subnetId.localeCompare(b.subnetId));
    const columns = Math.max(1, ...subnets.map((s) => Math.min(2, (inSubnet.get(s.subnetId) ?? []).length)));
    const subnetW = columns * LEAF_W + (columns - 1) * GAP + 2 * SUBNET_PAD;
    const vpcW = Math.max(subnetW + 2 * SUBNET_PAD, gateways.length * (LEAF_W + GAP) + SUBNET_PAD, 240);
    const vpcId = vpc.vpcId;
    const children: DiagramNode[] = [];
    let y = VPC_HEADER;
    gateways.forEach((g, i) => children.push({ ...g, parentId: vpcId, x: SUBNET_PAD + i * (LEAF_W + GAP), y, width: LEAF_W, height: LEAF_H }));
    if (gateways.length > 0) y += LEAF_H + GAP;
    for (const subnet of subnets) {
      const leaves = inSubnet.get(subnet.subnetId) ?? [];
      const rows = Math.ceil(leaves.length / columns);
      const h = SUBNET_HEADER + rows * (LEAF_H + GAP) + (rows > 0 ? SUBNET_PAD - GAP : 0) + SUBNET_PAD;
      children.push({ id: subnet.subnetId, label: tagName(subnet.tags) ?? subnet.subnetId, detail: [subnet.cidrBlock, subnet.availabilityZone].filter(Boolean).join(" · "), kind: "subnet", parentId: vpcId, x: SUBNET_PAD, y, width: subnetW, height: h });
      leaves.forEach((leaf, i) =>
        children.push({ ...leaf, parentId: subnet.subnetId, x: SUBNET_PAD + (i % columns) * (LEAF_W + GAP), y: SUBNET_HEADER + Math.floor(i / columns) * (LEAF_H + GAP), width: LEAF_W, height: LEAF_H }),
      );
      y += h + GAP;
    }
    const vpcH = Math.max(y + SUBNET_PAD - GAP, 90);
    nodes.push({ id: vpcId, label: tagName(vpc.tags) ?? vpcId, detail: [vpc.cidrBlock, ...vpc.cidrBlockAssociationSet.map((c) => c.cidrBlock)].filter((c, i, all) => c && all.indexOf(c) === i).join(", "), kind: "vpc", x, y: vpcTop, width: vpcW, height: vpcH });
    nodes.push(...children);
    x += vpcW + VPC_GAP;
    vpcRowHeight = Math.max(vpcRowHeight, vpcH);
  }

  // Row below the VPCs: peerings, transit gateways, Client VPN, Direct Connect gateways.
  const middle: Leaf[] = [
    ...topology.vpcPeeringConnections.map((p) => ({ id: p.vpcPeeringConnectionId, label: p.vpcPeeringConnectionId, detail: `peering (${p.status})`, kind: "peering" as const })),
    ...topology.transitGateways.map((t) => ({ id: t.transitGatewayId, label: tagName(t.tags) ?? t.transitGatewayId, detail: "transit gateway", kind: "transit" as const })),
    ...topology.directConnectGateways.map((d) => ({ id: d.directConnectGatewayId, label: d.directConnectGatewayName ?? d.directConnectGatewayId, detail: "Direct Connect gateway", kind: "directconnect" as const })),
    ...topology.vpnConnections.map((v) => ({ id: v.vpnConnectionId, label: v.vpnConnectionId, detail: "Site-to-Site VPN", kind: "vpn" as const })),
  ];
  const middleY = vpcTop + vpcRowHeight + ROW_GAP;
  middle.forEach((m, i) => nodes.push({ ...m, x: i * (LEAF_W + VPC_GAP), y: middleY, width: LEAF_W, height: LEAF_H }));

  // Bottom row: customer gateways and on-premises networks.
  const bottom: Leaf[] = [
    ...topology.customerGateways.map((c) => ({ id: c.customerGatewayId, label: c.customerGatewayId, detail: `customer gateway ${c.ipAddress ?? ""}`.trim(), kind: "vpn" as const })),
    ...topology.onPremisesNetworks.map((o) => ({ id: o.id, label: o.name ?? o.id, detail: o.cidrBlocks.join(", "), kind: "onprem" as const })),
  ];
  const bottomY = middleY + (middle.length > 0 ? LEAF_H + ROW_GAP : 0);
  bottom.forEach((b, i) => nodes.push({ ...b, x: i * (LEAF_W + VPC_GAP), y: bottomY, width: LEAF_W, height: LEAF_H }));

  // Lines between the places.
  const present = new Set(nodes.map((n) => n.id));
  for (const g of topology.internetGateways) if (g.attachments.length > 0) edge(g.internetGatewayId, "internet");
  for (const g of topology.carrierGateways) edge(g.carrierGatewayId, "internet", "carrier network");
  for (const p of topology.vpcPeeringConnections) {
    edge(p.requesterVpcInfo.vpcId, p.vpcPeeringConnectionId);
    edge(p.vpcPeeringConnectionId, p.accepterVpcInfo.vpcId);
  }
  for (const a of topology.transitGatewayAttachments) edge(a.resourceId, a.transitGatewayId, a.resourceType === "vpc" ? "attachment" : a.resourceType);
  for (const v of topology.vpnConnections) {
    if (v.vpnGatewayId) edge(v.vpnGatewayId, v.vpnConnectionId);
    if (v.transitGatewayId) edge(v.transitGatewayId, v.vpnConnectionId);
    edge(v.vpnConnectionId, v.customerGatewayId, "2 tunnels");
  }
  for (const o of topology.onPremisesNetworks) for (const c of o.customerGatewayIds) edge(c, o.id);
  for (const e of topology.vpcEndpoints.filter((v) => v.vpcEndpointType === "Gateway")) {
    const service = topology.awsServices.find((s) => s.serviceName === e.serviceName);
    if (service) edge(e.vpcEndpointId, service.serviceName, "private route");
  }
  const width = Math.max(x - VPC_GAP, topX - VPC_GAP, middle.length * (LEAF_W + VPC_GAP) - VPC_GAP, bottom.length * (LEAF_W + VPC_GAP) - VPC_GAP, LEAF_W);
  const height = bottom.length > 0 ? bottomY + LEAF_H : middle.length > 0 ? middleY + LEAF_H : vpcTop + vpcRowHeight;
  return { nodes, edges: edges.filter((e) => present.has(e.source) && present.has(e.target)), width, height };
}

function shortService(serviceName: string): string {
  const parts = serviceName.split(".");
  return parts.length >= 4 ? parts.slice(3).join(".") : serviceName;
}
