import { z } from "zod";
import { awsList, awsTagsSchema } from "./common";

/** Outputs of the transit gateway `aws ec2 describe-*` / `get-*` / `search-*` commands. */

export const transitGatewaySchema = z.looseObject({
  TransitGatewayId: z.string(),
  OwnerId: z.string().optional(),
  State: z.string().optional(),
  Options: z
    .looseObject({
      AmazonSideAsn: z.number().optional(),
      AssociationDefaultRouteTableId: z.string().optional(),
      PropagationDefaultRouteTableId: z.string().optional(),
      DefaultRouteTableAssociation: z.string().optional(),
      DefaultRouteTablePropagation: z.string().optional(),
      VpnEcmpSupport: z.string().optional(),
      SecurityGroupReferencingSupport: z.string().optional(),
    })
    .optional(),
  Tags: awsTagsSchema,
});

export const transitGatewayAttachmentSchema = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  TransitGatewayId: z.string(),
  TransitGatewayOwnerId: z.string().optional(),
  ResourceType: z.string(),
  ResourceId: z.string().optional(),
  ResourceOwnerId: z.string().optional(),
  State: z.string().optional(),
  Association: z
    .looseObject({ TransitGatewayRouteTableId: z.string(), State: z.string().optional() })
    .nullish(),
  Tags: awsTagsSchema,
});

export const transitGatewayVpcAttachmentSchema = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  TransitGatewayId: z.string(),
  VpcId: z.string(),
  VpcOwnerId: z.string().optional(),
  SubnetIds: awsList(z.string()),
  State: z.string().optional(),
  Options: z.looseObject({ ApplianceModeSupport: z.string().optional(), SecurityGroupReferencingSupport: z.string().optional() }).optional(),
  Tags: awsTagsSchema,
});

const peeringTgwInfoSchema = z.looseObject({
  TransitGatewayId: z.string(),
  OwnerId: z.string().optional(),
  Region: z.string().optional(),
});

export const transitGatewayPeeringAttachmentSchema = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  RequesterTgwInfo: peeringTgwInfoSchema,
  AccepterTgwInfo: peeringTgwInfoSchema,
  State: z.string().optional(),
  Status: z.looseObject({ Code: z.string().optional() }).optional(),
  Tags: awsTagsSchema,
});

export const transitGatewayRouteTableSchema = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  TransitGatewayId: z.string(),
  State: z.string().optional(),
  DefaultAssociationRouteTable: z.boolean().optional(),
  DefaultPropagationRouteTable: z.boolean().optional(),
  Tags: awsTagsSchema,
});

/** An element of `search-transit-gateway-routes` output (`TransitGatewayRoute`). */
export const transitGatewayRouteSchema = z.looseObject({
  DestinationCidrBlock: z.string().optional(),
  PrefixListId: z.string().optional(),
  State: z.string(),
  Type: z.string().optional(),
  TransitGatewayAttachments: awsList(
    z.looseObject({
      TransitGatewayAttachmentId: z.string().optional(),
      ResourceId: z.string().optional(),
      ResourceType: z.string().optional(),
    }),
  ),
});

/**
 * `search-transit-gateway-routes` carries no table id, so it is read when
 * wrapped as `{"TransitGatewayRouteTableId": "tgw-rtb-…", "Routes": [...]}`
 * (the shape Batfish's collector writes into `TransitGatewayStaticRoutes`).
 */
export const transitGatewayRouteTableRoutesSchema = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  Routes: awsList(transitGatewayRouteSchema),
});

export const transitGatewayRouteTablePropagationSchema = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  ResourceId: z.string().optional(),
  ResourceType: z.string().optional(),
  State: z.string().optional(),
});

/** `get-transit-gateway-route-table-propagations`, wrapped with its table id. */
export const transitGatewayRouteTablePropagationsSchema = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  TransitGatewayRouteTablePropagations: awsList(transitGatewayRouteTablePropagationSchema),
});

/** `get-transit-gateway-route-table-associations`, wrapped with its table id. */
export const transitGatewayRouteTableAssociationsSchema = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  Associations: awsList(
    z.looseObject({
      TransitGatewayAttachmentId: z.string(),
      ResourceId: z.string().optional(),
      ResourceType: z.string().optional(),
      State: z.string().optional(),
    }),
  ),
});

export type AwsTransitGateway = z.infer<typeof transitGatewaySchema>;
export type AwsTransitGatewayAttachment = z.infer<typeof transitGatewayAttachmentSchema>;
export type AwsTransitGatewayVpcAttachment = z.infer<typeof transitGatewayVpcAttachmentSchema>;
export type AwsTransitGatewayPeeringAttachment = z.infer<typeof transitGatewayPeeringAttachmentSchema>;
export type AwsTransitGatewayRouteTable = z.infer<typeof transitGatewayRouteTableSchema>;
export type AwsTransitGatewayRoute = z.infer<typeof transitGatewayRouteSchema>;
export type AwsTransitGatewayRouteTableRoutes = z.infer<typeof transitGatewayRouteTableRoutesSchema>;
export type AwsTransitGatewayRouteTablePropagations = z.infer<typeof transitGatewayRouteTablePropagationsSchema>;
export type AwsTransitGatewayRouteTableAssociations = z.infer<typeof transitGatewayRouteTableAssociationsSchema>;
