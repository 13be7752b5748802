import { addressInCidr, cidrContains, parseIp, parseCidr, AddressTable, type Cidr, type Ip } from "../ip";
import type {
  ClientVpnEndpoint,
  CustomerGateway,
  DirectConnectConnection,
  DirectConnectGateway,
  EgressOnlyInternetGateway,
  CarrierGateway,
  Instance,
  InternetGateway,
  Listener,
  LoadBalancer,
  NatGateway,
  NetworkAcl,
  OnPremisesNetwork,
  RouteTable,
  SecurityGroup,
  Subnet,
  TargetGroup,
  Topology,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRouteTable,
  VirtualInterface,
  Vpc,
  VpcEndpoint,
  VpcPeeringConnection,
  VpnConnection,
  VpnGateway,
  AwsService,
  AwsIpRange,
  PrefixList,
} from "./topology";

/**
 * The topology indexed once per analysis: maps by id and by address, so that
 * each hop of a trace is a few map lookups rather than a scan. Built lazily
 * per topology object and cached (see `indexTopology`).
 */

export type InterfaceKind = "instance" | "nat-gateway" | "vpc-endpoint" | "load-balancer" | "transit-gateway" | "client-vpn" | "other";

/** A network interface, explicit or derived (an instance's primary interface, a NAT gateway's, a load balancer node's). */
export interface IndexedInterface {
  id: string;
  subnetId: string;
  vpcId: string;
  primaryIp: Ip;
  privateIps: Ip[];
  /** Public (or Elastic) IP for each private IP that has one: the internet gateway's 1:1 NAT. */
  publicIpByPrivate: Map<Ip, Ip>;
  carrierIpByPrivate: Map<Ip, Ip>;
  securityGroupIds: string[];
  sourceDestCheck: boolean;
  kind: InterfaceKind;
  /** The resource that owns the interface: instance, NAT gateway, endpoint, load balancer ARN, transit gateway attachment. */
  ownerId: string | undefined;
  usable: boolean;
  derived: boolean;
}

export interface IndexedTopology {
  topology: Topology;
  vpcs: Map<string, Vpc>;
  vpcPrefixes: Map<string, Cidr[]>;
  subnets: Map<string, Subnet>;
  subnetPrefix: Map<string, Cidr>;
  /** Subnet → its IPv6 CIDR block, when it has one. */
  subnetPrefix6: Map<string, Cidr>;
  /** Per VPC, its subnets by CIDR block. */
  subnetTable: Map<string, AddressTable<Subnet>>;
  routeTables: Map<string, RouteTable>;
  routeTableOfSubnet: Map<string, RouteTable>;
  mainRouteTable: Map<string, RouteTable>;
  /** Route table edge-associated with an internet gateway or virtual private gateway (ingress routing). */
  edgeRouteTable: Map<string, RouteTable>;
  networkAcls: Map<string, NetworkAcl>;
  networkAclOfSubnet: Map<string, NetworkAcl>;
  interfaces: Map<string, IndexedInterface>;
  interfacesOfInstance: Map<string, IndexedInterface[]>;
  instances: Map<string, Instance>;
  /** vpcId → private IP → interface. */
  interfaceByPrivateIp: Map<string, Map<Ip, IndexedInterface>>;
  /** Private IP → interfaces in any VPC holding it (security group references across peered VPCs). */
  interfacesByIp: Map<Ip, IndexedInterface[]>;
  publicIpOwner: Map<Ip, { iface: IndexedInterface; privateIp: Ip }>;
  carrierIpOwner: Map<Ip, { iface: IndexedInterface; privateIp: Ip }>;
  securityGroups: Map<string, SecurityGroup>;
  securityGroupMembers: Map<string, IndexedInterface[]>;
  prefixLists: Map<string, PrefixList>;
  prefixListPrefixes: Map<string, Cidr[]>;
  internetGateways: Map<string, InternetGateway>;
  internetGatewayOfVpc: Map<string, InternetGateway>;
  egressOnlyInternetGateways: Map<string, EgressOnlyInternetGateway>;
  egressOnlyInternetGatewayOfVpc: Map<string, EgressOnlyInternetGateway>;
  carrierGateways: Map<string, CarrierGateway>;
  natGateways: Map<string, NatGateway>;
  natGatewayInterface: Map<string, IndexedInterface>;
  vpcEndpoints: Map<string, VpcEndpoint>;
  awsServices: AwsService[];
  awsServiceTable: AddressTable<AwsService>;
  /** AWS's published ranges (ip-ranges.json) by prefix: the entries of one prefix are the services AWS lists for it. */
  awsIpRangeTable: AddressTable<AwsIpRange>;
  peerings: Map<string, VpcPeeringConnection>;
  transitGateways: Map<string, TransitGateway>;
  /** `${transitGatewayId}|${attachmentId}` → attachment (a peering attachment exists once per side). */
  tgwAttachments: Map<string, TransitGatewayAttachment>;
  /** `${transitGatewayId}|${resourceId}` → attachments of that resource (VPC, VPN, DX gateway, peer TGW). */
  tgwAttachmentsByResource: Map<string, TransitGatewayAttachment[]>;
  tgwAttachmentsOfTgw: Map<string, TransitGatewayAttachment[]>;
  tgwRouteTables: Map<string, TransitGatewayRouteTable>;
  tgwRouteTablesOfTgw: Map<string, TransitGatewayRouteTable[]>;
  /** `${transitGatewayId}|${attachmentId}` → associated route table id. */
  tgwAssociation: Map<string, string>;
  /** `${transitGatewayId}|${attachmentId}` → route tables it propagates to. */
  tgwPropagations: Map<string, string[]>;
  vpnGateways: Map<string, VpnGateway>;
  vpnGatewayOfVpc: Map<string, VpnGateway>;
  customerGateways: Map<string, CustomerGateway>;
  vpnConnections: Map<string, VpnConnection>;
  vpnConnectionsOfGateway: Map<string, VpnConnection[]>;
  onPremisesNetworks: Map<string, OnPremisesNetwork>;
  onPremisesOfCustomerGateway: Map<string, OnPremisesNetwork[]>;
  onPremisesOfVirtualInterface: Map<string, OnPremisesNetwork[]>;
  clientVpnEndpoints: Map<string, ClientVpnEndpoint>;
  directConnectConnections: Map<string, DirectConnectConnection>;
  virtualInterfaces: Map<string, VirtualInterface>;
  virtualInterfacesOfGateway: Map<string, VirtualInterface[]>;
  directConnectGateways: Map<string, DirectConnectGateway>;
  loadBalancers: Map<string, LoadBalancer>;
  listenersOfLoadBalancer: Map<string, Listener[]>;
  targetGroups: Map<string, TargetGroup>;
  /** Load balancer ARN → its interfaces (one node per zone). */
  loadBalancerInterfaces: Map<string, IndexedInterface[]>;
  /** Lazily compiled structures, filled by the forwarding and filter layers. */
  cache: Map<string, unknown>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function ips(texts: (string | undefined)[]): Ip[] {
  const out: Ip[] = [];
  for (const t of texts) {
    if (t === undefined) continue;
    const ip = parseIp(t);
    if (ip !== undefined && !out.includes(ip)) out.push(ip);
  }
  return out;
}

/** "arn:…:loadbalancer/net/name/id" → "net/name/id", as load balancer interfaces' descriptions ("ELB net/name/id") name it. */
export function loadBalancerSuffix(loadBalancerArn: string): string {
  const index = loadBalancerArn.indexOf(":loadbalancer/");
  return index < 0 ? loadBalancerArn : loadBalancerArn.slice(index + ":loadbalancer/".length);
}

function interfaceKind(type: string): InterfaceKind {
  switch (type) {
    case "nat_gateway":
    case "natGateway":
      return "nat-gateway";
    case "vpc_endpoint":
    case "gateway_load_balancer_endpoint":
      return "vpc-endpoint";
    case "network_load_balancer":
    case "load_balancer":
    case "gateway_load_balancer":
      return "load-balancer";
    case "transit_gateway":
      return "transit-gateway";
    default:
      return "other";
  }
}

const indexCache = new WeakMap<Topology, IndexedTopology>();

/** Index a topology, reusing the index while the same topology object is analysed again. */
export function indexTopology(topology: Topology): IndexedTopology {
  const cached = indexCache.get(topology);
  if (cached) return cached;
  const built = buildIndex(topology);
  indexCache.set(topology, built);
  return built;
}

function buildIndex(t: Topology): IndexedTopology {
  const vpcs = new Map(t.vpcs.map((v) => [v.vpcId, v]));
  const vpcPrefixes = new Map<string, Cidr[]>();
  for (const v of t.vpcs) {
    const blocks = [
      v.cidrBlock,
      ...v.cidrBlockAssociationSet.filter((a) => a.state === "associated").map((a) => a.cidrBlock),
      ...v.ipv6CidrBlockAssociationSet.filter((a) => a.state === "associated").map((a) => a.ipv6CidrBlock),
    ];
    const prefixes: Cidr[] = [];
    for (const b of blocks) {
      const p = parseCidr(b);
      if (p && !prefixes.some((q) => q.network === p.network && q.length === p.length)) prefixes.push(p);
    }
    vpcPrefixes.set(v.vpcId, prefixes);
  }

  const subnets = new Map<string, Subnet>();
  const subnetPrefix = new Map<string, Cidr>();
  const subnetPrefix6 = new Map<string, Cidr>();
  const subnetTable = new Map<string, AddressTable<Subnet>>();
  for (const s of t.subnets) {
    subnets.set(s.subnetId, s);
    const p = parseCidr(s.cidrBlock);
    if (!p) continue;
    subnetPrefix.set(s.subnetId, p);
    let table = subnetTable.get(s.vpcId);
    if (!table) subnetTable.set(s.vpcId, (table = new AddressTable()));
    table.add(p, s);
    const v6 = s.ipv6CidrBlock ? parseCidr(s.ipv6CidrBlock) : undefined;
    if (v6) {
      subnetPrefix6.set(s.subnetId, v6);
      table.add(v6, s);
    }
  }

  const routeTables = new Map<string, RouteTable>();
  const routeTableOfSubnet = new Map<string, RouteTable>();
  const mainRouteTable = new Map<string, RouteTable>();
  const edgeRouteTable = new Map<string, RouteTable>();
  for (const rt of t.routeTables) {
    routeTables.set(rt.routeTableId, rt);
    for (const a of rt.associations) {
      if (a.main && !mainRouteTable.has(rt.vpcId)) mainRouteTable.set(rt.vpcId, rt);
      if (a.subnetId && !routeTableOfSubnet.has(a.subnetId)) routeTableOfSubnet.set(a.subnetId, rt);
      if (a.gatewayId && !edgeRouteTable.has(a.gatewayId)) edgeRouteTable.set(a.gatewayId, rt);
    }
  }
  // A subnet without an explicit association uses its VPC's main route table.
  // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#RouteTables
  for (const s of t.subnets) {
    if (!routeTableOfSubnet.has(s.subnetId)) {
      const main = mainRouteTable.get(s.vpcId) ?? t.routeTables.find((r) => r.vpcId === s.vpcId && r.associations.length === 0 && t.routeTables.filter((x) => x.vpcId === s.vpcId).length === 1);
      if (main) routeTableOfSubnet.set(s.subnetId, main);
    }
  }

  const networkAcls = new Map<string, NetworkAcl>();
  const networkAclOfSubnet = new Map<string, NetworkAcl>();
  const defaultAcl = new Map<string, NetworkAcl>();
  for (const acl of t.networkAcls) {
    networkAcls.set(acl.networkAclId, acl);
    if (acl.isDefault && !defaultAcl.has(acl.vpcId)) defaultAcl.set(acl.vpcId, acl);
    for (const a of acl.associations) if (!networkAclOfSubnet.has(a.subnetId)) networkAclOfSubnet.set(a.subnetId, acl);
  }
  // A subnet not associated with an ACL is associated with the VPC's default ACL.
  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
  for (const s of t.subnets) {
    if (!networkAclOfSubnet.has(s.subnetId)) {
      const d = defaultAcl.get(s.vpcId);
      if (d) networkAclOfSubnet.set(s.subnetId, d);
    }
  }

  const interfaces = new Map<string, IndexedInterface>();
  const interfacesOfInstance = new Map<string, IndexedInterface[]>();
  const instances = new Map(t.instances.map((i) => [i.instanceId, i]));

  const addInterface = (iface: IndexedInterface) => {
    if (interfaces.has(iface.id)) return;
    interfaces.set(iface.id, iface);
    if (iface.kind === "instance" && iface.ownerId) push(interfacesOfInstance, iface.ownerId, iface);
  };

  const natByEni = new Map<string, NatGateway>();
  for (const n of t.natGateways) for (const a of n.natGatewayAddresses) if (a.networkInterfaceId) natByEni.set(a.networkInterfaceId, n);
  const endpointByEni = new Map<string, VpcEndpoint>();
  for (const e of t.vpcEndpoints) for (const id of e.networkInterfaceIds) endpointByEni.set(id, e);
  const lbBySuffix = new Map<string, LoadBalancer>();
  for (const lb of t.loadBalancers) lbBySuffix.set(loadBalancerSuffix(lb.loadBalancerArn), lb);

  for (const eni of t.networkInterfaces) {
    const subnet = subnets.get(eni.subnetId);
    const vpcId = eni.vpcId ?? subnet?.vpcId;
    const privateIps = ips([eni.privateIpAddress, ...eni.privateIpAddresses.map((p) => p.privateIpAddress), ...eni.ipv6Addresses.map((a) => a.ipv6Address)]);
    const primaryIp = privateIps[0];
    if (vpcId === undefined || primaryIp === undefined) continue;
    const publicIpByPrivate = new Map<Ip, Ip>();
    const carrierIpByPrivate = new Map<Ip, Ip>();
    const primaryPublic = eni.association?.publicIp ? parseIp(eni.association.publicIp) : undefined;
    if (primaryPublic !== undefined) publicIpByPrivate.set(primaryIp, primaryPublic);
    const primaryCarrier = eni.association?.carrierIp ? parseIp(eni.association.carrierIp) : undefined;
    if (primaryCarrier !== undefined) carrierIpByPrivate.set(primaryIp, primaryCarrier);
    for (const p of eni.privateIpAddresses) {
      const priv = parseIp(p.privateIpAddress);
      const pub = p.association?.publicIp ? parseIp(p.association.publicIp) : undefined;
      const car = p.association?.carrierIp ? parseIp(p.association.carrierIp) : undefined;
      if (priv !== undefined && pub !== undefined) publicIpByPrivate.set(priv, pub);
      if (priv !== undefined && car !== undefined) carrierIpByPrivate.set(priv, car);
    }
    let kind: InterfaceKind = eni.attachment?.instanceId ? "instance" : interfaceKind(eni.interfaceType);
    let ownerId: string | undefined = eni.attachment?.instanceId;
    const nat = natByEni.get(eni.networkInterfaceId);
    const endpoint = endpointByEni.get(eni.networkInterfaceId);
    if (nat) {
      kind = "nat-gateway";
      ownerId = nat.natGatewayId;
    } else if (endpoint) {
      kind = "vpc-endpoint";
      ownerId = endpoint.vpcEndpointId;
    } else if (kind === "load-balancer" || (eni.description ?? "").startsWith("ELB ")) {
      const suffix = (eni.description ?? "").replace(/^ELB /, "");
      const lb = lbBySuffix.get(suffix);
      kind = "load-balancer";
      ownerId = lb?.loadBalancerArn;
    } else if (kind === "nat-gateway") {
      const m = /nat-[0-9a-zA-Z-]+/.exec(eni.description ?? "");
      ownerId = m?.[0];
    } else if (kind === "vpc-endpoint") {
      const m = /vpce-[0-9a-zA-Z]+/.exec(eni.description ?? "");
      ownerId = m?.[0];
    } else if (kind === "transit-gateway") {
      const m = /tgw-attach-[0-9a-zA-Z]+/.exec(eni.description ?? "");
      ownerId = m?.[0];
    }
    const instance = ownerId && kind === "instance" ? instances.get(ownerId) : undefined;
    addInterface({
      id: eni.networkInterfaceId,
      subnetId: eni.subnetId,
      vpcId,
      primaryIp,
      privateIps,
      publicIpByPrivate,
      carrierIpByPrivate,
      securityGroupIds: eni.securityGroupIds,
      sourceDestCheck: eni.sourceDestCheck && (instance ? instance.sourceDestCheck : true),
      kind,
      ownerId,
      usable: instance ? instance.state === "running" : true,
      derived: false,
    });
  }

  // Instances described only by their own fields get a derived primary interface.
  for (const i of t.instances) {
    if (interfacesOfInstance.has(i.instanceId) || !i.subnetId || !i.privateIpAddress) continue;
    const subnet = subnets.get(i.subnetId);
    const primaryIp = parseIp(i.privateIpAddress);
    const vpcId = i.vpcId ?? subnet?.vpcId;
    if (primaryIp === undefined || vpcId === undefined) continue;
    const pub = i.publicIpAddress ? parseIp(i.publicIpAddress) : undefined;
    addInterface({
      id: `eni-of-${i.instanceId}`,
      subnetId: i.subnetId,
      vpcId,
      primaryIp,
      privateIps: ips([i.privateIpAddress, i.ipv6Address]),
      publicIpByPrivate: new Map(pub !== undefined ? [[primaryIp, pub]] : []),
      carrierIpByPrivate: new Map(),
      securityGroupIds: i.securityGroupIds,
      sourceDestCheck: i.sourceDestCheck,
      kind: "instance",
      ownerId: i.instanceId,
      usable: i.state === "running",
      derived: true,
    });
  }

  // NAT gateways: their interface, derived if the snapshot does not list it.
  const natGateways = new Map(t.natGateways.map((n) => [n.natGatewayId, n]));
  const natGatewayInterface = new Map<string, IndexedInterface>();
  for (const n of t.natGateways) {
    const primary = n.natGatewayAddresses.find((a) => a.isPrimary) ?? n.natGatewayAddresses[0];
    const explicit = primary?.networkInterfaceId ? interfaces.get(primary.networkInterfaceId) : undefined;
    if (explicit) {
      explicit.kind = "nat-gateway";
      explicit.ownerId = n.natGatewayId;
      natGatewayInterface.set(n.natGatewayId, explicit);
      continue;
    }
    const subnetP = subnetPrefix.get(n.subnetId);
    const privateIp = primary?.privateIp ? parseIp(primary.privateIp) : subnetP ? addressInCidr(subnetP, 5) : undefined;
    if (privateIp === undefined) continue;
    const pub = primary?.publicIp ? parseIp(primary.publicIp) : undefined;
    const iface: IndexedInterface = {
      id: primary?.networkInterfaceId ?? `eni-of-${n.natGatewayId}`,
      subnetId: n.subnetId,
      vpcId: n.vpcId,
      primaryIp: privateIp,
      privateIps: [privateIp],
      publicIpByPrivate: new Map(pub !== undefined ? [[privateIp, pub]] : []),
      carrierIpByPrivate: new Map(),
      securityGroupIds: [],
      sourceDestCheck: false,
      kind: "nat-gateway",
      ownerId: n.natGatewayId,
      usable: true,
      derived: true,
    };
    addInterface(iface);
    natGatewayInterface.set(n.natGatewayId, iface);
  }

  // Interface endpoints: one interface per subnet, derived when not listed.
  const vpcEndpoints = new Map(t.vpcEndpoints.map((e) => [e.vpcEndpointId, e]));
  for (const e of t.vpcEndpoints) {
    if (e.vpcEndpointType === "Gateway" || e.networkInterfaceIds.length > 0) continue;
    e.subnetIds.forEach((subnetId) => {
      const p = subnetPrefix.get(subnetId);
      if (!p) return;
      const ip = addressInCidr(p, 6);
      addInterface({
        id: `eni-of-${e.vpcEndpointId}-${subnetId}`,
        subnetId,
        vpcId: e.vpcId,
        primaryIp: ip,
        privateIps: [ip],
        publicIpByPrivate: new Map(),
        carrierIpByPrivate: new Map(),
        securityGroupIds: e.securityGroupIds,
        sourceDestCheck: true,
        kind: "vpc-endpoint",
        ownerId: e.vpcEndpointId,
        usable: true,
        derived: true,
      });
    });
  }
  for (const e of t.vpcEndpoints) {
    for (const id of e.networkInterfaceIds) {
      const iface = interfaces.get(id);
      if (iface) {
        iface.kind = "vpc-endpoint";
        iface.ownerId = e.vpcEndpointId;
        if (iface.securityGroupIds.length === 0) iface.securityGroupIds = e.securityGroupIds;
      }
    }
  }

  // Load balancer nodes: one interface per zone.
  const loadBalancers = new Map(t.loadBalancers.map((lb) => [lb.loadBalancerArn, lb]));
  const loadBalancerInterfaces = new Map<string, IndexedInterface[]>();
  for (const iface of interfaces.values()) if (iface.kind === "load-balancer" && iface.ownerId) push(loadBalancerInterfaces, iface.ownerId, iface);
  for (const lb of t.loadBalancers) {
    if (loadBalancerInterfaces.has(lb.loadBalancerArn)) {
      for (const iface of loadBalancerInterfaces.get(lb.loadBalancerArn) ?? []) if (iface.securityGroupIds.length === 0) iface.securityGroupIds = lb.securityGroupIds;
      continue;
    }
    lb.availabilityZones.forEach((zone, n) => {
      const p = subnetPrefix.get(zone.subnetId);
      const address = zone.loadBalancerAddresses[0];
      const ip = address?.privateIPv4Address ? parseIp(address.privateIPv4Address) : address?.ipAddress && lb.scheme === "internal" ? parseIp(address.ipAddress) : p ? addressInCidr(p, 7 + n) : undefined;
      if (ip === undefined) return;
      const pub = lb.scheme === "internet-facing" && address?.ipAddress ? parseIp(address.ipAddress) : undefined;
      const iface: IndexedInterface = {
        id: `eni-of-${lb.loadBalancerName}-${zone.subnetId}`,
        subnetId: zone.subnetId,
        vpcId: lb.vpcId,
        primaryIp: ip,
        privateIps: [ip],
        publicIpByPrivate: new Map(pub !== undefined ? [[ip, pub]] : []),
        carrierIpByPrivate: new Map(),
        securityGroupIds: lb.securityGroupIds,
        sourceDestCheck: true,
        kind: "load-balancer",
        ownerId: lb.loadBalancerArn,
        usable: true,
        derived: true,
      };
      addInterface(iface);
      push(loadBalancerInterfaces, lb.loadBalancerArn, iface);
    });
  }

  // Client VPN endpoints: one interface per associated target network; client traffic leaves from its address.
  for (const c of t.clientVpnEndpoints) {
    for (const target of c.targetNetworks) {
      const p = subnetPrefix.get(target.targetNetworkId);
      const subnet = subnets.get(target.targetNetworkId);
      if (!p || !subnet || target.status !== "associated") continue;
      const ip = addressInCidr(p, 8);
      addInterface({
        id: `eni-of-${c.clientVpnEndpointId}-${target.targetNetworkId}`,
        subnetId: target.targetNetworkId,
        vpcId: subnet.vpcId,
        primaryIp: ip,
        privateIps: [ip],
        publicIpByPrivate: new Map(),
        carrierIpByPrivate: new Map(),
        securityGroupIds: c.securityGroupIds,
        sourceDestCheck: true,
        kind: "client-vpn",
        ownerId: c.clientVpnEndpointId,
        usable: true,
        derived: true,
      });
    }
  }

  // Elastic IPs associated with an interface or instance.
  const primaryOfInstance = (id: string) => interfacesOfInstance.get(id)?.[0];
  for (const a of t.addresses) {
    const iface = a.networkInterfaceId ? interfaces.get(a.networkInterfaceId) : a.instanceId ? primaryOfInstance(a.instanceId) : undefined;
    const pub = parseIp(a.publicIp);
    if (!iface || pub === undefined) continue;
    const priv = a.privateIpAddress ? parseIp(a.privateIpAddress) : iface.primaryIp;
    if (priv === undefined) continue;
    if (a.carrierIp) {
      const car = parseIp(a.carrierIp);
      if (car !== undefined) iface.carrierIpByPrivate.set(priv, car);
    } else iface.publicIpByPrivate.set(priv, pub);
  }

  const interfaceByPrivateIp = new Map<string, Map<Ip, IndexedInterface>>();
  const publicIpOwner = new Map<Ip, { iface: IndexedInterface; privateIp: Ip }>();
  const carrierIpOwner = new Map<Ip, { iface: IndexedInterface; privateIp: Ip }>();
  const securityGroupMembers = new Map<string, IndexedInterface[]>();
  const interfacesByIp = new Map<Ip, IndexedInterface[]>();
  for (const iface of interfaces.values()) {
    for (const ip of iface.privateIps) push(interfacesByIp, ip, iface);
    let byIp = interfaceByPrivateIp.get(iface.vpcId);
    if (!byIp) interfaceByPrivateIp.set(iface.vpcId, (byIp = new Map()));
    for (const ip of iface.privateIps) if (!byIp.has(ip)) byIp.set(ip, iface);
    for (const [priv, pub] of iface.publicIpByPrivate) if (!publicIpOwner.has(pub)) publicIpOwner.set(pub, { iface, privateIp: priv });
    for (const [priv, car] of iface.carrierIpByPrivate) if (!carrierIpOwner.has(car)) carrierIpOwner.set(car, { iface, privateIp: priv });
    for (const sg of iface.securityGroupIds) push(securityGroupMembers, sg, iface);
  }

  const prefixLists = new Map(t.prefixLists.map((p) => [p.prefixListId, p]));
  const prefixListPrefixes = new Map<string, Cidr[]>();
  for (const p of t.prefixLists) prefixListPrefixes.set(p.prefixListId, p.entries.map((e) => parseCidr(e.cidr)).filter((x): x is Cidr => x !== undefined));
  for (const s of t.awsServices) {
    if (s.prefixListId && !prefixListPrefixes.has(s.prefixListId)) {
      prefixListPrefixes.set(s.prefixListId, s.cidrBlocks.map((c) => parseCidr(c)).filter((x): x is Cidr => x !== undefined));
    }
  }
  const awsServiceTable = new AddressTable<AwsService>();
  for (const s of t.awsServices) {
    const prefixes = s.cidrBlocks.length > 0 ? s.cidrBlocks.map((c) => parseCidr(c)) : (s.prefixListId ? prefixListPrefixes.get(s.prefixListId) ?? [] : []);
    for (const p of prefixes) if (p) awsServiceTable.add(p, s);
  }

  const awsIpRangeTable = new AddressTable<AwsIpRange>();
  for (const r of t.awsIpRanges) {
    const prefix = parseCidr(r.ipPrefix);
    if (prefix) awsIpRangeTable.add(prefix, r);
  }

  const internetGateways = new Map(t.internetGateways.map((g) => [g.internetGatewayId, g]));
  const internetGatewayOfVpc = new Map<string, InternetGateway>();
  for (const g of t.internetGateways) for (const a of g.attachments) if (a.state === "available" || a.state === "attached") internetGatewayOfVpc.set(a.vpcId, g);

  const peerings = new Map(t.vpcPeeringConnections.map((p) => [p.vpcPeeringConnectionId, p]));

  const transitGateways = new Map(t.transitGateways.map((g) => [g.transitGatewayId, g]));
  const tgwAttachments = new Map<string, TransitGatewayAttachment>();
  const tgwAttachmentsByResource = new Map<string, TransitGatewayAttachment[]>();
  const tgwAttachmentsOfTgw = new Map<string, TransitGatewayAttachment[]>();
  const tgwAssociation = new Map<string, string>();
  const tgwPropagations = new Map<string, string[]>();
  for (const a of t.transitGatewayAttachments) {
    const key = `${a.transitGatewayId}|${a.transitGatewayAttachmentId}`;
    if (tgwAttachments.has(key)) continue;
    tgwAttachments.set(key, a);
    push(tgwAttachmentsByResource, `${a.transitGatewayId}|${a.resourceId}`, a);
    push(tgwAttachmentsOfTgw, a.transitGatewayId, a);
    if (a.association && a.association.state === "associated") tgwAssociation.set(key, a.association.transitGatewayRouteTableId);
  }
  const tgwRouteTables = new Map(t.transitGatewayRouteTables.map((r) => [r.transitGatewayRouteTableId, r]));
  const tgwRouteTablesOfTgw = new Map<string, TransitGatewayRouteTable[]>();
  for (const r of t.transitGatewayRouteTables) {
    push(tgwRouteTablesOfTgw, r.transitGatewayId, r);
    for (const a of r.associations) {
      const key = `${r.transitGatewayId}|${a.transitGatewayAttachmentId}`;
      if (!tgwAssociation.has(key) && a.state === "associated") tgwAssociation.set(key, r.transitGatewayRouteTableId);
    }
    for (const p of r.propagations) if (p.state === "enabled") push(tgwPropagations, `${r.transitGatewayId}|${p.transitGatewayAttachmentId}`, r.transitGatewayRouteTableId);
  }
  // Default association/propagation route tables apply to attachments with no explicit association.
  // https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html
  for (const a of t.transitGatewayAttachments) {
    const key = `${a.transitGatewayId}|${a.transitGatewayAttachmentId}`;
    if (tgwAssociation.has(key) || a.association) continue;
    const tgw = transitGateways.get(a.transitGatewayId);
    if (!tgw || tgw.options.defaultRouteTableAssociation !== "enable") continue;
    const def = tgw.options.associationDefaultRouteTableId ?? tgwRouteTablesOfTgw.get(a.transitGatewayId)?.find((r) => r.defaultAssociationRouteTable)?.transitGatewayRouteTableId;
    if (def && a.resourceType !== "peering") tgwAssociation.set(key, def);
  }

  const vpnGateways = new Map(t.vpnGateways.map((g) => [g.vpnGatewayId, g]));
  const vpnGatewayOfVpc = new Map<string, VpnGateway>();
  for (const g of t.vpnGateways) for (const a of g.vpcAttachments) if (a.state === "attached") vpnGatewayOfVpc.set(a.vpcId, g);
  const vpnConnections = new Map(t.vpnConnections.map((v) => [v.vpnConnectionId, v]));
  const vpnConnectionsOfGateway = new Map<string, VpnConnection[]>();
  for (const v of t.vpnConnections) push(vpnConnectionsOfGateway, v.vpnGatewayId ?? v.transitGatewayId ?? "", v);
  const onPremisesOfCustomerGateway = new Map<string, OnPremisesNetwork[]>();
  const onPremisesOfVirtualInterface = new Map<string, OnPremisesNetwork[]>();
  for (const n of t.onPremisesNetworks) {
    for (const c of n.customerGatewayIds) push(onPremisesOfCustomerGateway, c, n);
    for (const v of n.virtualInterfaceIds) push(onPremisesOfVirtualInterface, v, n);
  }
  const virtualInterfacesOfGateway = new Map<string, VirtualInterface[]>();
  for (const v of t.virtualInterfaces) {
    if (v.virtualGatewayId) push(virtualInterfacesOfGateway, v.virtualGatewayId, v);
    if (v.directConnectGatewayId) push(virtualInterfacesOfGateway, v.directConnectGatewayId, v);
  }

  const listenersOfLoadBalancer = new Map<string, Listener[]>();
  for (const l of t.listeners) push(listenersOfLoadBalancer, l.loadBalancerArn, l);

  return {
    topology: t,
    vpcs,
    vpcPrefixes,
    subnets,
    subnetPrefix,
    subnetPrefix6,
    subnetTable,
    routeTables,
    routeTableOfSubnet,
    mainRouteTable,
    edgeRouteTable,
    networkAcls,
    networkAclOfSubnet,
    interfaces,
    interfacesOfInstance,
    instances,
    interfaceByPrivateIp,
    interfacesByIp,
    publicIpOwner,
    carrierIpOwner,
    securityGroups: new Map(t.securityGroups.map((g) => [g.groupId, g])),
    securityGroupMembers,
    prefixLists,
    prefixListPrefixes,
    internetGateways,
    internetGatewayOfVpc,
    egressOnlyInternetGateways: new Map(t.egressOnlyInternetGateways.map((g) => [g.egressOnlyInternetGatewayId, g])),
    egressOnlyInternetGatewayOfVpc: new Map(t.egressOnlyInternetGateways.flatMap((g) => g.attachments.filter((a) => a.state === "available" || a.state === "attached").map((a) => [a.vpcId, g] as const))),
    carrierGateways: new Map(t.carrierGateways.map((g) => [g.carrierGatewayId, g])),
    natGateways,
    natGatewayInterface,
    vpcEndpoints,
    awsServices: t.awsServices,
    awsServiceTable,
    awsIpRangeTable,
    peerings,
    transitGateways,
    tgwAttachments,
    tgwAttachmentsByResource,
    tgwAttachmentsOfTgw,
    tgwRouteTables,
    tgwRouteTablesOfTgw,
    tgwAssociation,
    tgwPropagations,
    vpnGateways,
    vpnGatewayOfVpc,
    customerGateways: new Map(t.customerGateways.map((g) => [g.customerGatewayId, g])),
    vpnConnections,
    vpnConnectionsOfGateway,
    onPremisesNetworks: new Map(t.onPremisesNetworks.map((n) => [n.id, n])),
    onPremisesOfCustomerGateway,
    onPremisesOfVirtualInterface,
    clientVpnEndpoints: new Map(t.clientVpnEndpoints.map((c) => [c.clientVpnEndpointId, c])),
    directConnectConnections: new Map(t.directConnectConnections.map((c) => [c.connectionId, c])),
    virtualInterfaces: new Map(t.virtualInterfaces.map((v) => [v.virtualInterfaceId, v])),
    virtualInterfacesOfGateway,
    directConnectGateways: new Map(t.directConnectGateways.map((g) => [g.directConnectGatewayId, g])),
    loadBalancers,
    listenersOfLoadBalancer,
    targetGroups: new Map(t.targetGroups.map((g) => [g.targetGroupArn, g])),
    loadBalancerInterfaces,
    cache: new Map(),
  };
}

/**
 * A cache of structures compiled from one kind of resource (a route table's
 * longest-prefix table, a network ACL's sorted entries), per index and keyed
 * by the resource object: no key string is built on the hot path, and a new
 * topology (a new index) never sees another's compiled structures.
 */
export function compiledCache<K extends object, V>(index: IndexedTopology, kind: string): WeakMap<K, V> {
  let cache = index.cache.get(kind) as WeakMap<K, V> | undefined;
  if (!cache) index.cache.set(kind, (cache = new WeakMap<K, V>()));
  return cache;
}

/** The subnet of `vpcId` whose CIDR block holds `ip`. */
export function subnetOfIp(index: IndexedTopology, vpcId: string, ip: Ip): Subnet | undefined {
  return index.subnetTable.get(vpcId)?.lookup(ip)?.values[0];
}

/** Does one of the VPC's CIDR blocks hold `ip`? */
export function vpcContains(index: IndexedTopology, vpcId: string, ip: Ip): boolean {
  const prefixes = index.vpcPrefixes.get(vpcId) ?? [];
  for (const p of prefixes) if (cidrContains(p, ip)) return true;
  return false;
}
