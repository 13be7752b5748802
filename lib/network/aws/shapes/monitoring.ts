import { z } from "zod";
import { awsList, awsTagsSchema } from "./common";

/** `describe-flow-logs` and the Traffic Mirroring `describe-traffic-mirror-*` outputs. */

export const flowLogSchema = z.looseObject({
  FlowLogId: z.string(),
  ResourceId: z.string(),
  TrafficType: z.string().optional(),
  FlowLogStatus: z.string().optional(),
  LogDestinationType: z.string().optional(),
  LogDestination: z.string().optional(),
  LogGroupName: z.string().optional(),
  LogFormat: z.string().optional(),
  Tags: awsTagsSchema,
});

export const trafficMirrorTargetSchema = z.looseObject({
  TrafficMirrorTargetId: z.string(),
  NetworkInterfaceId: z.string().optional(),
  NetworkLoadBalancerArn: z.string().optional(),
  GatewayLoadBalancerEndpointId: z.string().optional(),
  OwnerId: z.string().optional(),
  Tags: awsTagsSchema,
});

const portRangeSchema = z.looseObject({ FromPort: z.number().int().optional(), ToPort: z.number().int().optional() });

export const trafficMirrorFilterRuleSchema = z.looseObject({
  RuleNumber: z.number().int(),
  RuleAction: z.string(),
  Protocol: z.number().int().optional(),
  DestinationCidrBlock: z.string(),
  SourceCidrBlock: z.string(),
  DestinationPortRange: portRangeSchema.optional(),
  SourcePortRange: portRangeSchema.optional(),
});

export const trafficMirrorFilterSchema = z.looseObject({
  TrafficMirrorFilterId: z.string(),
  IngressFilterRules: awsList(trafficMirrorFilterRuleSchema),
  EgressFilterRules: awsList(trafficMirrorFilterRuleSchema),
  Tags: awsTagsSchema,
});

export const trafficMirrorSessionSchema = z.looseObject({
  TrafficMirrorSessionId: z.string(),
  TrafficMirrorTargetId: z.string(),
  TrafficMirrorFilterId: z.string(),
  NetworkInterfaceId: z.string(),
  SessionNumber: z.number().int(),
  PacketLength: z.number().int().optional(),
  VirtualNetworkId: z.number().int().optional(),
  OwnerId: z.string().optional(),
  Tags: awsTagsSchema,
});

export type AwsFlowLog = z.infer<typeof flowLogSchema>;
export type AwsTrafficMirrorTarget = z.infer<typeof trafficMirrorTargetSchema>;
export type AwsTrafficMirrorFilter = z.infer<typeof trafficMirrorFilterSchema>;
export type AwsTrafficMirrorSession = z.infer<typeof trafficMirrorSessionSchema>;
