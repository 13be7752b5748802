import { z } from "zod";
import {
  allocationId,
  carrierGatewayId,
  egressOnlyInternetGatewayId,
  instanceId,
  internetGatewayId,
  ipProtocol,
  ipv4Address,
  ipv4Cidr,
  ipv6Address,
  ipv6Cidr,
  natGatewayId,
  networkAclId,
  networkInterfaceId,
  portRange,
  prefixListId,
  resourceFields,
  routeTableId,
  securityGroupId,
  subnetId,
  transitGatewayId,
  vpcEndpointId,
  vpcId,
  vpcPeeringConnectionId,
} from "./common";

/** A VPC: one primary IPv4 CIDR block, optional secondary blocks and IPv6 blocks (as `describe-vpcs` returns them). */
export const vpcSchema = z.strictObject({
  vpcId,
  cidrBlock: ipv4Cidr,
  cidrBlockAssociationSet: z.array(z.strictObject({ cidrBlock: ipv4Cidr, state: z.string().default("associated") })).default([]),
  ipv6CidrBlockAssociationSet: z.array(z.strictObject({ ipv6CidrBlock: ipv6Cidr, state: z.string().default("associated") })).default([]),
  state: z.enum(["available", "pending"]).default("available"),
  isDefault: z.boolean().default(false),
  ...resourceFields,
});

export const zoneType = z.enum(["availability-zone", "local-zone", "wavelength-zone"]);

/** A subnet. `zoneType` is derived from the zone name (`…-wlz-…` is a Wavelength Zone) when left out. */
export const subnetSchema = z.strictObject({
  subnetId,
  vpcId,
  cidrBlock: ipv4Cidr,
  ipv6CidrBlock: ipv6Cidr.optional(),
  availabilityZone: z.string().optional(),
  availabilityZoneId: z.string().optional(),
  zoneType: zoneType.optional(),
  mapPublicIpOnLaunch: z.boolean().default(false),
  state: z.enum(["available", "pending"]).default("available"),
  ...resourceFields,
});

/**
 * One route, with the destination and target fields of `describe-route-tables`.
 * Exactly one destination; the target is whichever id field is set
 * (`gatewayId` holds "local", an igw-, vgw- or gateway-endpoint vpce- id, as AWS does).
 */
export const routeSchema = z
  .strictObject({
    destinationCidrBlock: ipv4Cidr.optional(),
    destinationIpv6CidrBlock: ipv6Cidr.optional(),
    destinationPrefixListId: prefixListId.optional(),
    gatewayId: z.string().regex(/^(local|(igw|vgw|vpce)-[A-Za-z0-9][A-Za-z0-9-]*)$/, {
      message: 'expected "local" or an igw-, vgw- or vpce- id',
    }).optional(),
    natGatewayId: natGatewayId.optional(),
    instanceId: instanceId.optional(),
    networkInterfaceId: networkInterfaceId.optional(),
    vpcPeeringConnectionId: vpcPeeringConnectionId.optional(),
    transitGatewayId: transitGatewayId.optional(),
    egressOnlyInternetGatewayId: egressOnlyInternetGatewayId.optional(),
    carrierGatewayId: carrierGatewayId.optional(),
    vpcEndpointId: vpcEndpointId.optional(),
    localGatewayId: z.string().optional(),
    coreNetworkArn: z.string().optional(),
    state: z.enum(["active", "blackhole"]).default("active"),
    origin: z.enum(["CreateRouteTable", "CreateRoute", "EnableVgwRoutePropagation"]).default("CreateRoute"),
  })
  .refine(
    (r) => [r.destinationCidrBlock, r.destinationIpv6CidrBlock, r.destinationPrefixListId].filter((d) => d !== undefined).length === 1,
    { message: "a route needs exactly one destination: destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId" },
  );

/**
 * A route table. `associations` link it to subnets, mark it as the VPC's main
 * table (`main: true`), or to a gateway (edge association: igw-/vgw-). The
 * local route for each VPC CIDR always exists in AWS; the evaluator adds it
 * when a hand-written table leaves it out.
 */
export const routeTableSchema = z.strictObject({
  routeTableId,
  vpcId,
  associations: z
    .array(
      z.strictObject({
        routeTableAssociationId: z.string().optional(),
        main: z.boolean().default(false),
        subnetId: subnetId.optional(),
        gatewayId: z.string().regex(/^(igw|vgw)-[A-Za-z0-9][A-Za-z0-9-]*$/).optional(),
      }),
    )
    .default([]),
  routes: z.array(routeSchema).default([]),
  /** Virtual private gateways whose routes this table learns (route propagation). */
  propagatingVgws: z.array(z.strictObject({ gatewayId: z.string() })).default([]),
  ...resourceFields,
});

const attachmentState = z.enum(["attaching", "attached", "available", "detaching", "detached"]).default("available");

export const internetGatewaySchema = z.strictObject({
  internetGatewayId,
  attachments: z.array(z.strictObject({ vpcId, state: attachmentState })).default([]),
  ...resourceFields,
});

export const egressOnlyInternetGatewaySchema = z.strictObject({
  egressOnlyInternetGatewayId,
  attachments: z.array(z.strictObject({ vpcId, state: attachmentState })).default([]),
  ...resourceFields,
});

/** Carrier gateway of a Wavelength Zone subnet's VPC. */
export const carrierGatewaySchema = z.strictObject({
  carrierGatewayId,
  vpcId,
  state: z.enum(["pending", "available", "deleting", "deleted"]).default("available"),
  ...resourceFields,
});

/** NAT gateway, public (in a public subnet, with an Elastic IP) or private. */
export const natGatewaySchema = z.strictObject({
  natGatewayId,
  vpcId,
  subnetId,
  connectivityType: z.enum(["public", "private"]).default("public"),
  state: z.enum(["pending", "failed", "available", "deleting", "deleted"]).default("available"),
  natGatewayAddresses: z
    .array(
      z.strictObject({
        allocationId: allocationId.optional(),
        networkInterfaceId: networkInterfaceId.optional(),
        privateIp: ipv4Address.optional(),
        publicIp: ipv4Address.optional(),
        isPrimary: z.boolean().default(true),
      }),
    )
    .default([]),
  ...resourceFields,
});

/** Elastic IP address (`describe-addresses`). */
export const addressSchema = z.strictObject({
  allocationId,
  publicIp: ipv4Address,
  associationId: z.string().optional(),
  instanceId: instanceId.optional(),
  networkInterfaceId: networkInterfaceId.optional(),
  privateIpAddress: ipv4Address.optional(),
  carrierIp: ipv4Address.optional(),
  domain: z.enum(["vpc", "standard"]).default("vpc"),
  networkBorderGroup: z.string().optional(),
  ...resourceFields,
});

const ipAssociation = z.strictObject({
  publicIp: ipv4Address.optional(),
  carrierIp: ipv4Address.optional(),
  allocationId: allocationId.optional(),
  ipOwnerId: z.string().optional(),
});

/**
 * Elastic network interface. `interfaceType` keeps AWS's value ("interface",
 * "nat_gateway", "vpc_endpoint", "network_load_balancer", "load_balancer",
 * "transit_gateway", "gateway_load_balancer_endpoint", …).
 */
export const networkInterfaceSchema = z.strictObject({
  networkInterfaceId,
  subnetId,
  vpcId: vpcId.optional(),
  interfaceType: z.string().default("interface"),
  description: z.string().optional(),
  privateIpAddress: ipv4Address,
  privateIpAddresses: z
    .array(z.strictObject({ privateIpAddress: ipv4Address, primary: z.boolean().default(false), association: ipAssociation.optional() }))
    .default([]),
  ipv6Addresses: z.array(z.strictObject({ ipv6Address })).default([]),
  association: ipAssociation.optional(),
  securityGroupIds: z.array(securityGroupId).default([]),
  /** AWS default true; NAT instances and appliances must disable it. */
  sourceDestCheck: z.boolean().default(true),
  attachment: z
    .strictObject({
      instanceId: instanceId.optional(),
      instanceOwnerId: z.string().optional(),
      deviceIndex: z.number().int().min(0).optional(),
      status: z.enum(["attaching", "attached", "detaching", "detached"]).default("attached"),
    })
    .optional(),
  requesterId: z.string().optional(),
  requesterManaged: z.boolean().default(false),
  status: z.enum(["available", "associated", "attaching", "in-use", "detaching"]).default("in-use"),
  ...resourceFields,
});

/**
 * EC2 instance. Its network interfaces are the `networkInterfaces` whose
 * `attachment.instanceId` names it; an instance with none is given a primary
 * interface built from `subnetId`, `privateIpAddress`, `publicIpAddress`,
 * `securityGroupIds` and `sourceDestCheck` (short hand-written topologies).
 */
export const instanceSchema = z.strictObject({
  instanceId,
  state: z.enum(["pending", "running", "shutting-down", "terminated", "stopping", "stopped"]).default("running"),
  subnetId: subnetId.optional(),
  vpcId: vpcId.optional(),
  privateIpAddress: ipv4Address.optional(),
  publicIpAddress: ipv4Address.optional(),
  ipv6Address: ipv6Address.optional(),
  securityGroupIds: z.array(securityGroupId).default([]),
  sourceDestCheck: z.boolean().default(true),
  ...resourceFields,
});

/** One security group rule as `IpPermissions` writes it. */
export const ipPermissionSchema = z.strictObject({
  ipProtocol,
  fromPort: z.number().int().min(-1).max(65535).optional(),
  toPort: z.number().int().min(-1).max(65535).optional(),
  ipRanges: z.array(z.strictObject({ cidrIp: ipv4Cidr, description: z.string().optional() })).default([]),
  ipv6Ranges: z.array(z.strictObject({ cidrIpv6: ipv6Cidr, description: z.string().optional() })).default([]),
  prefixListIds: z.array(z.strictObject({ prefixListId, description: z.string().optional() })).default([]),
  userIdGroupPairs: z
    .array(
      z.strictObject({
        groupId: securityGroupId,
        userId: z.string().optional(),
        vpcId: vpcId.optional(),
        vpcPeeringConnectionId: vpcPeeringConnectionId.optional(),
        peeringStatus: z.string().optional(),
        description: z.string().optional(),
      }),
    )
    .default([]),
});

// AWS adds an allow-all IPv6 rule too when the VPC has an IPv6 block; it is harmless where there is none.
const allowAllEgress = [{ ipProtocol: "-1", ipRanges: [{ cidrIp: "0.0.0.0/0" }], ipv6Ranges: [{ cidrIpv6: "::/0" }], prefixListIds: [], userIdGroupPairs: [] }];

/**
 * Security group. When `ipPermissionsEgress` is left out it gets the rule
 * every new group gets in AWS: all outbound traffic allowed. Write `[]` for
 * a group with no outbound rules.
 */
export const securityGroupSchema = z.strictObject({
  groupId: securityGroupId,
  groupName: z.string().optional(),
  description: z.string().optional(),
  vpcId: vpcId.optional(),
  ipPermissions: z.array(ipPermissionSchema).default([]),
  ipPermissionsEgress: z.array(ipPermissionSchema).default(() => allowAllEgress.map((r) => ({ ...r, ipRanges: [...r.ipRanges], ipv6Ranges: [...r.ipv6Ranges] }))),
  ...resourceFields,
});

/** One network ACL entry; the default `*` deny rule (32767) is implicit. */
export const networkAclEntrySchema = z
  .strictObject({
    ruleNumber: z.number().int().min(1).max(32767),
    protocol: ipProtocol,
    ruleAction: z.enum(["allow", "deny"]),
    egress: z.boolean(),
    cidrBlock: ipv4Cidr.optional(),
    ipv6CidrBlock: ipv6Cidr.optional(),
    portRange: portRange.optional(),
    icmpTypeCode: z.strictObject({ type: z.number().int().min(-1).max(255), code: z.number().int().min(-1).max(255) }).optional(),
  })
  .refine((e) => (e.cidrBlock === undefined) !== (e.ipv6CidrBlock === undefined), {
    message: "a network ACL entry needs exactly one of cidrBlock or ipv6CidrBlock",
  });

/**
 * Network ACL. Subnets not associated with any ACL use the VPC's default ACL
 * (`isDefault: true`); a VPC with no ACL in the topology behaves as with
 * AWS's default ACL, which allows all traffic in both directions.
 */
export const networkAclSchema = z.strictObject({
  networkAclId,
  vpcId,
  isDefault: z.boolean().default(false),
  associations: z.array(z.strictObject({ networkAclAssociationId: z.string().optional(), subnetId })).default([]),
  entries: z.array(networkAclEntrySchema).default([]),
  ...resourceFields,
});

/** Customer-managed or AWS-managed prefix list (`pl-…`), with its CIDR entries. */
export const prefixListSchema = z.strictObject({
  prefixListId,
  prefixListName: z.string().optional(),
  addressFamily: z.enum(["IPv4", "IPv6"]).default("IPv4"),
  entries: z.array(z.strictObject({ cidr: z.union([ipv4Cidr, ipv6Cidr]), description: z.string().optional() })).default([]),
  ...resourceFields,
});

