import { parseIpv4Cidr, type RouteTable, type Topology } from "@/lib/network";

/**
 * Small structural facts the grader reads straight from the topology, for
 * checks about configuration rather than about one packet. Kept here
 * because lib/network does not export them (it answers path questions).
 */

/** The route table a subnet uses: its explicit association, else its VPC's main table. https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html */
export function routeTableOfSubnet(topology: Topology, subnetId: string): RouteTable | undefined {
  const explicit = topology.routeTables.find((t) => t.associations.some((a) => a.subnetId === subnetId));
  if (explicit) return explicit;
  const subnet = topology.subnets.find((s) => s.subnetId === subnetId);
  if (!subnet) return undefined;
  return topology.routeTables.find((t) => t.vpcId === subnet.vpcId && t.associations.some((a) => a.main));
}

export type NamedCidr = { owner: string; cidr: string };

export function vpcCidrs(topology: Topology, vpcIds?: string[]): NamedCidr[] {
  return topology.vpcs
    .filter((v) => !vpcIds || vpcIds.includes(v.vpcId))
    .flatMap((v) => [v.cidrBlock, ...v.cidrBlockAssociationSet.map((a) => a.cidrBlock)].filter((c, i, all) => all.indexOf(c) === i).map((cidr) => ({ owner: v.vpcId, cidr })));
}

export function onPremisesCidrs(topology: Topology): NamedCidr[] {
  return topology.onPremisesNetworks.flatMap((n) => n.cidrBlocks.map((cidr) => ({ owner: n.id, cidr })));
}

/** Pairs of blocks, owned by different places, that share addresses. */
export function overlappingPairs(blocks: NamedCidr[]): [NamedCidr, NamedCidr][] {
  const pairs: [NamedCidr, NamedCidr][] = [];
  blocks.forEach((a, i) => {
    const pa = parseIpv4Cidr(a.cidr);
    for (const b of blocks.slice(i + 1)) {
      const pb = parseIpv4Cidr(b.cidr);
      if (!pa || !pb || a.owner === b.owner) continue;
      const length = Math.min(pa.length, pb.length);
      const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
      if (((pa.network & mask) >>> 0) === ((pb.network & mask) >>> 0)) pairs.push([a, b]);
    }
  });
  return pairs;
}

/**
 * A copy of the topology with the named resources failed: Direct Connect
 * connections and virtual interfaces down, VPN tunnels down, NAT gateways
 * failed, transit gateway attachments deleted.
 */
export function withResourcesDown(topology: Topology, ids: string[]): { topology: Topology; missing: string[] } {
  if (ids.length === 0) return { topology, missing: [] };
  const down = new Set(ids);
  const found = new Set<string>();
  const mark = (id: string) => {
    const hit = down.has(id);
    if (hit) found.add(id);
    return hit;
  };
  const next: Topology = {
    ...topology,
    directConnectConnections: topology.directConnectConnections.map((c) => (mark(c.connectionId) ? { ...c, connectionState: "down" } : c)),
    // A virtual interface on a connection that is down is down too (the evaluator checks the VIF's own state on the way in).
    virtualInterfaces: topology.virtualInterfaces.map((v) => (mark(v.virtualInterfaceId) || down.has(v.connectionId) ? { ...v, virtualInterfaceState: "down" } : v)),
    vpnConnections: topology.vpnConnections.map((v) =>
      mark(v.vpnConnectionId)
        ? { ...v, vgwTelemetry: (v.vgwTelemetry.length > 0 ? v.vgwTelemetry : [{}, {}]).map((t) => ({ ...t, status: "DOWN" as const })) }
        : v,
    ),
    natGateways: topology.natGateways.map((n) => (mark(n.natGatewayId) ? { ...n, state: "failed" } : n)),
    transitGatewayAttachments: topology.transitGatewayAttachments.map((a) => (mark(a.transitGatewayAttachmentId) ? { ...a, state: "deleted" } : a)),
  };
  return { topology: next, missing: ids.filter((id) => !found.has(id)) };
}
