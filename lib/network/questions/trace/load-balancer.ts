import { formatIp, parseCidr, type Ip } from "../../ip";
import { type IndexedInterface } from "../../model/indexed-topology";
import { type Packet, hasPorts, protocolName } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type TraceContext, type TraceEnd, add, block, header, hopOf, interfaceRef, reached, retarget, subnetRef, vpcRef } from "./context";
import { interfaceEgress } from "./network-interface";

/**
 * Elastic Load Balancing (ELBv2) as an intermediate component.
 */

/** An ELBv2 load balancer node: a listener on the port, a target group, a healthy target, a new connection to it. */
export function loadBalancer(ctx: TraceContext, lbArn: string, iface: IndexedInterface, p: Packet, viaEndpoint?: { iface: IndexedInterface; clientIp: Ip; clientPort: number | undefined; endpointIp: Ip }): TraceEnd {
  const index = ctx.index;
  const lb = index.loadBalancers.get(lbArn);
  const ref: ComponentRef = { id: lbArn, arn: lbArn, type: "load-balancer", ...(lb ? { name: lb.loadBalancerName } : {}) };
  const base = { component: ref, hop: lbArn, subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId) };
  if (!lb) return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  if (ctx.reply) {
    const session = ctx.session.loadBalancer.get(lbArn);
    if (!session) return block(ctx, "NO_DESTINATION_OWNER", ref, `Load balancer ${lb.loadBalancerName} has no connection this reply belongs to.`);
    if (session.viaEndpoint) {
      const v = session.viaEndpoint;
      const q: Packet = { ...p, srcIp: v.endpointIp, dstIp: v.clientIp, dstPort: v.clientPort };
      add(ctx, () => ({ ...base, inboundHeader: header(p), outboundHeader: header(q), note: `${lb.loadBalancerName} returns the reply through PrivateLink to the endpoint.` }));
      const endpointRef = interfaceRef(index, v.iface);
      add(ctx, () => ({ component: endpointRef, hop: hopOf(v.iface), subnet: subnetRef(index, v.iface.subnetId), vpc: vpcRef(index, v.iface.vpcId), outboundHeader: header(q), note: `Endpoint ${endpointRef.id} sends the reply to ${formatIp(q.dstIp)}.` }));
      return interfaceEgress(ctx, v.iface, q);
    }
    const q: Packet = { ...p, srcIp: session.listenerIp, srcPort: session.listenerPort, dstIp: session.clientIp, dstPort: session.clientPort };
    add(ctx, () => ({ ...base, inboundHeader: header(p), outboundHeader: header(q), note: `${lb.loadBalancerName} returns the reply to the client ${formatIp(q.dstIp)}.` }));
    return interfaceEgress(ctx, iface, q);
  }
  if (lb.state !== "active" && lb.state !== "active_impaired") return block(ctx, "BAD_STATE", ref, `Load balancer ${lb.loadBalancerName} is ${lb.state}.`);
  if (reached(ctx, lbArn)) {
    add(ctx, () => ({ ...base, inboundHeader: header(p), note: `Load balancer ${lb.loadBalancerName} receives the packet.` }));
    return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
  }
  const listener = (index.listenersOfLoadBalancer.get(lbArn) ?? []).find((l) => l.port === p.dstPort);
  if (!listener || !hasPorts(p.protocol)) {
    add(ctx, () => ({ ...base, inboundHeader: header(p), note: `Load balancer ${lb.loadBalancerName} receives the packet.` }));
    return block(ctx, "ELBV2_NO_LISTENER", ref, `Load balancer ${lb.loadBalancerName} has no listener on ${protocolName(p.protocol)} port ${p.dstPort ?? "(none)"}, so it refuses the connection.`, { direction: "ingress", documentation: DOCS.elb });
  }
  const forward = listener.defaultActions.find((a) => a.type === "forward");
  const groups = forward ? (forward.targetGroupArn ? [forward.targetGroupArn] : [...(forward.forwardConfig?.targetGroups ?? [])].sort((a, b) => b.weight - a.weight).map((g) => g.targetGroupArn)) : [];
  const group = groups.map((g) => index.targetGroups.get(g)).find((g) => g !== undefined);
  const listenerDetail = { listenerArn: listener.listenerArn, port: listener.port ?? 0, ...(listener.protocol ? { protocol: listener.protocol } : {}) };
  if (!group) {
    add(ctx, () => ({ ...base, inboundHeader: header(p), loadBalancerListener: listenerDetail, note: `Listener ${listener.port} of ${lb.loadBalancerName} matches.` }));
    return block(ctx, "ELBV2_LISTENER_HAS_NO_TG", ref, `Listener ${listener.port} of ${lb.loadBalancerName} forwards to no target group in the topology.`, { documentation: DOCS.elb });
  }
  // Targets: healthy ones; when none is healthy the load balancer fails open to all of them.
  type Candidate = { id: string; iface: IndexedInterface; ip: Ip; port: number; zone: string | undefined };
  const all: (Candidate & { healthy: boolean })[] = [];
  for (const t of [...group.targets].sort((a, b) => a.id.localeCompare(b.id))) {
    const targetIface = group.targetType === "instance" ? index.interfacesOfInstance.get(t.id)?.[0] : undefined;
    const ip = targetIface ? targetIface.primaryIp : group.targetType === "ip" ? parseCidr(`${t.id}/32`)?.network : undefined;
    if (ip === undefined) continue;
    const owner = targetIface ?? index.interfaceByPrivateIp.get(group.vpcId ?? lb.vpcId)?.get(ip);
    if (!owner) continue;
    all.push({ id: t.id, iface: owner, ip, port: t.port ?? group.port ?? p.dstPort ?? 0, zone: t.availabilityZone ?? index.subnets.get(owner.subnetId)?.availabilityZone, healthy: t.health === "healthy" });
  }
  const healthy = all.filter((c) => c.healthy);
  let candidates: Candidate[] = healthy.length > 0 ? healthy : all;
  if (candidates.length === 0) {
    add(ctx, () => ({ ...base, inboundHeader: header(p), loadBalancerListener: listenerDetail, note: `Listener ${listener.port} forwards to ${group.targetGroupName ?? group.targetGroupArn}.` }));
    return block(ctx, "ELBV2_NO_HEALTHY_TARGET", { id: group.targetGroupArn, arn: group.targetGroupArn, type: "target-group" }, `Target group ${group.targetGroupName ?? group.targetGroupArn} has no registered target in the topology.`, { documentation: DOCS.elb });
  }
  // Targets in zones the load balancer is not enabled in receive nothing.
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#availability-zones
  const enabledZones = lb.availabilityZones.map((z) => z.zoneName ?? index.subnets.get(z.subnetId)?.availabilityZone);
  if (enabledZones.length > 0 && enabledZones.every((z) => z !== undefined)) {
    const installed = candidates.filter((c) => c.zone === undefined || c.zone === "all" || enabledZones.includes(c.zone));
    if (installed.length === 0) {
      add(ctx, () => ({ ...base, inboundHeader: header(p), loadBalancerListener: listenerDetail, note: `Listener ${listener.port} forwards to ${group.targetGroupName ?? group.targetGroupArn}.` }));
      return block(ctx, "ELB_INSTALLED_AZ_RESTRICTION", ref, `${lb.loadBalancerName} is enabled only in ${enabledZones.join(", ")}, and no target of ${group.targetGroupName ?? "the target group"} is in those zones.`, { documentation: "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#availability-zones" });
    }
    candidates = installed;
  }
  const crossZone = lb.crossZoneLoadBalancing ?? lb.type === "application";
  const nodeZone = index.subnets.get(iface.subnetId)?.availabilityZone;
  if (!crossZone && nodeZone) {
    const local = candidates.filter((c) => c.zone === nodeZone || c.zone === "all");
    if (local.length === 0) {
      add(ctx, () => ({ ...base, inboundHeader: header(p), loadBalancerListener: listenerDetail, note: `Listener ${listener.port} forwards to ${group.targetGroupName ?? group.targetGroupArn}.` }));
      return block(ctx, "ELB_NOT_CROSSZONE", ref, `The ${lb.loadBalancerName} node in ${nodeZone} can only send to targets in its own zone (cross-zone load balancing is off), and ${group.targetGroupName ?? "the target group"} has none there.`, { documentation: DOCS.crossZone });
    }
    candidates = local;
  }
  // Reachability Analyzer reports the shortest path: a target in the node's own subnet, then its zone.
  const nearness = (c: Candidate) => (c.iface.subnetId === iface.subnetId ? 0 : c.zone !== undefined && c.zone === nodeZone ? 1 : 2);
  candidates = [...candidates].sort((a, b) => nearness(a) - nearness(b));
  const wanted = candidates.find((c) => reached(ctx, c.id) || reached(ctx, c.iface.id) || ctx.target.ip === c.ip);
  const chosen = wanted ?? candidates[0];
  if (!chosen) return block(ctx, "ELBV2_NO_HEALTHY_TARGET", ref, `No target to send to.`);
  // A Network Load Balancer keeps the client's address for instance targets; otherwise the node's address is the source.
  const preserveClient = lb.type === "network" && group.targetType === "instance" && !viaEndpoint;
  const q: Packet = { ...p, srcIp: preserveClient ? p.srcIp : iface.primaryIp, dstIp: chosen.ip, dstPort: chosen.port };
  retarget(ctx, p.dstIp, q.dstIp);
  ctx.session.loadBalancer.set(lbArn, { clientIp: p.srcIp, clientPort: p.srcPort, listenerIp: p.dstIp, listenerPort: p.dstPort, nodeIp: iface.primaryIp, targetIp: chosen.ip, preservesClientIp: preserveClient, ...(viaEndpoint ? { viaEndpoint } : {}) });
  add(ctx, () => ({
    ...base,
    inboundHeader: header(p),
    outboundHeader: header(q),
    loadBalancerListener: listenerDetail,
    loadBalancerTarget: { id: chosen.id, address: formatIp(chosen.ip), port: chosen.port, ...(chosen.zone ? { availabilityZone: chosen.zone } : {}) },
    note: `Listener ${listener.port} of ${lb.loadBalancerName} forwards to target ${chosen.id} (${formatIp(chosen.ip)}:${chosen.port})${healthy.length === 0 ? ", failing open because no target is healthy" : ""}.`,
  }));
  return interfaceEgress(ctx, iface, q);
}
