import { z } from "zod";
import { awsList, awsTagsSchema } from "./common";

/**
 * Client VPN: `describe-client-vpn-endpoints`, `-target-networks`,
 * `-authorization-rules` and `-routes`. Each element of the last three names
 * its endpoint, so none needs wrapping.
 */

const statusSchema = z.looseObject({ Code: z.string().optional() }).optional();

export const clientVpnEndpointSchema = z.looseObject({
  ClientVpnEndpointId: z.string(),
  ClientCidrBlock: z.string(),
  VpcId: z.string().optional(),
  SecurityGroupIds: awsList(z.string()),
  SplitTunnel: z.boolean().optional(),
  Status: statusSchema,
  Tags: awsTagsSchema,
});

export const clientVpnTargetNetworkSchema = z.looseObject({
  ClientVpnEndpointId: z.string(),
  TargetNetworkId: z.string(),
  AssociationId: z.string().optional(),
  VpcId: z.string().optional(),
  Status: statusSchema,
});

export const clientVpnAuthorizationRuleSchema = z.looseObject({
  ClientVpnEndpointId: z.string(),
  DestinationCidr: z.string(),
  AccessAll: z.boolean().optional(),
  GroupId: z.string().optional(),
  Status: statusSchema,
});

export const clientVpnRouteSchema = z.looseObject({
  ClientVpnEndpointId: z.string(),
  DestinationCidr: z.string(),
  TargetSubnet: z.string(),
  Origin: z.string().optional(),
  Status: statusSchema,
});

export type AwsClientVpnEndpoint = z.infer<typeof clientVpnEndpointSchema>;
export type AwsClientVpnTargetNetwork = z.infer<typeof clientVpnTargetNetworkSchema>;
export type AwsClientVpnAuthorizationRule = z.infer<typeof clientVpnAuthorizationRuleSchema>;
export type AwsClientVpnRoute = z.infer<typeof clientVpnRouteSchema>;
