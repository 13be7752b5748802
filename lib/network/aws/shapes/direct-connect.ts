import { z } from "zod";
import { awsList } from "./common";

/**
 * `aws directconnect describe-connections`, `describe-virtual-interfaces`,
 * `describe-direct-connect-gateways` and
 * `describe-direct-connect-gateway-associations`. Direct Connect's outputs
 * use camelCase keys (`connections`, `virtualInterfaces`), unlike EC2's.
 */

export const connectionSchema = z.looseObject({
  connectionId: z.string(),
  connectionName: z.string().optional(),
  connectionState: z.string().optional(),
  location: z.string().optional(),
  bandwidth: z.string().optional(),
  ownerAccount: z.string().optional(),
  region: z.string().optional(),
});

export const virtualInterfaceSchema = z.looseObject({
  virtualInterfaceId: z.string(),
  virtualInterfaceType: z.string(),
  connectionId: z.string(),
  virtualInterfaceState: z.string().optional(),
  virtualGatewayId: z.string().optional(),
  directConnectGatewayId: z.string().optional(),
  vlan: z.number().int().optional(),
  asn: z.number().int().optional(),
  amazonAddress: z.string().optional(),
  customerAddress: z.string().optional(),
  routeFilterPrefixes: awsList(z.looseObject({ cidr: z.string() })),
  ownerAccount: z.string().optional(),
  region: z.string().optional(),
});

export const directConnectGatewaySchema = z.looseObject({
  directConnectGatewayId: z.string(),
  directConnectGatewayName: z.string().optional(),
  amazonSideAsn: z.number().int().optional(),
  directConnectGatewayState: z.string().optional(),
  ownerAccount: z.string().optional(),
});

export const directConnectGatewayAssociationSchema = z.looseObject({
  directConnectGatewayId: z.string(),
  associatedGateway: z
    .looseObject({ id: z.string(), type: z.string(), ownerAccount: z.string().optional(), region: z.string().optional() })
    .optional(),
  virtualGatewayId: z.string().optional(),
  associationState: z.string().optional(),
  allowedPrefixesToDirectConnectGateway: awsList(z.looseObject({ cidr: z.string() })),
});

export type AwsConnection = z.infer<typeof connectionSchema>;
export type AwsVirtualInterface = z.infer<typeof virtualInterfaceSchema>;
export type AwsDirectConnectGateway = z.infer<typeof directConnectGatewaySchema>;
export type AwsDirectConnectGatewayAssociation = z.infer<typeof directConnectGatewayAssociationSchema>;
