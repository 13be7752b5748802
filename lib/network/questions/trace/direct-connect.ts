import { type LearnedRoute, vpnProblem } from "../../forwarding/vpn";
import { formatIp, parseCidr, cidrContains } from "../../ip";
import { type IndexedTopology, vpcContains } from "../../model/indexed-topology";
import { type OnPremisesNetwork } from "../../model/topology";
import { type Packet } from "../../packet";
import { type ComponentRef } from "../path-component";
import { DOCS, type TraceContext, type TraceEnd, add, block } from "./context";
import { onTheInternet } from "./internet-gateway";
import { transitGateway } from "./transit-gateway";
import { vpnGatewayIngress } from "./vpn";

/**
 * Direct Connect: virtual interfaces, Direct Connect gateways, and entering from on premises.
 */

/** From an on-premises network: over Direct Connect first, then VPN, the first way in that delivers. */
export function startFromOnPremises(index: IndexedTopology, network: OnPremisesNetwork, p: Packet, only?: { virtualInterfaceId?: string; vpnConnectionId?: string }): ((c: TraceContext) => TraceEnd)[] {
  const attempts: ((c: TraceContext) => TraceEnd)[] = [];
  for (const vifId of network.virtualInterfaceIds) {
    if (only && only.virtualInterfaceId !== vifId) continue;
    const vif = index.virtualInterfaces.get(vifId);
    if (!vif) continue;
    const enter = (c: TraceContext): TraceEnd => {
      add(c, () => ({ component: { id: network.id, type: "on-premises-network" }, hop: network.id, note: `The packet starts in ${network.name ?? network.id}.` }));
      add(c, () => ({ component: { id: vif.virtualInterfaceId, type: "direct-connect-virtual-interface" }, note: `It crosses Direct Connect virtual interface ${vif.virtualInterfaceId} (${vif.virtualInterfaceType}).` }));
      if (vif.virtualInterfaceState !== "available") return block(c, "BAD_STATE", { id: vif.virtualInterfaceId, type: "direct-connect-virtual-interface" }, `Virtual interface ${vif.virtualInterfaceId} is ${vif.virtualInterfaceState}.`, { documentation: DOCS.directConnect });
      const source: LearnedRoute["source"] = { kind: "direct-connect", virtualInterface: vif };
      // A public VIF reaches AWS's public address space: public services, public IPs in AWS and AWS's published ranges, nothing private.
      // https://docs.aws.amazon.com/directconnect/latest/UserGuide/WorkingWithVirtualInterfaces.html
      if (vif.virtualInterfaceType === "public") {
        const index = c.index;
        if (index.awsServiceTable.lookup(p.dstIp) || index.publicIpOwner.has(p.dstIp) || index.awsIpRangeTable.lookup(p.dstIp)) return onTheInternet(c, p);
        return block(c, "NO_ROUTE_TO_DESTINATION", { id: vif.virtualInterfaceId, type: "direct-connect-virtual-interface" }, `${vif.virtualInterfaceId} is a public virtual interface: it reaches AWS public services and public IP addresses in AWS, not ${formatIp(p.dstIp)}.`, { documentation: DOCS.directConnect });
      }
      if (vif.virtualGatewayId) return vpnGatewayIngress(c, vif.virtualGatewayId, p, source);
      if (vif.directConnectGatewayId) return directConnectGatewayIngress(c, vif.directConnectGatewayId, p, source);
      return block(c, "NO_ROUTE_TO_DESTINATION", { id: vif.virtualInterfaceId, type: "direct-connect-virtual-interface" }, `Virtual interface ${vif.virtualInterfaceId} ends on no virtual private gateway or Direct Connect gateway.`);
    };
    attempts.push(enter);
  }
  for (const cgwId of network.customerGatewayIds) {
    for (const vpn of index.topology.vpnConnections.filter((v) => v.customerGatewayId === cgwId)) {
      if (only && only.vpnConnectionId !== vpn.vpnConnectionId) continue;
      attempts.push((c) => {
        add(c, () => ({ component: { id: network.id, type: "on-premises-network" }, hop: network.id, note: `The packet starts in ${network.name ?? network.id}.` }));
        add(c, () => ({ component: { id: vpn.vpnConnectionId, type: "vpn-connection" }, note: `It goes through VPN connection ${vpn.vpnConnectionId}${vpn.options.enableAcceleration ? " (accelerated)" : ""}.` }));
        const problem = vpnProblem(vpn);
        if (problem) return block(c, "BAD_STATE_VPN", { id: vpn.vpnConnectionId, type: "vpn-connection" }, `VPN connection ${vpn.vpnConnectionId} carries no traffic: ${problem}.`, { documentation: DOCS.vpnRouting });
        if (vpn.vpnGatewayId) return vpnGatewayIngress(c, vpn.vpnGatewayId, p, { kind: vpn.options.staticRoutesOnly ? "vpn-static" : "vpn-bgp", vpnConnection: vpn });
        const tgwId = vpn.transitGatewayId ?? "";
        const attachment = (index.tgwAttachmentsByResource.get(`${tgwId}|${vpn.vpnConnectionId}`) ?? [])[0];
        if (!attachment) return block(c, "TGW_NOT_ATTACHED", { id: tgwId, type: "transit-gateway" }, `VPN connection ${vpn.vpnConnectionId} has no attachment on ${tgwId}.`);
        return transitGateway(c, tgwId, attachment, p);
      });
    }
  }
  return attempts;
}

export function directConnectGatewayIngress(ctx: TraceContext, dxgwId: string, p: Packet, source: LearnedRoute["source"]): TraceEnd {
  const index = ctx.index;
  const dxgw = index.directConnectGateways.get(dxgwId);
  const ref: ComponentRef = { id: dxgwId, type: "direct-connect-gateway" };
  if (!dxgw || dxgw.directConnectGatewayState !== "available") return block(ctx, "BAD_STATE", ref, `Direct Connect gateway ${dxgwId} is not available.`, { documentation: DOCS.directConnect });
  add(ctx, () => ({ component: ref, hop: dxgwId, note: `The packet reaches Direct Connect gateway ${dxgw.directConnectGatewayName ?? dxgwId}.` }));
  for (const association of dxgw.associations) {
    if (association.associationState !== "associated") continue;
    const gw = association.associatedGateway;
    // On premises learns only the allowed prefixes of a transit gateway association.
    const allowed = association.allowedPrefixesToDirectConnectGateway.map((a) => parseCidr(a.cidr)).filter((x) => x !== undefined);
    const permitted = allowed.length === 0 || allowed.some((q) => cidrContains(q, p.dstIp));
    if (gw.type === "virtualPrivateGateway") {
      const vgw = index.vpnGateways.get(gw.id);
      const vpcId = vgw?.vpcAttachments.find((a) => a.state === "attached")?.vpcId;
      if (vpcId && vpcContains(index, vpcId, p.dstIp) && permitted) return vpnGatewayIngress(ctx, gw.id, p, source);
    } else {
      const attachment = (index.tgwAttachmentsByResource.get(`${gw.id}|${dxgwId}`) ?? [])[0];
      if (!attachment) continue;
      if (!permitted) return block(ctx, "DX_PREFIX_NOT_ALLOWED", ref, `${formatIp(p.dstIp)} is not in the allowed prefixes of the association between ${dxgwId} and ${gw.id}, so on premises has no route to it.`, { documentation: "https://docs.aws.amazon.com/directconnect/latest/UserGuide/allowed-to-prefixes.html" });
      return transitGateway(ctx, gw.id, attachment, p);
    }
  }
  return block(ctx, "NO_ROUTE_TO_DESTINATION", ref, `Direct Connect gateway ${dxgwId} is associated with no gateway whose network holds ${formatIp(p.dstIp)}.`, { documentation: DOCS.directConnect });
}
