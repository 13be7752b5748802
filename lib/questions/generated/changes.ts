import type { Topology } from "@/lib/network";
import { aclRule, routeTo, sgRule } from "@/lib/network/testing/builder";
import type { ChangeSpec } from "./template";
import type { PatchOperation } from "./types";

/**
 * Changes a "single change" option (or a pivot, or a repair) proposes, as JSON patches on the
 * parsed topology. Each helper finds its resource by id when the question is assembled, so a
 * template names resources, never array positions. Rules use the test builder's short forms:
 * security group rules "tcp 443 0.0.0.0/0", ACL rules "100 allow out tcp 1024-65535 0.0.0.0/0".
 */

function at<T>(list: readonly T[], matches: (item: T) => boolean, what: string): number {
  const i = list.findIndex(matches);
  if (i < 0) throw new Error(`no ${what} in the topology`);
  return i;
}

const sgAt = (t: Topology, groupId: string) => at(t.securityGroups, (g) => g.groupId === groupId, `security group ${groupId}`);
const aclAt = (t: Topology, aclId: string) => at(t.networkAcls, (a) => a.networkAclId === aclId, `network ACL ${aclId}`);
const rtbAt = (t: Topology, rtbId: string) => at(t.routeTables, (r) => r.routeTableId === rtbId, `route table ${rtbId}`);
const tgwRtbAt = (t: Topology, id: string) => at(t.transitGatewayRouteTables, (r) => r.transitGatewayRouteTableId === id, `transit gateway route table ${id}`);
const endpointAt = (t: Topology, id: string) => at(t.vpcEndpoints, (e) => e.vpcEndpointId === id, `VPC endpoint ${id}`);
const acceleratorAt = (t: Topology, arn: string) => at(t.accelerators, (a) => a.acceleratorArn === arn, `accelerator ${arn}`);
const routeDestination = (r: { destinationCidrBlock?: string; destinationPrefixListId?: string; destinationIpv6CidrBlock?: string }) => r.destinationCidrBlock ?? r.destinationPrefixListId ?? r.destinationIpv6CidrBlock;

/** Several changes made together (their positions are resolved on the same, unchanged topology). */
export function together(...changes: ChangeSpec[]): ChangeSpec {
  return (t) => changes.flatMap((c) => c(t));
}

export function addSecurityGroupRule(groupId: string, direction: "inbound" | "outbound", rule: string): ChangeSpec {
  return (t) => [{ op: "add", path: `/securityGroups/${sgAt(t, groupId)}/${direction === "inbound" ? "ipPermissions" : "ipPermissionsEgress"}/-`, value: sgRule(rule) }];
}

export function replaceSecurityGroupRules(groupId: string, direction: "inbound" | "outbound", rules: string[]): ChangeSpec {
  return (t) => [{ op: "replace", path: `/securityGroups/${sgAt(t, groupId)}/${direction === "inbound" ? "ipPermissions" : "ipPermissionsEgress"}`, value: rules.map(sgRule) }];
}

export function addAclRule(aclId: string, rule: string): ChangeSpec {
  return (t) => [{ op: "add", path: `/networkAcls/${aclAt(t, aclId)}/entries/-`, value: aclRule(rule) }];
}

export function removeAclRule(aclId: string, ruleNumber: number, direction: "in" | "out"): ChangeSpec {
  return (t) => {
    const a = aclAt(t, aclId);
    const entries = t.networkAcls[a]?.entries ?? [];
    return [{ op: "remove", path: `/networkAcls/${a}/entries/${at(entries, (e) => e.ruleNumber === ruleNumber && e.egress === (direction === "out"), `rule ${ruleNumber} ${direction} in ${aclId}`)}` }];
  };
}

export function addRoute(routeTableId: string, destination: string, target: string): ChangeSpec {
  return (t) => [{ op: "add", path: `/routeTables/${rtbAt(t, routeTableId)}/routes/-`, value: routeTo(destination, target) }];
}

export function replaceRoute(routeTableId: string, destination: string, target: string): ChangeSpec {
  return (t) => {
    const r = rtbAt(t, routeTableId);
    const i = at(t.routeTables[r]?.routes ?? [], (route) => routeDestination(route) === destination, `route ${destination} in ${routeTableId}`);
    return [{ op: "replace", path: `/routeTables/${r}/routes/${i}`, value: routeTo(destination, target) }];
  };
}

export function removeRoute(routeTableId: string, destination: string): ChangeSpec {
  return (t) => {
    const r = rtbAt(t, routeTableId);
    return [{ op: "remove", path: `/routeTables/${r}/routes/${at(t.routeTables[r]?.routes ?? [], (route) => routeDestination(route) === destination, `route ${destination} in ${routeTableId}`)}` }];
  };
}

/** Move a subnet's association to another route table (a subnet has exactly one). */
export function associateSubnet(routeTableId: string, subnetId: string): ChangeSpec {
  return (t) => {
    const ops: PatchOperation[] = [];
    t.routeTables.forEach((table, r) => {
      const i = table.associations.findIndex((a) => a.subnetId === subnetId);
      if (i >= 0) ops.push({ op: "remove", path: `/routeTables/${r}/associations/${i}` });
    });
    ops.push({ op: "add", path: `/routeTables/${rtbAt(t, routeTableId)}/associations/-`, value: { subnetId } });
    return ops;
  };
}

export function setRoutePropagation(routeTableId: string, vpnGatewayId: string, enabled: boolean): ChangeSpec {
  return (t) => {
    const r = rtbAt(t, routeTableId);
    const others = (t.routeTables[r]?.propagatingVgws ?? []).filter((p) => p.gatewayId !== vpnGatewayId);
    return [{ op: "replace", path: `/routeTables/${r}/propagatingVgws`, value: enabled ? [...others, { gatewayId: vpnGatewayId }] : others }];
  };
}

/** Associate a transit gateway attachment with a route table (replacing its association: an attachment has at most one). */
export function associateTgwAttachment(attachmentId: string, routeTableId: string): ChangeSpec {
  return (t) => [{ op: "add", path: `/transitGatewayAttachments/${at(t.transitGatewayAttachments, (a) => a.transitGatewayAttachmentId === attachmentId, `attachment ${attachmentId}`)}/association`, value: { transitGatewayRouteTableId: routeTableId } }];
}

export function addTgwPropagation(routeTableId: string, attachmentId: string): ChangeSpec {
  return (t) => [{ op: "add", path: `/transitGatewayRouteTables/${tgwRtbAt(t, routeTableId)}/propagations/-`, value: { transitGatewayAttachmentId: attachmentId } }];
}

export function removeTgwPropagation(routeTableId: string, attachmentId: string): ChangeSpec {
  return (t) => {
    const r = tgwRtbAt(t, routeTableId);
    return [{ op: "remove", path: `/transitGatewayRouteTables/${r}/propagations/${at(t.transitGatewayRouteTables[r]?.propagations ?? [], (p) => p.transitGatewayAttachmentId === attachmentId, `propagation of ${attachmentId} into ${routeTableId}`)}` }];
  };
}

/** A static transit gateway route to an attachment, or a blackhole route with "blackhole". */
export function addTgwRoute(routeTableId: string, cidr: string, target: string): ChangeSpec {
  return (t) => [{
    op: "add",
    path: `/transitGatewayRouteTables/${tgwRtbAt(t, routeTableId)}/routes/-`,
    value: target === "blackhole" ? { destinationCidrBlock: cidr, state: "blackhole" } : { destinationCidrBlock: cidr, transitGatewayAttachments: [{ transitGatewayAttachmentId: target }] },
  }];
}

export function removeTgwRoute(routeTableId: string, cidr: string): ChangeSpec {
  return (t) => {
    const r = tgwRtbAt(t, routeTableId);
    return [{ op: "remove", path: `/transitGatewayRouteTables/${r}/routes/${at(t.transitGatewayRouteTables[r]?.routes ?? [], (route) => route.destinationCidrBlock === cidr, `route ${cidr} in ${routeTableId}`)}` }];
  };
}

/** Replace an endpoint's policy; `undefined` restores AWS's default full-access policy. */
export function setEndpointPolicy(vpcEndpointId: string, policy: Record<string, unknown> | undefined): ChangeSpec {
  return (t) => {
    const e = endpointAt(t, vpcEndpointId);
    if (policy === undefined) return t.vpcEndpoints[e]?.policyDocument === undefined ? [] : [{ op: "remove", path: `/vpcEndpoints/${e}/policyDocument` }];
    return [{ op: "add", path: `/vpcEndpoints/${e}/policyDocument`, value: policy }];
  };
}

export function setEndpointField(vpcEndpointId: string, field: "privateDnsEnabled", value: boolean): ChangeSpec;
export function setEndpointField(vpcEndpointId: string, field: "routeTableIds" | "subnetIds" | "securityGroupIds", value: string[]): ChangeSpec;
export function setEndpointField(vpcEndpointId: string, field: string, value: unknown): ChangeSpec {
  return (t) => [{ op: "replace", path: `/vpcEndpoints/${endpointAt(t, vpcEndpointId)}/${field}`, value }];
}

export function setInstanceField(instanceId: string, field: "publicIpAddress" | "subnetId" | "privateIpAddress", value: string): ChangeSpec;
export function setInstanceField(instanceId: string, field: "securityGroupIds", value: string[]): ChangeSpec;
export function setInstanceField(instanceId: string, field: string, value: unknown): ChangeSpec {
  return (t) => [{ op: "add", path: `/instances/${at(t.instances, (i) => i.instanceId === instanceId, `instance ${instanceId}`)}/${field}`, value }];
}

export function moveNatGateway(natGatewayId: string, subnetId: string, privateIp: string): ChangeSpec {
  return (t) => {
    const n = at(t.natGateways, (g) => g.natGatewayId === natGatewayId, `NAT gateway ${natGatewayId}`);
    const address = t.natGateways[n]?.natGatewayAddresses[0];
    return [
      { op: "replace", path: `/natGateways/${n}/subnetId`, value: subnetId },
      { op: "replace", path: `/natGateways/${n}/natGatewayAddresses`, value: [{ ...address, privateIp }] },
    ];
  };
}

export function attachInternetGateway(internetGatewayId: string, vpcId: string): ChangeSpec {
  return (t) => [{ op: "replace", path: `/internetGateways/${at(t.internetGateways, (g) => g.internetGatewayId === internetGatewayId, `internet gateway ${internetGatewayId}`)}/attachments`, value: [{ vpcId }] }];
}

export function addPeering(vpcPeeringConnectionId: string, requesterVpcId: string, accepterVpcId: string): ChangeSpec {
  return () => [{ op: "add", path: "/vpcPeeringConnections/-", value: { vpcPeeringConnectionId, status: "active", requesterVpcInfo: { vpcId: requesterVpcId }, accepterVpcInfo: { vpcId: accepterVpcId } } }];
}

function groupPath(t: Topology, acceleratorArn: string, region: string): string {
  const a = acceleratorAt(t, acceleratorArn);
  for (const [l, listener] of (t.accelerators[a]?.listeners ?? []).entries()) {
    const g = listener.endpointGroups.findIndex((group) => group.endpointGroupRegion === region);
    if (g >= 0) return `/accelerators/${a}/listeners/${l}/endpointGroups/${g}`;
  }
  throw new Error(`no endpoint group in ${region} on ${acceleratorArn}`);
}

export function setTrafficDial(acceleratorArn: string, region: string, percentage: number): ChangeSpec {
  return (t) => [{ op: "replace", path: `${groupPath(t, acceleratorArn, region)}/trafficDialPercentage`, value: percentage }];
}

export function setEndpointWeight(acceleratorArn: string, region: string, endpointId: string, weight: number): ChangeSpec {
  return (t) => {
    const path = groupPath(t, acceleratorArn, region);
    const [, , a, , l, , g] = path.split("/");
    const endpoints = t.accelerators[Number(a)]?.listeners[Number(l)]?.endpointGroups[Number(g)]?.endpointDescriptions ?? [];
    return [{ op: "replace", path: `${path}/endpointDescriptions/${at(endpoints, (e) => e.endpointId === endpointId, `endpoint ${endpointId} in ${region}`)}/weight`, value: weight }];
  };
}

export function setListener(acceleratorArn: string, field: "clientAffinity", value: "NONE" | "SOURCE_IP"): ChangeSpec;
export function setListener(acceleratorArn: string, field: "portRanges", value: { fromPort: number; toPort: number }[]): ChangeSpec;
export function setListener(acceleratorArn: string, field: string, value: unknown): ChangeSpec {
  return (t) => [{ op: "replace", path: `/accelerators/${acceleratorAt(t, acceleratorArn)}/listeners/0/${field}`, value }];
}

/** Set one field of one resource, found by its id field (`setResourceField("virtualInterfaces", "virtualInterfaceId", "dxvif-1", "virtualInterfaceState", "down")`). */
export function setResourceField(collection: keyof Topology, idField: string, id: string, field: string, value: unknown): ChangeSpec {
  return (t) => {
    const list: unknown = t[collection];
    if (!Array.isArray(list)) throw new Error(`${collection} is not a collection of the topology`);
    const i = at(list, (item: unknown) => typeof item === "object" && item !== null && Reflect.get(item, idField) === id, `${collection} item ${id}`);
    return [{ op: "add", path: `/${collection}/${i}/${field}`, value }];
  };
}
