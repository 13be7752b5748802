import { z } from "zod";
import { awsList, awsTagsSchema } from "./common";

/**
 * Outputs of `aws ec2 describe-*` for the VPC resources, one schema per
 * element of the top-level list. Field names are AWS's (EC2 API Reference,
 * "Data Types"); only the fields the evaluator uses are checked.
 */

export const vpcSchema = z.looseObject({
  VpcId: z.string(),
  CidrBlock: z.string().optional(),
  CidrBlockAssociationSet: awsList(
    z.looseObject({ CidrBlock: z.string(), CidrBlockState: z.looseObject({ State: z.string() }).optional() }),
  ),
  Ipv6CidrBlockAssociationSet: awsList(
    z.looseObject({ Ipv6CidrBlock: z.string(), Ipv6CidrBlockState: z.looseObject({ State: z.string() }).optional() }),
  ),
  OwnerId: z.string().optional(),
  State: z.string().optional(),
  IsDefault: z.boolean().optional(),
  Tags: awsTagsSchema,
});

export const subnetSchema = z.looseObject({
  SubnetId: z.string(),
  VpcId: z.string(),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlockAssociationSet: awsList(z.looseObject({ Ipv6CidrBlock: z.string() })),
  AvailabilityZone: z.string().optional(),
  AvailabilityZoneId: z.string().optional(),
  OwnerId: z.string().optional(),
  MapPublicIpOnLaunch: z.boolean().optional(),
  State: z.string().optional(),
  Tags: awsTagsSchema,
});

export const routeSchema = z.looseObject({
  DestinationCidrBlock: z.string().optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  InstanceId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  CarrierGatewayId: z.string().optional(),
  LocalGatewayId: z.string().optional(),
  CoreNetworkArn: z.string().optional(),
  Origin: z.string().optional(),
  State: z.string().optional(),
});

export const routeTableSchema = z.looseObject({
  RouteTableId: z.string(),
  VpcId: z.string(),
  OwnerId: z.string().optional(),
  Associations: awsList(
    z.looseObject({
      RouteTableAssociationId: z.string().optional(),
      RouteTableId: z.string().optional(),
      Main: z.boolean().optional(),
      SubnetId: z.string().optional(),
      GatewayId: z.string().optional(),
      AssociationState: z.looseObject({ State: z.string() }).optional(),
    }),
  ),
  PropagatingVgws: awsList(z.looseObject({ GatewayId: z.string() })),
  Routes: awsList(routeSchema),
  Tags: awsTagsSchema,
});

export const internetGatewaySchema = z.looseObject({
  InternetGatewayId: z.string(),
  Attachments: awsList(z.looseObject({ VpcId: z.string(), State: z.string().optional() })),
  OwnerId: z.string().optional(),
  Tags: awsTagsSchema,
});

export const egressOnlyInternetGatewaySchema = z.looseObject({
  EgressOnlyInternetGatewayId: z.string(),
  Attachments: awsList(z.looseObject({ VpcId: z.string(), State: z.string().optional() })),
  Tags: awsTagsSchema,
});

export const carrierGatewaySchema = z.looseObject({
  CarrierGatewayId: z.string(),
  VpcId: z.string(),
  State: z.string().optional(),
  OwnerId: z.string().optional(),
  Tags: awsTagsSchema,
});

export const natGatewaySchema = z.looseObject({
  NatGatewayId: z.string(),
  SubnetId: z.string(),
  VpcId: z.string(),
  State: z.string().optional(),
  ConnectivityType: z.string().optional(),
  NatGatewayAddresses: awsList(
    z.looseObject({
      AllocationId: z.string().optional(),
      NetworkInterfaceId: z.string().optional(),
      PrivateIp: z.string().optional(),
      PublicIp: z.string().optional(),
    }),
  ),
  Tags: awsTagsSchema,
});

const userIdGroupPairSchema = z.looseObject({
  GroupId: z.string().optional(),
  UserId: z.string().optional(),
  VpcId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  PeeringStatus: z.string().optional(),
  Description: z.string().optional(),
});

export const ipPermissionSchema = z.looseObject({
  IpProtocol: z.string(),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  IpRanges: awsList(z.looseObject({ CidrIp: z.string(), Description: z.string().optional() })),
  Ipv6Ranges: awsList(z.looseObject({ CidrIpv6: z.string(), Description: z.string().optional() })),
  PrefixListIds: awsList(z.looseObject({ PrefixListId: z.string(), Description: z.string().optional() })),
  UserIdGroupPairs: awsList(userIdGroupPairSchema),
});

export const securityGroupSchema = z.looseObject({
  GroupId: z.string(),
  GroupName: z.string().optional(),
  Description: z.string().optional(),
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  IpPermissions: awsList(ipPermissionSchema),
  IpPermissionsEgress: awsList(ipPermissionSchema),
  Tags: awsTagsSchema,
});

export const networkAclEntrySchema = z.looseObject({
  RuleNumber: z.number().int(),
  Protocol: z.string(),
  RuleAction: z.string(),
  Egress: z.boolean(),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlock: z.string().optional(),
  PortRange: z.looseObject({ From: z.number().int().optional(), To: z.number().int().optional() }).optional(),
  IcmpTypeCode: z.looseObject({ Type: z.number().int().optional(), Code: z.number().int().optional() }).optional(),
});

export const networkAclSchema = z.looseObject({
  NetworkAclId: z.string(),
  VpcId: z.string(),
  IsDefault: z.boolean().optional(),
  OwnerId: z.string().optional(),
  Associations: awsList(z.looseObject({ SubnetId: z.string(), NetworkAclId: z.string().optional(), NetworkAclAssociationId: z.string().optional() })),
  Entries: awsList(networkAclEntrySchema),
  Tags: awsTagsSchema,
});

const ipAssociationSchema = z.looseObject({
  PublicIp: z.string().optional(),
  AllocationId: z.string().optional(),
  IpOwnerId: z.string().optional(),
  CarrierIp: z.string().optional(),
});

export const networkInterfaceSchema = z.looseObject({
  NetworkInterfaceId: z.string(),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  AvailabilityZone: z.string().optional(),
  Description: z.string().optional(),
  InterfaceType: z.string().optional(),
  OwnerId: z.string().optional(),
  RequesterId: z.string().optional(),
  RequesterManaged: z.boolean().optional(),
  SourceDestCheck: z.boolean().optional(),
  Status: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  PrivateIpAddresses: awsList(
    z.looseObject({
      PrivateIpAddress: z.string(),
      Primary: z.boolean().optional(),
      Association: ipAssociationSchema.optional(),
    }),
  ),
  Ipv6Addresses: awsList(z.looseObject({ Ipv6Address: z.string() })),
  Association: ipAssociationSchema.optional(),
  Attachment: z
    .looseObject({
      InstanceId: z.string().optional(),
      InstanceOwnerId: z.string().optional(),
      DeviceIndex: z.number().int().optional(),
      Status: z.string().optional(),
    })
    .optional(),
  Groups: awsList(z.looseObject({ GroupId: z.string(), GroupName: z.string().optional() })),
  TagSet: awsTagsSchema,
});

export const instanceSchema = z.looseObject({
  InstanceId: z.string(),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  /** The instance's primary IPv6 address, when it has one. */
  Ipv6Address: z.string().optional(),
  SourceDestCheck: z.boolean().optional(),
  State: z.looseObject({ Name: z.string().optional(), Code: z.number().optional() }).optional(),
  Placement: z.looseObject({ AvailabilityZone: z.string().optional() }).optional(),
  SecurityGroups: awsList(z.looseObject({ GroupId: z.string(), GroupName: z.string().optional() })),
  NetworkInterfaces: awsList(
    z.looseObject({
      NetworkInterfaceId: z.string(),
      SubnetId: z.string().optional(),
      VpcId: z.string().optional(),
      PrivateIpAddress: z.string().optional(),
      SourceDestCheck: z.boolean().optional(),
      Attachment: z.looseObject({ DeviceIndex: z.number().int().optional() }).optional(),
      Association: ipAssociationSchema.optional(),
      Ipv6Addresses: awsList(z.looseObject({ Ipv6Address: z.string() })),
      PrivateIpAddresses: awsList(
        z.looseObject({
          PrivateIpAddress: z.string(),
          Primary: z.boolean().optional(),
          Association: ipAssociationSchema.optional(),
        }),
      ),
      Groups: awsList(z.looseObject({ GroupId: z.string(), GroupName: z.string().optional() })),
    }),
  ),
  Tags: awsTagsSchema,
});

export const reservationSchema = z.looseObject({
  ReservationId: z.string().optional(),
  OwnerId: z.string().optional(),
  Instances: awsList(instanceSchema),
});

/** `aws ec2 describe-addresses`: Elastic IPs. */
export const addressSchema = z.looseObject({
  PublicIp: z.string().optional(),
  AllocationId: z.string().optional(),
  AssociationId: z.string().optional(),
  Domain: z.string().optional(),
  InstanceId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  NetworkInterfaceOwnerId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  CarrierIp: z.string().optional(),
  NetworkBorderGroup: z.string().optional(),
  Tags: awsTagsSchema,
});

const peeringVpcInfoSchema = z.looseObject({
  VpcId: z.string(),
  OwnerId: z.string().optional(),
  Region: z.string().optional(),
  CidrBlock: z.string().optional(),
  CidrBlockSet: awsList(z.looseObject({ CidrBlock: z.string() })),
  Ipv6CidrBlockSet: awsList(z.looseObject({ Ipv6CidrBlock: z.string() })),
});

export const vpcPeeringConnectionSchema = z.looseObject({
  VpcPeeringConnectionId: z.string(),
  AccepterVpcInfo: peeringVpcInfoSchema,
  RequesterVpcInfo: peeringVpcInfoSchema,
  Status: z.looseObject({ Code: z.string(), Message: z.string().optional() }).optional(),
  Tags: awsTagsSchema,
});

export const vpcEndpointSchema = z.looseObject({
  VpcEndpointId: z.string(),
  VpcEndpointType: z.string(),
  VpcId: z.string(),
  ServiceName: z.string(),
  State: z.string().optional(),
  PolicyDocument: z.string().optional(),
  RouteTableIds: awsList(z.string()),
  SubnetIds: awsList(z.string()),
  NetworkInterfaceIds: awsList(z.string()),
  Groups: awsList(z.looseObject({ GroupId: z.string() })),
  PrivateDnsEnabled: z.boolean().optional(),
  OwnerId: z.string().optional(),
  Tags: awsTagsSchema,
});

/** `aws ec2 describe-prefix-lists`: the AWS-managed lists with their CIDRs inline. */
export const prefixListSchema = z.looseObject({
  PrefixListId: z.string(),
  PrefixListName: z.string().optional(),
  Cidrs: awsList(z.string()),
});

/** `aws ec2 describe-managed-prefix-lists`: entries come separately (see below). */
export const managedPrefixListSchema = z.looseObject({
  PrefixListId: z.string(),
  PrefixListName: z.string().optional(),
  AddressFamily: z.string().optional(),
  MaxEntries: z.number().int().optional(),
  OwnerId: z.string().optional(),
  State: z.string().optional(),
  Tags: awsTagsSchema,
});

/**
 * `aws ec2 get-managed-prefix-list-entries` carries no list id, so it is read
 * when wrapped as `{"PrefixListId": "pl-…", "Entries": [...]}`.
 */
export const managedPrefixListEntriesSchema = z.looseObject({
  PrefixListId: z.string(),
  Entries: awsList(z.looseObject({ Cidr: z.string(), Description: z.string().optional() })),
});

export const availabilityZoneSchema = z.looseObject({
  ZoneName: z.string(),
  ZoneId: z.string().optional(),
  ZoneType: z.string().optional(),
  RegionName: z.string().optional(),
  ParentZoneName: z.string().optional(),
});

export type AwsVpc = z.infer<typeof vpcSchema>;
export type AwsSubnet = z.infer<typeof subnetSchema>;
export type AwsRoute = z.infer<typeof routeSchema>;
export type AwsRouteTable = z.infer<typeof routeTableSchema>;
export type AwsInternetGateway = z.infer<typeof internetGatewaySchema>;
export type AwsEgressOnlyInternetGateway = z.infer<typeof egressOnlyInternetGatewaySchema>;
export type AwsCarrierGateway = z.infer<typeof carrierGatewaySchema>;
export type AwsNatGateway = z.infer<typeof natGatewaySchema>;
export type AwsIpPermission = z.infer<typeof ipPermissionSchema>;
export type AwsSecurityGroup = z.infer<typeof securityGroupSchema>;
export type AwsNetworkAcl = z.infer<typeof networkAclSchema>;
export type AwsNetworkInterface = z.infer<typeof networkInterfaceSchema>;
export type AwsInstance = z.infer<typeof instanceSchema>;
export type AwsReservation = z.infer<typeof reservationSchema>;
export type AwsAddress = z.infer<typeof addressSchema>;
export type AwsVpcPeeringConnection = z.infer<typeof vpcPeeringConnectionSchema>;
export type AwsVpcEndpoint = z.infer<typeof vpcEndpointSchema>;
export type AwsPrefixList = z.infer<typeof prefixListSchema>;
export type AwsManagedPrefixList = z.infer<typeof managedPrefixListSchema>;
export type AwsManagedPrefixListEntries = z.infer<typeof managedPrefixListEntriesSchema>;
export type AwsAvailabilityZone = z.infer<typeof availabilityZoneSchema>;

/** `describe-vpc-endpoint-service-configurations`: endpoint services you provide (PrivateLink). */
export const serviceConfigurationSchema = z.looseObject({
  ServiceId: z.string(),
  ServiceName: z.string(),
  ServiceType: awsList(z.looseObject({ ServiceType: z.string() })),
  NetworkLoadBalancerArns: awsList(z.string()),
  GatewayLoadBalancerArns: awsList(z.string()),
  AcceptanceRequired: z.boolean().optional(),
  PrivateDnsName: z.string().optional(),
  Tags: awsTagsSchema,
});

export type AwsServiceConfiguration = z.infer<typeof serviceConfigurationSchema>;
