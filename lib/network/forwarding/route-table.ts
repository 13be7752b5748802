import { formatCidr, parseCidr, AddressTable, type Cidr, type Ip } from "../ip";
import { compiledCache, type IndexedTopology } from "../model/indexed-topology";
import type { Route, RouteTable } from "../model/topology";
import { vpnGatewayLearnedRoutes } from "./vpn";

/**
 * VPC route tables: targets, the implicit local route, route propagation
 * from a virtual private gateway, and route priority.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
 */

export type RouteTarget =
  | { kind: "local" }
  | { kind: "internet-gateway"; id: string }
  | { kind: "egress-only-internet-gateway"; id: string }
  | { kind: "nat-gateway"; id: string }
  | { kind: "instance"; id: string }
  | { kind: "network-interface"; id: string }
  | { kind: "vpc-peering-connection"; id: string }
  | { kind: "transit-gateway"; id: string }
  | { kind: "virtual-private-gateway"; id: string }
  | { kind: "vpc-endpoint"; id: string }
  | { kind: "carrier-gateway"; id: string }
  | { kind: "unsupported"; id: string };

export interface CompiledRoute {
  route: Route;
  routeTableId: string;
  /** The CIDR block or prefix list id as the route names it. */
  destination: string;
  prefix: Cidr;
  target: RouteTarget;
  /** Lower wins between routes with the same prefix length. */
  priority: number;
}

export function routeTarget(route: Route): RouteTarget {
  if (route.gatewayId === "local") return { kind: "local" };
  if (route.gatewayId?.startsWith("igw-")) return { kind: "internet-gateway", id: route.gatewayId };
  if (route.gatewayId?.startsWith("vgw-")) return { kind: "virtual-private-gateway", id: route.gatewayId };
  if (route.gatewayId?.startsWith("vpce-")) return { kind: "vpc-endpoint", id: route.gatewayId };
  if (route.natGatewayId) return { kind: "nat-gateway", id: route.natGatewayId };
  if (route.vpcPeeringConnectionId) return { kind: "vpc-peering-connection", id: route.vpcPeeringConnectionId };
  if (route.transitGatewayId) return { kind: "transit-gateway", id: route.transitGatewayId };
  if (route.egressOnlyInternetGatewayId) return { kind: "egress-only-internet-gateway", id: route.egressOnlyInternetGatewayId };
  if (route.carrierGatewayId) return { kind: "carrier-gateway", id: route.carrierGatewayId };
  if (route.vpcEndpointId) return { kind: "vpc-endpoint", id: route.vpcEndpointId };
  // describe-route-tables names both the instance and its interface for an instance target; the interface is the precise one.
  if (route.networkInterfaceId) return { kind: "network-interface", id: route.networkInterfaceId };
  if (route.instanceId) return { kind: "instance", id: route.instanceId };
  return { kind: "unsupported", id: route.localGatewayId ?? route.coreNetworkArn ?? "unknown target" };
}

/**
 * Route priority between routes for the same prefix length: the local route,
 * then static routes, then routes to prefix lists, then routes propagated
 * from a virtual private gateway.
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
 */
function priorityOf(route: Route, target: RouteTarget): number {
  if (target.kind === "local") return 0;
  if (route.origin === "EnableVgwRoutePropagation") return 3;
  if (route.destinationPrefixListId) return 2;
  return 1;
}

export function compileRouteTable(index: IndexedTopology, rt: RouteTable): AddressTable<CompiledRoute> {
  const cache = compiledCache<RouteTable, AddressTable<CompiledRoute>>(index, "rtb");
  const cached = cache.get(rt);
  if (cached) return cached;
  const table = new AddressTable<CompiledRoute>();
  const add = (route: Route, destination: string, prefix: Cidr) => {
    const target = routeTarget(route);
    table.add(prefix, { route, routeTableId: rt.routeTableId, destination, prefix, target, priority: priorityOf(route, target) });
  };
  const explicitLocal = new Set<string>();
  for (const route of rt.routes) {
    const cidr = route.destinationCidrBlock ?? route.destinationIpv6CidrBlock;
    if (cidr) {
      const p = parseCidr(cidr);
      if (!p) continue;
      if (route.gatewayId === "local") explicitLocal.add(formatCidr(p));
      add(route, cidr, p);
    } else if (route.destinationPrefixListId) {
      for (const p of index.prefixListPrefixes.get(route.destinationPrefixListId) ?? []) add(route, route.destinationPrefixListId, p);
    }
  }
  // Every route table has a local route for each VPC CIDR block; it cannot be removed.
  for (const p of index.vpcPrefixes.get(rt.vpcId) ?? []) {
    const text = `${formatNetwork(p)}`;
    if (explicitLocal.has(text)) continue;
    add({ ...(p.v6 ? { destinationIpv6CidrBlock: text } : { destinationCidrBlock: text }), gatewayId: "local", state: "active", origin: "CreateRouteTable" }, text, p);
  }
  // Routes learned from a propagating virtual private gateway (VPN static and BGP routes, Direct Connect).
  for (const { gatewayId } of rt.propagatingVgws) {
    for (const learned of vpnGatewayLearnedRoutes(index, gatewayId)) {
      add({ destinationCidrBlock: learned.cidr, gatewayId, state: "active", origin: "EnableVgwRoutePropagation" }, learned.cidr, learned.prefix);
    }
  }
  cache.set(rt, table);
  return table;
}

function formatNetwork(p: Cidr): string {
  return formatCidr(p);
}

/**
 * Longest prefix match, then route priority. `undefined` when no route matches.
 * A route propagated from a VPN or Direct Connect never beats the local route,
 * even when it is more specific.
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-route-priority.html
 */
export function lookupRoute(index: IndexedTopology, rt: RouteTable, ip: Ip): CompiledRoute | undefined {
  const table = compileRouteTable(index, rt);
  const match = table.lookup(ip);
  if (!match) return undefined;
  let best: CompiledRoute | undefined;
  for (const r of match.values) if (!best || r.priority < best.priority) best = r;
  if (best && best.route.origin === "EnableVgwRoutePropagation") {
    for (const broader of table.lookupAll(ip)) {
      const local = broader.values.find((r) => r.target.kind === "local");
      if (local) return local;
    }
  }
  return best;
}
