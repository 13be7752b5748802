/**
 * The hop-by-hop trace of one packet, forward or as the reply. One file per
 * kind of place a packet can be, named as AWS names it; each step records a
 * path component and hands the packet on, and the trace ends accepted,
 * leaving the network, or blocked with one explanation.
 */
export { header, hopOf, interfaceRef, type InterfaceEvent, type Session, type Target, type TraceContext, type TraceEnd } from "./context";
export { interfaceEgress } from "./network-interface";
export { startFromVpcRouter, subnetEgress } from "./route-table";
export { internetGatewayIngress, onTheInternet } from "./internet-gateway";
export { startFromPeering } from "./vpc-peering";
export { transitGatewayRoute } from "./transit-gateway";
export { startFromVpnGatewaySide } from "./vpn";
export { startFromGatewayEndpoint } from "./vpc-endpoint";
export { clientVpn } from "./client-vpn";
export { startFromOnPremises } from "./direct-connect";
