import { z } from "zod";
import { awsList, awsTagsSchema } from "./common";

/** Site-to-Site VPN: `describe-vpn-gateways`, `describe-customer-gateways`, `describe-vpn-connections`. */

export const vpnGatewaySchema = z.looseObject({
  VpnGatewayId: z.string(),
  State: z.string().optional(),
  Type: z.string().optional(),
  AmazonSideAsn: z.number().optional(),
  VpcAttachments: awsList(z.looseObject({ VpcId: z.string(), State: z.string().optional() })),
  Tags: awsTagsSchema,
});

export const customerGatewaySchema = z.looseObject({
  CustomerGatewayId: z.string(),
  IpAddress: z.string().optional(),
  BgpAsn: z.string().optional(),
  State: z.string().optional(),
  Type: z.string().optional(),
  Tags: awsTagsSchema,
});

export const vpnConnectionSchema = z.looseObject({
  VpnConnectionId: z.string(),
  CustomerGatewayId: z.string().optional(),
  VpnGatewayId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  State: z.string().optional(),
  Type: z.string().optional(),
  Category: z.string().optional(),
  Options: z
    .looseObject({
      StaticRoutesOnly: z.boolean().optional(),
      EnableAcceleration: z.boolean().optional(),
      LocalIpv4NetworkCidr: z.string().optional(),
      RemoteIpv4NetworkCidr: z.string().optional(),
    })
    .optional(),
  Routes: awsList(z.looseObject({ DestinationCidrBlock: z.string(), State: z.string().optional() })),
  VgwTelemetry: awsList(
    z.looseObject({
      OutsideIpAddress: z.string().optional(),
      Status: z.string().optional(),
      AcceptedRouteCount: z.number().optional(),
    }),
  ),
  Tags: awsTagsSchema,
});

export type AwsVpnGateway = z.infer<typeof vpnGatewaySchema>;
export type AwsCustomerGateway = z.infer<typeof customerGatewaySchema>;
export type AwsVpnConnection = z.infer<typeof vpnConnectionSchema>;
