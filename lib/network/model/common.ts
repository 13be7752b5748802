import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * Shared pieces of the topology model: AWS-shaped ids, CIDR blocks, tags and
 * the owner/region every resource may carry (one topology may span several
 * accounts and regions, as a multi-account AWS snapshot does).
 */

/**
 * An AWS resource id with its documented prefix (`vpc-0a1b…`). Hand-written
 * lesson topologies may use readable suffixes (`vpc-shop`, `subnet-public-a`),
 * so the suffix accepts letters, digits and hyphens rather than only hex.
 */
export function awsId(prefix: string) {
  const pattern = new RegExp(`^${prefix}-[A-Za-z0-9][A-Za-z0-9-]*$`);
  return z.string().regex(pattern, { message: `expected an id like "${prefix}-0123abcd"` });
}

export const vpcId = awsId("vpc");
export const subnetId = awsId("subnet");
export const routeTableId = awsId("rtb");
export const internetGatewayId = awsId("igw");
export const egressOnlyInternetGatewayId = awsId("eigw");
export const natGatewayId = awsId("nat");
export const networkInterfaceId = awsId("eni");
export const instanceId = awsId("i");
export const securityGroupId = awsId("sg");
export const networkAclId = awsId("acl");
export const prefixListId = awsId("pl");
export const vpcEndpointId = awsId("vpce");
export const vpcEndpointServiceId = awsId("vpce-svc");
export const vpcPeeringConnectionId = awsId("pcx");
export const transitGatewayId = awsId("tgw");
export const transitGatewayAttachmentId = awsId("tgw-attach");
export const transitGatewayRouteTableId = awsId("tgw-rtb");
export const vpnGatewayId = awsId("vgw");
export const customerGatewayId = awsId("cgw");
export const vpnConnectionId = awsId("vpn");
export const clientVpnEndpointId = awsId("cvpn-endpoint");
export const directConnectConnectionId = awsId("dxcon");
export const virtualInterfaceId = awsId("dxvif");
export const carrierGatewayId = awsId("cagw");
export const allocationId = awsId("eipalloc");
export const flowLogId = awsId("fl");
export const trafficMirrorTargetId = awsId("tmt");
export const trafficMirrorFilterId = awsId("tmf");
export const trafficMirrorSessionId = awsId("tms");

/** Direct Connect gateway ids are UUIDs (`5f29…-…`), not prefixed ids. */
export const directConnectGatewayId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$|^dxgw-[A-Za-z0-9][A-Za-z0-9-]*$/, {
    message: 'expected a Direct Connect gateway id (a UUID, or "dxgw-name" in hand-written topologies)',
  });

/** Amazon Resource Name, as ELBv2 and Global Accelerator identify resources. */
export const arn = z.string().regex(/^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:.+$/, {
  message: 'expected an ARN like "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/name/0123abcd"',
});

export const ipv4Address = z.string().refine((s) => ipaddr.IPv4.isValidFourPartDecimal(s), {
  message: 'expected an IPv4 address like "10.0.1.25"',
});

export const ipv6Address = z.string().refine((s) => ipaddr.IPv6.isValid(s), {
  message: 'expected an IPv6 address like "2600:1f18::1"',
});

function isCidr(kind: "ipv4" | "ipv6", s: string): boolean {
  // Parse with the family's own parser: ipaddr.parseCIDR tries IPv6 first and throws on every
  // IPv4 block, which made schema validation of a topology mostly exception handling.
  try {
    if (kind === "ipv4") {
      ipaddr.IPv4.parseCIDR(s);
      return ipaddr.IPv4.isValidFourPartDecimal(s.split("/")[0] ?? "");
    }
    ipaddr.IPv6.parseCIDR(s);
    return true;
  } catch {
    return false;
  }
}

export const ipv4Cidr = z.string().refine((s) => isCidr("ipv4", s), {
  message: 'expected an IPv4 CIDR block like "10.0.0.0/16"',
});

export const ipv6Cidr = z.string().refine((s) => isCidr("ipv6", s), {
  message: 'expected an IPv6 CIDR block like "2600:1f18::/56"',
});

export const port = z.number().int().min(0).max(65535);

export const tag = z.strictObject({ key: z.string(), value: z.string() });

/**
 * Fields every resource may carry. `ownerId` is the 12-digit account id and
 * `region` the AWS Region code; both are optional so single-account lesson
 * topologies stay short.
 */
export const resourceFields = {
  ownerId: z.string().regex(/^[0-9]{12}$|^[a-z][a-z0-9-]*$/, { message: 'expected a 12-digit AWS account id' }).optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-[0-9]+$/, { message: 'expected a Region code like "us-east-1"' }).optional(),
  tags: z.array(tag).default([]),
};

/** IP protocol as AWS writes it in security group and ACL rules: "-1" (all), "tcp"/"6", "udp"/"17", "icmp"/"1", "icmpv6"/"58" or any number. */
export const ipProtocol = z.string().regex(/^(-1|tcp|udp|icmp|icmpv6|all|[0-9]{1,3})$/i, {
  message: 'expected "-1" (all), "tcp", "udp", "icmp", "icmpv6" or a protocol number',
});

export const portRange = z.strictObject({ from: port, to: port });
