import { z } from "zod";

/**
 * One element of `aws ec2 describe-network-insights-analyses` output
 * (EC2 API Reference: NetworkInsightsAnalysis, PathComponent, Explanation,
 * AnalysisComponent), as the CLI prints it with `--format json`. The text
 * story is written from this same object, so the two never disagree.
 * Only what the story reads is checked; everything else passes through.
 */

export const analysisComponentSchema = z.looseObject({
  Id: z.string().optional(),
  Arn: z.string().optional(),
  Name: z.string().optional(),
});

const portRangeSchema = z.looseObject({ From: z.number().optional(), To: z.number().optional() });

const packetHeaderSchema = z.looseObject({
  DestinationAddresses: z.array(z.string()).optional(),
  DestinationPortRanges: z.array(portRangeSchema).optional(),
  Protocol: z.string().optional(),
  SourceAddresses: z.array(z.string()).optional(),
  SourcePortRanges: z.array(portRangeSchema).optional(),
});

const aclRuleSchema = z.looseObject({
  Cidr: z.string().optional(),
  Egress: z.boolean().optional(),
  PortRange: portRangeSchema.optional(),
  Protocol: z.string().optional(),
  RuleAction: z.string().optional(),
  RuleNumber: z.number().optional(),
});

const securityGroupRuleSchema = z.looseObject({
  Cidr: z.string().optional(),
  Direction: z.string().optional(),
  SecurityGroupId: z.string().optional(),
  PortRange: portRangeSchema.optional(),
  PrefixListId: z.string().optional(),
  Protocol: z.string().optional(),
});

const routeTableRouteSchema = z.looseObject({
  DestinationCidr: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  GatewayId: z.string().optional(),
  InstanceId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  Origin: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  State: z.string().optional(),
  CarrierGatewayId: z.string().optional(),
});

const tgwRouteSchema = z.looseObject({
  DestinationCidr: z.string().optional(),
  State: z.string().optional(),
  RouteOrigin: z.string().optional(),
  PrefixListId: z.string().optional(),
  AttachmentId: z.string().optional(),
  ResourceId: z.string().optional(),
  ResourceType: z.string().optional(),
});

export const explanationSchema = z.looseObject({
  ExplanationCode: z.string().optional(),
  Direction: z.string().optional(),
  Component: analysisComponentSchema.optional(),
  Acl: analysisComponentSchema.optional(),
  AclRule: aclRuleSchema.optional(),
  SecurityGroups: z.array(analysisComponentSchema).optional(),
  RouteTable: analysisComponentSchema.optional(),
  RouteTableRoute: routeTableRouteSchema.optional(),
  Subnet: analysisComponentSchema.optional(),
  Vpc: analysisComponentSchema.optional(),
  Address: z.string().optional(),
  Port: z.number().optional(),
});

export const pathComponentSchema = z.looseObject({
  SequenceNumber: z.number().optional(),
  Component: analysisComponentSchema.optional(),
  AttachedTo: analysisComponentSchema.optional(),
  Subnet: analysisComponentSchema.optional(),
  Vpc: analysisComponentSchema.optional(),
  SourceVpc: analysisComponentSchema.optional(),
  DestinationVpc: analysisComponentSchema.optional(),
  TransitGateway: analysisComponentSchema.optional(),
  AclRule: aclRuleSchema.optional(),
  SecurityGroupRule: securityGroupRuleSchema.optional(),
  RouteTableRoute: routeTableRouteSchema.optional(),
  TransitGatewayRouteTableRoute: tgwRouteSchema.optional(),
  InboundHeader: packetHeaderSchema.optional(),
  OutboundHeader: packetHeaderSchema.optional(),
  ElasticLoadBalancerListener: analysisComponentSchema.optional(),
  ServiceName: z.string().optional(),
  Explanations: z.array(explanationSchema).optional(),
});

export const networkInsightsAnalysisSchema = z.looseObject({
  NetworkInsightsAnalysisId: z.string().optional(),
  NetworkInsightsPathId: z.string().optional(),
  Status: z.string().optional(),
  NetworkPathFound: z.boolean(),
  ForwardPathComponents: z.array(pathComponentSchema).optional(),
  ReturnPathComponents: z.array(pathComponentSchema).optional(),
  Explanations: z.array(explanationSchema).optional(),
});

export type AnalysisComponent = z.infer<typeof analysisComponentSchema>;
export type PathComponent = z.infer<typeof pathComponentSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
export type NetworkInsightsAnalysis = z.infer<typeof networkInsightsAnalysisSchema>;
