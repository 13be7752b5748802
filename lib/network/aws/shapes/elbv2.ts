import { z } from "zod";
import { awsList } from "./common";

/**
 * Elastic Load Balancing v2: `aws elbv2 describe-load-balancers`,
 * `describe-target-groups`, `describe-listeners`, `describe-target-health`
 * and `describe-load-balancer-attributes`.
 */

export const loadBalancerSchema = z.looseObject({
  LoadBalancerArn: z.string(),
  LoadBalancerName: z.string().optional(),
  DNSName: z.string().optional(),
  Scheme: z.string().optional(),
  Type: z.string().optional(),
  VpcId: z.string().optional(),
  State: z.looseObject({ Code: z.string().optional() }).optional(),
  IpAddressType: z.string().optional(),
  SecurityGroups: awsList(z.string()),
  EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: z.string().optional(),
  AvailabilityZones: awsList(
    z.looseObject({
      ZoneName: z.string().optional(),
      SubnetId: z.string().optional(),
      LoadBalancerAddresses: awsList(
        z.looseObject({
          IpAddress: z.string().optional(),
          AllocationId: z.string().optional(),
          PrivateIPv4Address: z.string().optional(),
        }),
      ),
    }),
  ),
});

export const targetGroupSchema = z.looseObject({
  TargetGroupArn: z.string(),
  TargetGroupName: z.string().optional(),
  Protocol: z.string().optional(),
  Port: z.number().int().optional(),
  VpcId: z.string().optional(),
  TargetType: z.string().optional(),
  LoadBalancerArns: awsList(z.string()),
});

export const listenerSchema = z.looseObject({
  ListenerArn: z.string(),
  LoadBalancerArn: z.string(),
  Port: z.number().int().optional(),
  Protocol: z.string().optional(),
  DefaultActions: awsList(
    z.looseObject({
      Type: z.string(),
      Order: z.number().int().optional(),
      TargetGroupArn: z.string().optional(),
      ForwardConfig: z
        .looseObject({
          TargetGroups: awsList(z.looseObject({ TargetGroupArn: z.string(), Weight: z.number().optional() })),
        })
        .optional(),
    }),
  ),
});

/** Batfish's collector keys listeners by load balancer: `{"LoadBalancerListeners": [{"LoadBalancerArn", "Listeners"}]}`. */
export const loadBalancerListenersSchema = z.looseObject({
  LoadBalancerArn: z.string().optional(),
  Listeners: awsList(listenerSchema),
});

export const targetHealthDescriptionSchema = z.looseObject({
  Target: z.looseObject({ Id: z.string(), Port: z.number().int().optional(), AvailabilityZone: z.string().optional() }),
  HealthCheckPort: z.string().optional(),
  TargetHealth: z.looseObject({ State: z.string().optional() }).optional(),
});

/** `describe-target-health` carries no target group, so it is read wrapped with `TargetGroupArn`. */
export const targetGroupHealthSchema = z.looseObject({
  TargetGroupArn: z.string(),
  TargetHealthDescriptions: awsList(targetHealthDescriptionSchema),
});

export const loadBalancerAttributesSchema = z.looseObject({
  LoadBalancerArn: z.string(),
  Attributes: awsList(z.looseObject({ Key: z.string(), Value: z.string().optional() })),
});

export type AwsLoadBalancer = z.infer<typeof loadBalancerSchema>;
export type AwsTargetGroup = z.infer<typeof targetGroupSchema>;
export type AwsListener = z.infer<typeof listenerSchema>;
export type AwsLoadBalancerListeners = z.infer<typeof loadBalancerListenersSchema>;
export type AwsTargetGroupHealth = z.infer<typeof targetGroupHealthSchema>;
export type AwsLoadBalancerAttributes = z.infer<typeof loadBalancerAttributesSchema>;
