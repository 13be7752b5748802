import { parseCidr, AddressTable, cidrsOverlap, type Cidr, type Ip } from "../ip";
import type { IndexedTopology } from "../model/indexed-topology";
import type { OnPremisesNetwork, VirtualInterface, VpnConnection } from "../model/topology";

/**
 * Site-to-Site VPN and the virtual private gateway's own routing: which
 * on-premises ranges a gateway learns and which connection wins.
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html
 */

export type VgwRouteSource =
  | { kind: "direct-connect"; virtualInterface: VirtualInterface }
  | { kind: "vpn-static"; vpnConnection: VpnConnection }
  | { kind: "vpn-bgp"; vpnConnection: VpnConnection };

export interface LearnedRoute {
  cidr: string;
  prefix: Cidr;
  source: VgwRouteSource;
  /** The on-premises networks behind this route's connection. */
  networks: OnPremisesNetwork[];
  /** Lower wins for the same prefix: Direct Connect BGP, then VPN static, then VPN BGP (Site-to-Site VPN "Route priority"). */
  priority: number;
}

/** Why a VPN connection carries no traffic, or `undefined` when it does. */
export function vpnProblem(vpn: VpnConnection): string | undefined {
  if (vpn.state !== "available") return `it is ${vpn.state}`;
  // Acceleration (Global Accelerator edge locations) exists only for VPNs on a transit gateway.
  // https://docs.aws.amazon.com/vpn/latest/s2svpn/accelerated-vpn.html
  if (vpn.options.enableAcceleration && vpn.vpnGatewayId) return "accelerated VPN connections are supported only on a transit gateway, not a virtual private gateway";
  // With tunnel telemetry, at least one of the two tunnels must be up.
  if (vpn.vgwTelemetry.length > 0 && !vpn.vgwTelemetry.some((t) => t.status === "UP")) return "neither of its tunnels is up";
  return undefined;
}

export function isVpnUp(vpn: VpnConnection): boolean {
  return vpnProblem(vpn) === undefined;
}

/** On-premises networks reached through a VPN connection's customer gateway. */
export function networksOfVpn(index: IndexedTopology, vpn: VpnConnection): OnPremisesNetwork[] {
  return index.onPremisesOfCustomerGateway.get(vpn.customerGatewayId) ?? [];
}

/** Routes a gateway (virtual private gateway or transit gateway) learns from its VPN connections. */
export function vpnRoutes(index: IndexedTopology, vpn: VpnConnection): LearnedRoute[] {
  const networks = networksOfVpn(index, vpn);
  const out: LearnedRoute[] = [];
  if (vpn.options.staticRoutesOnly) {
    for (const r of vpn.routes) {
      const p = parseCidr(r.destinationCidrBlock);
      if (p && r.state === "available") out.push({ cidr: r.destinationCidrBlock, prefix: p, source: { kind: "vpn-static", vpnConnection: vpn }, networks, priority: 1 });
    }
  } else {
    for (const n of networks) {
      for (const c of n.cidrBlocks) {
        const p = parseCidr(c);
        if (p) out.push({ cidr: c, prefix: p, source: { kind: "vpn-bgp", vpnConnection: vpn }, networks: [n], priority: 2 });
      }
    }
  }
  return out;
}

/** Routes learned over Direct Connect private/transit virtual interfaces ending on `gatewayId` (a VGW or DX gateway). */
export function directConnectRoutes(index: IndexedTopology, gatewayId: string): LearnedRoute[] {
  const out: LearnedRoute[] = [];
  for (const vif of index.virtualInterfacesOfGateway.get(gatewayId) ?? []) {
    if (vif.virtualInterfaceState !== "available") continue;
    const connection = index.directConnectConnections.get(vif.connectionId);
    if (connection && connection.connectionState !== "available") continue;
    for (const n of index.onPremisesOfVirtualInterface.get(vif.virtualInterfaceId) ?? []) {
      for (const c of n.cidrBlocks) {
        const p = parseCidr(c);
        if (p) out.push({ cidr: c, prefix: p, source: { kind: "direct-connect", virtualInterface: vif }, networks: [n], priority: 0 });
      }
    }
  }
  return out;
}

/** Direct Connect gateways associated with a virtual private gateway or transit gateway. */
export function directConnectGatewaysOf(index: IndexedTopology, gatewayId: string): string[] {
  const out: string[] = [];
  for (const g of index.directConnectGateways.values()) {
    if (g.directConnectGatewayState !== "available") continue;
    if (g.associations.some((a) => a.associatedGateway.id === gatewayId && a.associationState === "associated")) out.push(g.directConnectGatewayId);
  }
  return out;
}

/** Everything a virtual private gateway learns: its VPN connections' routes and Direct Connect routes (directly or through a DX gateway). */
export function vpnGatewayLearnedRoutes(index: IndexedTopology, vgwId: string): LearnedRoute[] {
  const key = `vgw-routes:${vgwId}`;
  const cached = index.cache.get(key);
  if (Array.isArray(cached)) return cached as LearnedRoute[];
  const out: LearnedRoute[] = [];
  for (const vpn of index.vpnConnectionsOfGateway.get(vgwId) ?? []) if (isVpnUp(vpn)) out.push(...vpnRoutes(index, vpn));
  out.push(...directConnectRoutes(index, vgwId));
  for (const dxgw of directConnectGatewaysOf(index, vgwId)) out.push(...directConnectRoutes(index, dxgw));
  index.cache.set(key, out);
  return out;
}

function learnedTable(index: IndexedTopology, vgwId: string): AddressTable<LearnedRoute> {
  const key = `vgw-table:${vgwId}`;
  const cached = index.cache.get(key);
  if (cached instanceof AddressTable) return cached as AddressTable<LearnedRoute>;
  const table = new AddressTable<LearnedRoute>();
  for (const r of vpnGatewayLearnedRoutes(index, vgwId)) table.add(r.prefix, r);
  index.cache.set(key, table);
  return table;
}

/** The route a virtual private gateway uses toward on-premises: longest prefix, then DX > VPN static > VPN BGP. */
export function lookupVpnGatewayRoute(index: IndexedTopology, vgwId: string, ip: Ip, exclude?: (r: LearnedRoute) => boolean): LearnedRoute | undefined {
  for (const match of learnedTable(index, vgwId).lookupAll(ip)) {
    let best: LearnedRoute | undefined;
    for (const r of match.values) if (!exclude?.(r) && (!best || r.priority < best.priority)) best = r;
    if (best) return best;
  }
  return undefined;
}

/**
 * VPN CloudHub: a virtual private gateway relays between its VPN sites when
 * the sites' ranges do not overlap.
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/VPN_CloudHub.html
 */
export function cloudHubOverlap(from: OnPremisesNetwork, to: OnPremisesNetwork): string | undefined {
  for (const a of from.cidrBlocks) {
    for (const b of to.cidrBlocks) {
      const pa = parseCidr(a);
      const pb = parseCidr(b);
      if (pa && pb && cidrsOverlap(pa, pb)) return `${a} overlaps ${b}`;
    }
  }
  return undefined;
}
