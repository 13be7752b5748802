import { parseIp, parseCidr, cidrContains, type Cidr } from "../ip";
import type { Topology, TopologyIssue } from "./topology";

/**
 * References between resources that point nowhere, and addresses outside
 * their subnet: warnings for the topology editor and the snapshot reader.
 * The schema cannot check them (a snapshot may hold only part of an
 * account); the evaluator treats a missing target as AWS does (a route to
 * a deleted gateway is a blackhole).
 */
export function checkReferences(t: Topology): TopologyIssue[] {
  const issues: TopologyIssue[] = [];
  const ids = (list: { [k: string]: unknown }[], key: string) => new Set(list.map((x) => String(x[key])));
  const vpcs = ids(t.vpcs, "vpcId");
  const subnets = new Map(t.subnets.map((s) => [s.subnetId, s]));
  const groups = ids(t.securityGroups, "groupId");
  const prefixLists = new Set([...t.prefixLists.map((p) => p.prefixListId), ...t.awsServices.flatMap((s) => (s.prefixListId ? [s.prefixListId] : []))]);
  const known = new Set<string>([
    ...vpcs,
    ...subnets.keys(),
    ...t.internetGateways.map((g) => g.internetGatewayId),
    ...t.egressOnlyInternetGateways.map((g) => g.egressOnlyInternetGatewayId),
    ...t.carrierGateways.map((g) => g.carrierGatewayId),
    ...t.natGateways.map((g) => g.natGatewayId),
    ...t.networkInterfaces.map((e) => e.networkInterfaceId),
    ...t.instances.map((i) => i.instanceId),
    ...t.vpcPeeringConnections.map((p) => p.vpcPeeringConnectionId),
    ...t.transitGateways.map((g) => g.transitGatewayId),
    ...t.transitGatewayAttachments.map((a) => a.transitGatewayAttachmentId),
    ...t.vpnGateways.map((g) => g.vpnGatewayId),
    ...t.customerGateways.map((g) => g.customerGatewayId),
    ...t.vpnConnections.map((v) => v.vpnConnectionId),
    ...t.vpcEndpoints.map((e) => e.vpcEndpointId),
    ...t.directConnectGateways.map((g) => g.directConnectGatewayId),
    ...t.virtualInterfaces.map((v) => v.virtualInterfaceId),
    ...t.directConnectConnections.map((c) => c.connectionId),
    ...t.routeTables.map((r) => r.routeTableId),
    ...t.transitGatewayRouteTables.map((r) => r.transitGatewayRouteTableId),
  ]);
  const need = (path: string, id: string | undefined, what: string) => {
    if (id !== undefined && id !== "local" && !known.has(id)) issues.push({ path, message: `${what} ${id} is not in the topology` });
  };
  const vpcPrefixes = new Map<string, Cidr[]>(
    t.vpcs.map((v) => [v.vpcId, [v.cidrBlock, ...v.cidrBlockAssociationSet.map((a) => a.cidrBlock)].map((c) => parseCidr(c)).filter((p): p is Cidr => p !== undefined)]),
  );

  const seen = new Map<string, string>();
  const unique = (path: string, id: string) => {
    const first = seen.get(id);
    if (first) issues.push({ path, message: `${id} is defined twice (first at ${first})` });
    else seen.set(id, path);
  };
  t.vpcs.forEach((v, i) => unique(`vpcs.${i}.vpcId`, v.vpcId));
  t.subnets.forEach((s, i) => {
    unique(`subnets.${i}.subnetId`, s.subnetId);
    need(`subnets.${i}.vpcId`, s.vpcId, "VPC");
    const p = parseCidr(s.cidrBlock);
    const inVpc = vpcPrefixes.get(s.vpcId);
    if (p && inVpc && !inVpc.some((q) => q.length <= p.length && cidrContains(q, p.network))) {
      issues.push({ path: `subnets.${i}.cidrBlock`, message: `${s.cidrBlock} is outside the CIDR blocks of ${s.vpcId}` });
    }
  });
  t.routeTables.forEach((rt, i) => {
    unique(`routeTables.${i}.routeTableId`, rt.routeTableId);
    need(`routeTables.${i}.vpcId`, rt.vpcId, "VPC");
    rt.associations.forEach((a, j) => {
      need(`routeTables.${i}.associations.${j}.subnetId`, a.subnetId, "subnet");
      need(`routeTables.${i}.associations.${j}.gatewayId`, a.gatewayId, "gateway");
      const subnet = a.subnetId ? subnets.get(a.subnetId) : undefined;
      if (subnet && subnet.vpcId !== rt.vpcId) issues.push({ path: `routeTables.${i}.associations.${j}.subnetId`, message: `${a.subnetId} is in ${subnet.vpcId}, not in ${rt.vpcId}` });
    });
    rt.routes.forEach((r, j) => {
      const base = `routeTables.${i}.routes.${j}`;
      if (r.destinationPrefixListId && !prefixLists.has(r.destinationPrefixListId)) issues.push({ path: `${base}.destinationPrefixListId`, message: `prefix list ${r.destinationPrefixListId} is not in the topology` });
      if (r.state === "blackhole") return;
      need(`${base}.gatewayId`, r.gatewayId, "gateway");
      need(`${base}.natGatewayId`, r.natGatewayId, "NAT gateway");
      need(`${base}.instanceId`, r.instanceId, "instance");
      need(`${base}.networkInterfaceId`, r.networkInterfaceId, "network interface");
      need(`${base}.vpcPeeringConnectionId`, r.vpcPeeringConnectionId, "peering connection");
      need(`${base}.transitGatewayId`, r.transitGatewayId, "transit gateway");
      need(`${base}.egressOnlyInternetGatewayId`, r.egressOnlyInternetGatewayId, "egress-only internet gateway");
      need(`${base}.carrierGatewayId`, r.carrierGatewayId, "carrier gateway");
      need(`${base}.vpcEndpointId`, r.vpcEndpointId, "VPC endpoint");
    });
  });
  t.instances.forEach((inst, i) => {
    unique(`instances.${i}.instanceId`, inst.instanceId);
    need(`instances.${i}.subnetId`, inst.subnetId, "subnet");
    inst.securityGroupIds.forEach((g, j) => {
      if (!groups.has(g)) issues.push({ path: `instances.${i}.securityGroupIds.${j}`, message: `security group ${g} is not in the topology` });
    });
    const subnet = inst.subnetId ? subnets.get(inst.subnetId) : undefined;
    const ip = inst.privateIpAddress ? parseIp(inst.privateIpAddress) : undefined;
    const p = subnet ? parseCidr(subnet.cidrBlock) : undefined;
    if (ip !== undefined && p && !cidrContains(p, ip)) issues.push({ path: `instances.${i}.privateIpAddress`, message: `${inst.privateIpAddress} is outside ${subnet?.subnetId} (${subnet?.cidrBlock})` });
  });
  t.networkInterfaces.forEach((e, i) => {
    unique(`networkInterfaces.${i}.networkInterfaceId`, e.networkInterfaceId);
    need(`networkInterfaces.${i}.subnetId`, e.subnetId, "subnet");
    need(`networkInterfaces.${i}.attachment.instanceId`, e.attachment?.instanceId, "instance");
    e.securityGroupIds.forEach((g, j) => {
      if (!groups.has(g)) issues.push({ path: `networkInterfaces.${i}.securityGroupIds.${j}`, message: `security group ${g} is not in the topology` });
    });
  });
  t.securityGroups.forEach((g, i) => {
    unique(`securityGroups.${i}.groupId`, g.groupId);
    for (const [direction, rules] of [["ipPermissions", g.ipPermissions], ["ipPermissionsEgress", g.ipPermissionsEgress]] as const) {
      rules.forEach((r, j) => {
        r.userIdGroupPairs.forEach((pair, k) => {
          if (!groups.has(pair.groupId) && pair.userId === undefined) issues.push({ path: `securityGroups.${i}.${direction}.${j}.userIdGroupPairs.${k}.groupId`, message: `security group ${pair.groupId} is not in the topology` });
        });
        r.prefixListIds.forEach((pl, k) => {
          if (!prefixLists.has(pl.prefixListId)) issues.push({ path: `securityGroups.${i}.${direction}.${j}.prefixListIds.${k}.prefixListId`, message: `prefix list ${pl.prefixListId} is not in the topology` });
        });
      });
    }
  });
  t.networkAcls.forEach((a, i) => {
    need(`networkAcls.${i}.vpcId`, a.vpcId, "VPC");
    a.associations.forEach((s, j) => need(`networkAcls.${i}.associations.${j}.subnetId`, s.subnetId, "subnet"));
  });
  t.internetGateways.forEach((g, i) => g.attachments.forEach((a, j) => need(`internetGateways.${i}.attachments.${j}.vpcId`, a.vpcId, "VPC")));
  t.natGateways.forEach((n, i) => need(`natGateways.${i}.subnetId`, n.subnetId, "subnet"));
  t.vpcEndpoints.forEach((e, i) => {
    need(`vpcEndpoints.${i}.vpcId`, e.vpcId, "VPC");
    e.subnetIds.forEach((s, j) => need(`vpcEndpoints.${i}.subnetIds.${j}`, s, "subnet"));
    e.routeTableIds.forEach((r, j) => need(`vpcEndpoints.${i}.routeTableIds.${j}`, r, "route table"));
  });
  t.vpcPeeringConnections.forEach((p, i) => {
    for (const side of ["requesterVpcInfo", "accepterVpcInfo"] as const) {
      const info = p[side];
      if (!vpcs.has(info.vpcId) && info.cidrBlock === undefined && info.cidrBlockSet.length === 0) {
        issues.push({ path: `vpcPeeringConnections.${i}.${side}.vpcId`, message: `VPC ${info.vpcId} is not in the topology and its CIDR blocks are not given` });
      }
    }
  });
  t.transitGatewayAttachments.forEach((a, i) => {
    need(`transitGatewayAttachments.${i}.transitGatewayId`, a.transitGatewayId, "transit gateway");
    if (a.resourceType === "vpc" || a.resourceType === "vpn" || a.resourceType === "peering" || a.resourceType === "tgw-peering") need(`transitGatewayAttachments.${i}.resourceId`, a.resourceId, a.resourceType === "vpc" ? "VPC" : a.resourceType === "vpn" ? "VPN connection" : "transit gateway");
    if (a.association) need(`transitGatewayAttachments.${i}.association.transitGatewayRouteTableId`, a.association.transitGatewayRouteTableId, "transit gateway route table");
  });
  t.transitGatewayRouteTables.forEach((r, i) => {
    need(`transitGatewayRouteTables.${i}.transitGatewayId`, r.transitGatewayId, "transit gateway");
    r.routes.forEach((route, j) => route.transitGatewayAttachments.forEach((a, k) => need(`transitGatewayRouteTables.${i}.routes.${j}.transitGatewayAttachments.${k}.transitGatewayAttachmentId`, a.transitGatewayAttachmentId, "attachment")));
  });
  t.vpnConnections.forEach((v, i) => {
    need(`vpnConnections.${i}.customerGatewayId`, v.customerGatewayId, "customer gateway");
    need(`vpnConnections.${i}.vpnGatewayId`, v.vpnGatewayId, "virtual private gateway");
    need(`vpnConnections.${i}.transitGatewayId`, v.transitGatewayId, "transit gateway");
  });
  t.onPremisesNetworks.forEach((n, i) => {
    n.customerGatewayIds.forEach((c, j) => need(`onPremisesNetworks.${i}.customerGatewayIds.${j}`, c, "customer gateway"));
    n.virtualInterfaceIds.forEach((v, j) => need(`onPremisesNetworks.${i}.virtualInterfaceIds.${j}`, v, "virtual interface"));
  });
  return issues;
}
