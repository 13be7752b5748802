import { describeSecurityGroupRule, evaluateSecurityGroups, type Crossing, type SecurityGroupVerdict } from "../../filters/security-group";
import { lookupRoute } from "../../forwarding/route-table";
import { formatIp } from "../../ip";
import { type IndexedInterface } from "../../model/indexed-topology";
import { type Packet, hasPorts, protocolName } from "../../packet";
import { clientVpnReturn } from "./client-vpn";
import { DOCS, type TraceContext, type TraceEnd, add, block, guard, header, hopOf, interfaceRef, reached, subnetRef, vpcRef } from "./context";
import { loadBalancer } from "./load-balancer";
import { natGateway } from "./nat-gateway";
import { subnetEgress } from "./route-table";
import { interfaceEndpoint } from "./vpc-endpoint";

/**
 * Network interfaces: security groups on the way out and in (stateful: replies
 * pass), the source/destination check, and what owns the interface.
 */

/** A packet leaves an interface: its security groups' outbound rules (not for replies: groups are stateful), then its subnet. */
export function interfaceEgress(ctx: TraceContext, iface: IndexedInterface, sent: Packet): TraceEnd {
  const p = replyThroughLoadBalancer(ctx, sent);
  const loop = guard(ctx, `out:${iface.id}`, p);
  if (loop) return loop;
  const ref = interfaceRef(ctx.index, iface);
  if (!iface.usable) {
    return block(ctx, "BAD_STATE", ref, `${ref.id} is not running, so it sends nothing.`, { documentation: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html" });
  }
  if (!ctx.reply) {
    const verdict = evaluateSecurityGroups(ctx.index, iface, "egress", p, ctx.index.interfacesByIp.get(p.dstIp) ?? [], () => crossingsTowards(ctx, iface, p));
    if (!verdict.allowed) {
      ctx.events.push({ iface, direction: "egress", packet: p, action: "REJECT" });
      return block(
        ctx,
        "ENI_SG_RULES_MISMATCH",
        { id: verdict.groupIds[0] ?? iface.id, type: "security-group" },
        `No outbound rule of ${verdict.groupIds.join(", ")} on ${ref.id} allows ${protocolName(p.protocol)}${hasPorts(p.protocol) ? ` port ${p.dstPort}` : ""} to ${formatIp(p.dstIp)}. Security groups deny whatever no rule allows.${whyNot(verdict, formatIp(p.dstIp))}`,
        { direction: "egress", securityGroups: verdict.groupIds.map((id) => ({ id, type: "security-group" as const })), subnet: subnetRef(ctx.index, iface.subnetId), vpc: vpcRef(ctx.index, iface.vpcId), ...unresolvedField(verdict), documentation: DOCS.securityGroups },
      );
    }
    const rule = verdict.rule;
    if (rule) add(ctx, () => ({ component: { id: rule.securityGroupId, type: "security-group" }, hop: hopOf(iface), securityGroupRule: rule, note: `${describeSecurityGroupRule(rule)}.` }));
  }
  // The flow-log record (ACCEPT or REJECT) is written once the subnet's ACL has had its say.
  return subnetEgress(ctx, iface.subnetId, p, iface);
}

/** The packet arrives at an interface in its subnet. `middlebox`: it is addressed elsewhere and was routed here. */
export function interfaceIngress(ctx: TraceContext, iface: IndexedInterface, p: Packet, middlebox: boolean): TraceEnd {
  const loop = guard(ctx, `in:${iface.id}`, p);
  if (loop) return loop;
  const index = ctx.index;
  const ref = interfaceRef(index, iface);
  if (!iface.usable) return block(ctx, "BAD_STATE", ref, `${ref.id} is not running, so nothing receives the packet.`);
  if (iface.kind === "nat-gateway" && iface.ownerId) return natGateway(ctx, iface.ownerId, iface, p);

  const ownsDestination = iface.privateIps.includes(p.dstIp);
  if (middlebox && !ownsDestination && iface.sourceDestCheck) {
    ctx.events.push({ iface, direction: "ingress", packet: p, action: "REJECT" });
    return block(
      ctx,
      "SOURCE_DEST_CHECK_ENABLED",
      ref,
      `A route sends the packet to ${ref.id}, but its source/destination check is on, so it drops traffic not addressed to itself. A NAT instance or appliance needs the check disabled.`,
      { direction: "ingress", documentation: DOCS.natInstance },
    );
  }
  if (!ctx.reply) {
    const verdict = evaluateSecurityGroups(index, iface, "ingress", p, index.interfacesByIp.get(p.srcIp) ?? [], ctx.crossings);
    if (!verdict.allowed) {
      ctx.events.push({ iface, direction: "ingress", packet: p, action: "REJECT" });
      add(ctx, () => ({ component: ref, hop: hopOf(iface), inboundHeader: header(p), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), note: `The packet reaches ${ref.id}, whose security groups decide whether to let it in.` }));
      return block(
        ctx,
        "ENI_SG_RULES_MISMATCH",
        { id: verdict.groupIds[0] ?? iface.id, type: "security-group" },
        `No inbound rule of ${verdict.groupIds.join(", ")} on ${ref.id} allows ${protocolName(p.protocol)}${hasPorts(p.protocol) ? ` port ${p.dstPort}` : ""} from ${formatIp(p.srcIp)}. Security groups deny whatever no rule allows.${whyNot(verdict, formatIp(p.srcIp))}`,
        { direction: "ingress", securityGroups: verdict.groupIds.map((id) => ({ id, type: "security-group" as const })), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), ...unresolvedField(verdict), documentation: DOCS.securityGroups },
      );
    }
    const rule = verdict.rule;
    if (rule) add(ctx, () => ({ component: { id: rule.securityGroupId, type: "security-group" }, hop: hopOf(iface), securityGroupRule: rule, note: `${describeSecurityGroupRule(rule)}.` }));
  }
  ctx.events.push({ iface, direction: "ingress", packet: p, action: "ACCEPT" });

  if (iface.kind === "load-balancer" && iface.ownerId && ownsDestination) return loadBalancer(ctx, iface.ownerId, iface, p);
  if (iface.kind === "vpc-endpoint" && iface.ownerId && ownsDestination) return interfaceEndpoint(ctx, iface.ownerId, iface, p);
  if (iface.kind === "client-vpn" && iface.ownerId && ownsDestination && ctx.reply) return clientVpnReturn(ctx, iface.ownerId, iface, p);

  // A NAT instance: the reply to a connection it translated.
  const natSession = ctx.session.nat.get(iface.id);
  if (ctx.reply && ownsDestination && natSession) {
    const q: Packet = { ...p, dstIp: natSession.srcIp, dstPort: natSession.srcPort };
    add(ctx, () => ({ component: ref, hop: hopOf(iface), inboundHeader: header(p), outboundHeader: header(q), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), note: `${ref.id} (NAT instance) translates the reply back to ${formatIp(q.dstIp)}.` }));
    return interfaceEgress(ctx, iface, q);
  }

  if (middlebox && !ownsDestination) {
    // Forwarding appliance or NAT instance: it masquerades when its own subnet sends the destination to an internet gateway.
    const rt = index.routeTableOfSubnet.get(iface.subnetId);
    const onward = rt ? lookupRoute(index, rt, p.dstIp) : undefined;
    const masquerade = !ctx.reply && onward?.target.kind === "internet-gateway";
    if (!ctx.reply) ctx.crossings.push({ kind: "middlebox", id: ref.id });
    const q: Packet = masquerade ? { ...p, srcIp: iface.primaryIp } : p;
    if (masquerade) ctx.session.nat.set(iface.id, { srcIp: p.srcIp, srcPort: p.srcPort });
    add(ctx, () => ({
      component: ref,
      hop: hopOf(iface),
      inboundHeader: header(p),
      outboundHeader: header(q),
      subnet: subnetRef(index, iface.subnetId),
      vpc: vpcRef(index, iface.vpcId),
      note: masquerade ? `${ref.id} acts as a NAT instance: it replaces the source address with its own, ${formatIp(q.srcIp)}.` : `${ref.id} forwards the packet (source/destination check disabled).`,
    }));
    return interfaceEgress(ctx, iface, q);
  }

  add(ctx, () => ({ component: ref, hop: hopOf(iface), inboundHeader: header(p), subnet: subnetRef(index, iface.subnetId), vpc: vpcRef(index, iface.vpcId), note: `${ref.id} receives the packet.` }));
  if (!ownsDestination) {
    return block(ctx, "NO_DESTINATION_OWNER", ref, `${ref.id} received a packet for ${formatIp(p.dstIp)}, which is not one of its addresses.`);
  }
  if (ctx.target.ip !== undefined && ctx.target.ip !== p.dstIp && !reached(ctx, ref.id) && !reached(ctx, iface.id)) {
    return block(ctx, "NO_DESTINATION_OWNER", ref, `The packet reached ${ref.id}, not the destination ${formatIp(ctx.target.ip)}.`);
  }
  return { kind: "accepted", resume: (c, reply) => interfaceEgress(c, iface, reply) };
}

/**
 * A Network Load Balancer that keeps the client's address is still the
 * connection's other end: the target's reply goes back through the same
 * node, which restores its own address as the source. The evaluator sends
 * the reply to the node's address so that it follows that path.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation
 */
function replyThroughLoadBalancer(ctx: TraceContext, p: Packet): Packet {
  if (!ctx.reply) return p;
  for (const session of ctx.session.loadBalancer.values()) {
    if (session.preservesClientIp && session.targetIp === p.srcIp && session.clientIp === p.dstIp) return { ...p, dstIp: session.nodeIp };
  }
  return p;
}

/** The rules that could have allowed the packet but did not apply: references across a boundary, unresolved prefix lists. */
function whyNot(verdict: Extract<SecurityGroupVerdict, { allowed: false }>, peer: string): string {
  const parts = [...verdict.referenceBlocks.map((b) => ` Rule ${b}.`)];
  for (const u of verdict.unresolvedPrefixLists) {
    parts.push(` Rule ${u.securityGroupId} ${u.rule} names prefix list ${u.prefixListId}, whose entries are not in the topology (capture them with get-managed-prefix-list-entries); if ${u.prefixListId} holds ${peer}, that rule allows the packet.`);
  }
  return parts.join("");
}

function unresolvedField(verdict: Extract<SecurityGroupVerdict, { allowed: false }>) {
  return verdict.unresolvedPrefixLists.length > 0 ? { unresolvedPrefixLists: verdict.unresolvedPrefixLists.map((u) => ({ prefixListId: u.prefixListId, usedBy: `${u.securityGroupId} ${u.rule}` })) } : {};
}

/**
 * Before it is routed, the way a packet will leave its VPC, as its subnet's
 * route table says (for outbound rules that reference a group of another VPC).
 */
function crossingsTowards(ctx: TraceContext, iface: IndexedInterface, p: Packet): Crossing[] {
  const rt = ctx.index.routeTableOfSubnet.get(iface.subnetId);
  const route = rt ? lookupRoute(ctx.index, rt, p.dstIp) : undefined;
  if (!route || route.target.kind === "local") return [];
  if (route.target.kind === "vpc-peering-connection") return [{ kind: "peering", id: route.target.id }];
  if (route.target.kind === "transit-gateway") {
    const attachment = (ctx.index.tgwAttachmentsByResource.get(`${route.target.id}|${iface.vpcId}`) ?? []).find((a) => a.resourceType === "vpc");
    const peers = ctx.index.interfacesByIp.get(p.dstIp) ?? [];
    const egress = peers[0] ? (ctx.index.tgwAttachmentsByResource.get(`${route.target.id}|${peers[0].vpcId}`) ?? []).find((a) => a.resourceType === "vpc") : undefined;
    return [{ kind: "transit-gateway", transitGatewayId: route.target.id, ingressAttachmentId: attachment?.transitGatewayAttachmentId ?? "", ...(egress ? { egressAttachmentId: egress.transitGatewayAttachmentId } : {}) }];
  }
  return [{ kind: "other", id: route.target.id }];
}
