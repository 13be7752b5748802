import { z } from "zod";
import {
  allocationId,
  arn,
  flowLogId,
  ipv4Address,
  ipv4Cidr,
  ipv6Cidr,
  networkInterfaceId,
  port,
  prefixListId,
  resourceFields,
  routeTableId,
  securityGroupId,
  subnetId,
  trafficMirrorFilterId,
  trafficMirrorSessionId,
  trafficMirrorTargetId,
  vpcEndpointId,
  vpcEndpointServiceId,
  vpcId,
} from "./common";

/**
 * VPC endpoint. Gateway endpoints (S3, DynamoDB) are route targets in
 * `routeTableIds`, reached through the service's prefix list; interface
 * endpoints own one network interface per subnet, guarded by security groups.
 * `policyDocument` is the IAM-style endpoint policy (JSON text or object).
 */
export const vpcEndpointSchema = z.strictObject({
  vpcEndpointId,
  vpcEndpointType: z.enum(["Gateway", "Interface", "GatewayLoadBalancer"]),
  vpcId,
  serviceName: z.string(),
  state: z.enum(["PendingAcceptance", "Pending", "Available", "Deleting", "Deleted", "Rejected", "Failed", "Expired", "available", "pending", "pendingAcceptance", "rejected", "failed"]).default("Available"),
  routeTableIds: z.array(routeTableId).default([]),
  subnetIds: z.array(subnetId).default([]),
  networkInterfaceIds: z.array(networkInterfaceId).default([]),
  securityGroupIds: z.array(securityGroupId).default([]),
  privateDnsEnabled: z.boolean().default(false),
  policyDocument: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  ...resourceFields,
});

/** Endpoint service (PrivateLink) offered from behind Network or Gateway Load Balancers. */
export const vpcEndpointServiceSchema = z.strictObject({
  serviceId: vpcEndpointServiceId,
  serviceName: z.string(),
  serviceType: z.enum(["Interface", "Gateway", "GatewayLoadBalancer"]).default("Interface"),
  networkLoadBalancerArns: z.array(arn).default([]),
  gatewayLoadBalancerArns: z.array(arn).default([]),
  acceptanceRequired: z.boolean().default(false),
  privateDnsName: z.string().optional(),
  ...resourceFields,
});

/**
 * An AWS public service's address ranges (S3, DynamoDB, or any service's
 * public ranges): traffic to these addresses leaves through an internet
 * gateway, or through a gateway endpoint when its prefix list routes it.
 */
export const awsServiceSchema = z.strictObject({
  serviceName: z.string().regex(/^com\.amazonaws\.[a-z0-9-]+\.[a-z0-9.-]+$/, { message: 'expected a service name like "com.amazonaws.us-east-1.s3"' }),
  prefixListId: prefixListId.optional(),
  cidrBlocks: z.array(z.union([ipv4Cidr, ipv6Cidr])).default([]),
  ...resourceFields,
});

/**
 * One prefix of AWS's published public address ranges (`ip-ranges.json`,
 * https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html), with
 * AWS's field names in camelCase (`ip_prefix`/`ipv6_prefix` → `ipPrefix`).
 * AWS lists a prefix once per service: once as `AMAZON` (all of AWS's space)
 * and again as `EC2`, `S3`, `CLOUDFRONT`… when that service uses it. Region is
 * AWS's value as written (`us-west-2`, or `GLOBAL`).
 */
export const awsIpRangeSchema = z.strictObject({
  ipPrefix: z.union([ipv4Cidr, ipv6Cidr]),
  region: z.string().min(1),
  networkBorderGroup: z.string().min(1).optional(),
  service: z.string().min(1),
});

/** ELBv2 load balancer (Application, Network or Gateway). */
export const loadBalancerSchema = z.strictObject({
  loadBalancerArn: arn,
  loadBalancerName: z.string(),
  dnsName: z.string().optional(),
  type: z.enum(["application", "network", "gateway"]).default("application"),
  scheme: z.enum(["internet-facing", "internal"]).default("internet-facing"),
  vpcId,
  state: z.enum(["active", "provisioning", "active_impaired", "failed"]).default("active"),
  availabilityZones: z
    .array(
      z.strictObject({
        zoneName: z.string().optional(),
        subnetId,
        loadBalancerAddresses: z
          .array(z.strictObject({ ipAddress: ipv4Address.optional(), allocationId: allocationId.optional(), privateIPv4Address: ipv4Address.optional() }))
          .default([]),
      }),
    )
    .default([]),
  securityGroupIds: z.array(securityGroupId).default([]),
  /** The `load_balancing.cross_zone.enabled` attribute; AWS default is on for ALBs, off for NLBs. */
  crossZoneLoadBalancing: z.boolean().optional(),
  /**
   * Network Load Balancers with security groups: whether their inbound rules
   * apply to traffic arriving through PrivateLink (evaluated against the
   * client's private address). AWS's default is on.
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSecurityGroups.html
   */
  enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: z.enum(["on", "off"]).default("on"),
  ...resourceFields,
});

export const targetHealthState = z.enum(["initial", "healthy", "unhealthy", "unhealthy.draining", "unused", "draining", "unavailable"]);

export const targetGroupSchema = z.strictObject({
  targetGroupArn: arn,
  targetGroupName: z.string().optional(),
  protocol: z.string().optional(),
  port: port.optional(),
  targetType: z.enum(["instance", "ip", "lambda", "alb"]).default("instance"),
  vpcId: vpcId.optional(),
  loadBalancerArns: z.array(arn).default([]),
  targets: z
    .array(z.strictObject({ id: z.string(), port: port.optional(), availabilityZone: z.string().optional(), health: targetHealthState.default("healthy") }))
    .default([]),
  ...resourceFields,
});

export const listenerSchema = z.strictObject({
  listenerArn: arn,
  loadBalancerArn: arn,
  protocol: z.string().optional(),
  port: port.optional(),
  defaultActions: z
    .array(
      z.strictObject({
        type: z.enum(["forward", "authenticate-oidc", "authenticate-cognito", "redirect", "fixed-response"]),
        targetGroupArn: arn.optional(),
        forwardConfig: z.strictObject({ targetGroups: z.array(z.strictObject({ targetGroupArn: arn, weight: z.number().int().min(0).default(1) })).default([]) }).optional(),
        order: z.number().int().optional(),
      }),
    )
    .default([]),
  ...resourceFields,
});

/** Global Accelerator (standard): listeners, endpoint groups per Region with traffic dials, endpoints with weights and health. */
export const acceleratorSchema = z.strictObject({
  acceleratorArn: arn,
  name: z.string().optional(),
  enabled: z.boolean().default(true),
  ipSets: z.array(z.strictObject({ ipAddresses: z.array(ipv4Address).default([]) })).default([]),
  listeners: z
    .array(
      z.strictObject({
        listenerArn: arn,
        protocol: z.enum(["TCP", "UDP"]),
        portRanges: z.array(z.strictObject({ fromPort: port, toPort: port })).min(1),
        clientAffinity: z.enum(["NONE", "SOURCE_IP"]).default("NONE"),
        endpointGroups: z
          .array(
            z.strictObject({
              endpointGroupArn: arn,
              endpointGroupRegion: z.string(),
              trafficDialPercentage: z.number().min(0).max(100).default(100),
              endpointDescriptions: z
                .array(
                  z.strictObject({
                    endpointId: z.string(),
                    weight: z.number().int().min(0).max(255).default(128),
                    healthState: z.enum(["INITIAL", "HEALTHY", "UNHEALTHY"]).default("HEALTHY"),
                    clientIPPreservationEnabled: z.boolean().default(false),
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  ...resourceFields,
});

/** Flow log on a VPC, subnet or network interface (`describe-flow-logs`). */
export const flowLogSchema = z.strictObject({
  flowLogId,
  resourceId: z.string(),
  trafficType: z.enum(["ACCEPT", "REJECT", "ALL"]).default("ALL"),
  flowLogStatus: z.enum(["ACTIVE"]).default("ACTIVE"),
  logDestinationType: z.enum(["cloud-watch-logs", "s3", "kinesis-data-firehose"]).default("cloud-watch-logs"),
  logDestination: z.string().optional(),
  logFormat: z.string().optional(),
  ...resourceFields,
});

export const trafficMirrorTargetSchema = z.strictObject({
  trafficMirrorTargetId,
  networkInterfaceId: networkInterfaceId.optional(),
  networkLoadBalancerArn: arn.optional(),
  gatewayLoadBalancerEndpointId: vpcEndpointId.optional(),
  ...resourceFields,
});

const mirrorPortRange = z.strictObject({ fromPort: port, toPort: port });

export const trafficMirrorFilterRuleSchema = z.strictObject({
  ruleNumber: z.number().int().min(1).max(32766),
  ruleAction: z.enum(["accept", "reject"]),
  protocol: z.number().int().min(0).max(255).optional(),
  destinationCidrBlock: z.union([ipv4Cidr, ipv6Cidr]),
  sourceCidrBlock: z.union([ipv4Cidr, ipv6Cidr]),
  destinationPortRange: mirrorPortRange.optional(),
  sourcePortRange: mirrorPortRange.optional(),
});

export const trafficMirrorFilterSchema = z.strictObject({
  trafficMirrorFilterId,
  ingressFilterRules: z.array(trafficMirrorFilterRuleSchema).default([]),
  egressFilterRules: z.array(trafficMirrorFilterRuleSchema).default([]),
  ...resourceFields,
});

export const trafficMirrorSessionSchema = z.strictObject({
  trafficMirrorSessionId,
  networkInterfaceId,
  trafficMirrorTargetId,
  trafficMirrorFilterId,
  sessionNumber: z.number().int().min(1).max(32766),
  packetLength: z.number().int().optional(),
  virtualNetworkId: z.number().int().optional(),
  ...resourceFields,
});
