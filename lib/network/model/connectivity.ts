import { z } from "zod";
import {
  clientVpnEndpointId,
  customerGatewayId,
  directConnectConnectionId,
  directConnectGatewayId,
  ipv4Address,
  ipv4Cidr,
  ipv6Cidr,
  prefixListId,
  resourceFields,
  securityGroupId,
  subnetId,
  transitGatewayAttachmentId,
  transitGatewayId,
  transitGatewayRouteTableId,
  virtualInterfaceId,
  vpcId,
  vpcPeeringConnectionId,
  vpnConnectionId,
  vpnGatewayId,
} from "./common";

/** One side of a VPC peering connection; the VPC may live in another account or Region. */
const peeringVpcInfo = z.strictObject({
  vpcId,
  ownerId: z.string().optional(),
  region: z.string().optional(),
  /** Used when the peer VPC itself is not in the topology. */
  cidrBlock: ipv4Cidr.optional(),
  cidrBlockSet: z.array(z.strictObject({ cidrBlock: ipv4Cidr })).default([]),
});

export const vpcPeeringConnectionSchema = z.strictObject({
  vpcPeeringConnectionId,
  status: z
    .enum(["initiating-request", "pending-acceptance", "active", "deleted", "rejected", "failed", "expired", "provisioning", "deleting"])
    .default("active"),
  requesterVpcInfo: peeringVpcInfo,
  accepterVpcInfo: peeringVpcInfo,
  ...resourceFields,
});

export const transitGatewaySchema = z.strictObject({
  transitGatewayId,
  state: z.enum(["pending", "available", "modifying", "deleting", "deleted"]).default("available"),
  options: z
    .strictObject({
      amazonSideAsn: z.number().int().optional(),
      defaultRouteTableAssociation: z.enum(["enable", "disable"]).default("enable"),
      defaultRouteTablePropagation: z.enum(["enable", "disable"]).default("enable"),
      associationDefaultRouteTableId: transitGatewayRouteTableId.optional(),
      propagationDefaultRouteTableId: transitGatewayRouteTableId.optional(),
      vpnEcmpSupport: z.enum(["enable", "disable"]).default("enable"),
      /**
       * Security group rules may reference groups of other VPCs attached to this
       * transit gateway only when this option and the VPC attachments' own are
       * both enabled; it is disabled by default on a transit gateway.
       * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayOptions.html
       */
      securityGroupReferencingSupport: z.enum(["enable", "disable"]).default("disable"),
    })
    .prefault({}),
  ...resourceFields,
});

/**
 * Transit gateway attachment. A peering attachment has one id shared by both
 * transit gateways, so a two-Region snapshot lists it twice, once per
 * `transitGatewayId`, with `resourceId` naming the peer transit gateway.
 */
export const transitGatewayAttachmentSchema = z.strictObject({
  transitGatewayAttachmentId,
  transitGatewayId,
  transitGatewayOwnerId: z.string().optional(),
  resourceType: z.enum(["vpc", "vpn", "direct-connect-gateway", "connect", "peering", "tgw-peering", "network-function"]),
  resourceId: z.string(),
  resourceOwnerId: z.string().optional(),
  state: z
    .enum(["initiating", "initiatingRequest", "pendingAcceptance", "rollingBack", "pending", "available", "modifying", "deleting", "deleted", "failed", "rejected", "rejecting", "failing"])
    .default("available"),
  association: z
    .strictObject({ transitGatewayRouteTableId, state: z.enum(["associating", "associated", "disassociating", "disassociated"]).default("associated") })
    .optional(),
  /** VPC attachments: the subnets (one per zone) holding the attachment's interfaces. */
  subnetIds: z.array(subnetId).default([]),
  applianceModeSupport: z.enum(["enable", "disable"]).default("disable"),
  /**
   * VPC attachments: lets security group rules reference groups across the
   * transit gateway (with the gateway's own option). Enabled by default on an
   * attachment, disabled by default on the gateway.
   * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayVpcAttachmentOptions.html
   */
  securityGroupReferencingSupport: z.enum(["enable", "disable"]).default("enable"),
  ...resourceFields,
});

export const transitGatewayRouteSchema = z
  .strictObject({
    destinationCidrBlock: z.union([ipv4Cidr, ipv6Cidr]).optional(),
    prefixListId: prefixListId.optional(),
    type: z.enum(["static", "propagated"]).default("static"),
    state: z.enum(["pending", "active", "blackhole", "deleting", "deleted"]).default("active"),
    transitGatewayAttachments: z
      .array(z.strictObject({ transitGatewayAttachmentId, resourceId: z.string().optional(), resourceType: z.string().optional() }))
      .default([]),
  })
  // A prefix list reference appears as one route per entry of the list, each naming the list
  // (https://docs.aws.amazon.com/vpc/latest/tgw/create-prefix-list-reference.html), or as the list alone.
  .refine((r) => r.destinationCidrBlock !== undefined || r.prefixListId !== undefined, {
    message: "a transit gateway route needs a destinationCidrBlock, a prefixListId, or both (an entry of a referenced prefix list)",
  });

/**
 * Transit gateway route table with its associations, propagations and
 * routes. Propagated routes may be listed (from `search-transit-gateway-routes`)
 * or left for the evaluator to derive from `propagations`.
 */
export const transitGatewayRouteTableSchema = z.strictObject({
  transitGatewayRouteTableId,
  transitGatewayId,
  state: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
  defaultAssociationRouteTable: z.boolean().default(false),
  defaultPropagationRouteTable: z.boolean().default(false),
  associations: z.array(z.strictObject({ transitGatewayAttachmentId, state: z.string().default("associated") })).default([]),
  propagations: z.array(z.strictObject({ transitGatewayAttachmentId, state: z.enum(["enabling", "enabled", "disabling", "disabled"]).default("enabled") })).default([]),
  routes: z.array(transitGatewayRouteSchema).default([]),
  ...resourceFields,
});

export const vpnGatewaySchema = z.strictObject({
  vpnGatewayId,
  state: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
  amazonSideAsn: z.number().int().optional(),
  vpcAttachments: z.array(z.strictObject({ vpcId, state: z.enum(["attaching", "attached", "detaching", "detached"]).default("attached") })).default([]),
  ...resourceFields,
});

export const customerGatewaySchema = z.strictObject({
  customerGatewayId,
  ipAddress: ipv4Address.optional(),
  bgpAsn: z.string().optional(),
  deviceName: z.string().optional(),
  state: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
  ...resourceFields,
});

/**
 * Site-to-Site VPN connection to a virtual private gateway or a transit
 * gateway: static routes, or BGP (the on-premises network attached to the
 * customer gateway advertises its CIDR blocks), and two tunnels whose
 * status is in `vgwTelemetry`.
 */
export const vpnConnectionSchema = z
  .strictObject({
    vpnConnectionId,
    customerGatewayId,
    vpnGatewayId: vpnGatewayId.optional(),
    transitGatewayId: transitGatewayId.optional(),
    state: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
    options: z
      .strictObject({
        staticRoutesOnly: z.boolean().default(false),
        enableAcceleration: z.boolean().default(false),
        localIpv4NetworkCidr: ipv4Cidr.optional(),
        remoteIpv4NetworkCidr: ipv4Cidr.optional(),
      })
      .prefault({}),
    routes: z
      .array(z.strictObject({ destinationCidrBlock: ipv4Cidr, source: z.string().default("Static"), state: z.enum(["pending", "available", "deleting", "deleted"]).default("available") }))
      .default([]),
    vgwTelemetry: z
      .array(z.strictObject({ outsideIpAddress: ipv4Address.optional(), status: z.enum(["UP", "DOWN"]), acceptedRouteCount: z.number().int().optional() }))
      .default([]),
    ...resourceFields,
  })
  .refine((v) => (v.vpnGatewayId === undefined) !== (v.transitGatewayId === undefined), {
    message: "a VPN connection ends on exactly one of vpnGatewayId or transitGatewayId",
  });

/**
 * An on-premises network (a place, not an AWS resource): its address ranges
 * and how it connects — customer gateways (Site-to-Site VPN) and Direct
 * Connect virtual interfaces. Over BGP it advertises `cidrBlocks`.
 */
export const onPremisesNetworkSchema = z.strictObject({
  id: z.string().regex(/^onprem-[A-Za-z0-9][A-Za-z0-9-]*$/, { message: 'expected an id like "onprem-hq"' }),
  name: z.string().optional(),
  cidrBlocks: z.array(ipv4Cidr).min(1),
  customerGatewayIds: z.array(customerGatewayId).default([]),
  virtualInterfaceIds: z.array(virtualInterfaceId).default([]),
  ...resourceFields,
});

/** Client VPN endpoint with its target networks, authorization rules and routes. */
export const clientVpnEndpointSchema = z.strictObject({
  clientVpnEndpointId,
  clientCidrBlock: ipv4Cidr,
  vpcId: vpcId.optional(),
  securityGroupIds: z.array(securityGroupId).default([]),
  splitTunnel: z.boolean().default(false),
  status: z.enum(["pending-associate", "available", "deleting", "deleted"]).default("available"),
  targetNetworks: z
    .array(z.strictObject({ associationId: z.string().optional(), targetNetworkId: subnetId, status: z.enum(["associating", "associated", "association-failed", "disassociating", "disassociated"]).default("associated") }))
    .default([]),
  authorizationRules: z
    .array(z.strictObject({ destinationCidr: ipv4Cidr, accessAll: z.boolean().default(true), groupId: z.string().optional(), status: z.enum(["authorizing", "active", "failed", "revoking"]).default("active") }))
    .default([]),
  routes: z
    .array(z.strictObject({ destinationCidr: ipv4Cidr, targetSubnet: subnetId, status: z.enum(["creating", "active", "failed", "deleting"]).default("active"), origin: z.enum(["associate", "add-route"]).default("add-route") }))
    .default([]),
  ...resourceFields,
});

export const directConnectConnectionSchema = z.strictObject({
  connectionId: directConnectConnectionId,
  connectionName: z.string().optional(),
  connectionState: z.enum(["ordering", "requested", "pending", "available", "down", "deleting", "deleted", "rejected", "unknown"]).default("available"),
  location: z.string().optional(),
  bandwidth: z.string().optional(),
  ...resourceFields,
});

/** Private VIFs end on a virtual private gateway or a DX gateway, transit VIFs on a DX gateway, public VIFs on AWS's public ranges. */
export const virtualInterfaceSchema = z.strictObject({
  virtualInterfaceId,
  virtualInterfaceType: z.enum(["private", "public", "transit"]),
  connectionId: directConnectConnectionId,
  virtualInterfaceState: z.enum(["confirming", "verifying", "pending", "available", "down", "deleting", "deleted", "rejected", "unknown"]).default("available"),
  virtualGatewayId: vpnGatewayId.optional(),
  directConnectGatewayId: directConnectGatewayId.optional(),
  vlan: z.number().int().optional(),
  asn: z.number().int().optional(),
  amazonAddress: z.string().optional(),
  customerAddress: z.string().optional(),
  routeFilterPrefixes: z.array(z.strictObject({ cidr: ipv4Cidr })).default([]),
  ...resourceFields,
});

export const directConnectGatewaySchema = z.strictObject({
  directConnectGatewayId,
  directConnectGatewayName: z.string().optional(),
  amazonSideAsn: z.number().int().optional(),
  directConnectGatewayState: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
  associations: z
    .array(
      z.strictObject({
        associatedGateway: z.strictObject({ id: z.string(), type: z.enum(["virtualPrivateGateway", "transitGateway"]), ownerAccount: z.string().optional(), region: z.string().optional() }),
        associationState: z.enum(["associating", "associated", "disassociating", "disassociated", "updating"]).default("associated"),
        allowedPrefixesToDirectConnectGateway: z.array(z.strictObject({ cidr: ipv4Cidr })).default([]),
      }),
    )
    .default([]),
  ...resourceFields,
});
