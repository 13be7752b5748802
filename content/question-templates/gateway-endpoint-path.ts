import { network } from "@/lib/network/testing/builder";
import { addAclRule, addRoute, addSecurityGroupRule, setEndpointField, setEndpointPolicy, together } from "@/lib/questions/generated/changes";
import { describeEndpoint, describeInstance, describeNetworkAcl, describeRouteTable, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { checkpointOptions, defineTemplate, type Checkpoint } from "@/lib/questions/generated/template";
import { APP_NAMES, REGIONS, ephemeralPort, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * A private instance reaches S3 or DynamoDB through a gateway endpoint only if its security
 * group lets the request out (a prefix-list rule is the precise one), its subnet's network ACL
 * lets it out and the reply in (ACLs cannot name prefix lists, so they need the service's
 * CIDRs or 0.0.0.0/0), its route table has the endpoint's prefix-list route, and the endpoint
 * policy allows the request.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */

const SERVICES: Record<"s3" | "dynamodb", { name: string; ranges: readonly (readonly string[])[] }> = {
  s3: { name: "Amazon S3", ranges: [["52.216.0.0/15", "3.5.0.0/19"], ["52.92.16.0/20", "3.5.16.0/21"], ["54.231.0.0/16", "52.218.128.0/17"]] },
  dynamodb: { name: "Amazon DynamoDB", ranges: [["52.94.0.0/22", "3.218.180.0/22"], ["52.119.224.0/20", "35.71.64.0/22"]] },
};

const DENY_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }] };

export const gatewayEndpointPath = defineTemplate({
  id: "gateway-endpoint-path",
  title: "A private instance cannot reach S3 or DynamoDB through its gateway endpoint",
  kind: "first-block",
  lesson: "gateway-endpoints-and-prefix-lists",
  section: "filtering-security-groups-network-acls-and-policies",
  task: "4.1",
  difficulty: "medium",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
  ],
  teaches: ["ENI_SG_RULES_MISMATCH", "SUBNET_ACL_RESTRICTION", "NO_ROUTE_TO_DESTINATION", "ENDPOINT_POLICY_DENY"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const region = rng.pick(REGIONS);
    const kind = rng.pick(["s3", "dynamodb"] as const);
    const service = SERVICES[kind];
    const serviceName = `com.amazonaws.${region}.${kind}`;
    const ranges = [...rng.pick(service.ranges)];
    const pl = `pl-${rng.hex(8)}`;
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [appThird = 1, otherThird = 2] = subnetThirds(rng, 2);
    const appSubnet = subnetBlock(vpcCidr, appThird);
    const otherSubnet = subnetBlock(vpcCidr, otherThird);
    const [host = 10] = hosts(rng, 1);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnetApp: resourceId(rng, "subnet", "private-app"),
      subnetOther: resourceId(rng, "subnet", "private-batch"),
      rtbApp: resourceId(rng, "rtb", "private-app"),
      rtbOther: resourceId(rng, "rtb", "private-batch"),
      acl: resourceId(rng, "acl", "private-app"),
      sg: resourceId(rng, "sg", "app"),
      instance: resourceId(rng, "i", "app"),
      endpoint: resourceId(rng, "vpce", kind),
    };
    const clientPort = ephemeralPort(rng, "linux");
    const breaks = new Set(rng.pickMany([0, 1, 2, 3, 4], rng.int(1, 3)));
    const broken = (i: number) => breaks.has(i);
    const allowPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
    const policy = broken(3) ? DENY_ALL : rng.chance(0.5) ? allowPolicy : undefined;

    const topology = network()
      .vpc(ids.vpc, vpcCidr, { region })
      .subnet(ids.subnetApp, ids.vpc, appSubnet)
      .subnet(ids.subnetOther, ids.vpc, otherSubnet)
      .prefixList(pl, ranges, serviceName)
      .awsService(serviceName, ranges, pl)
      .routeTable(ids.rtbApp, ids.vpc, { subnets: [ids.subnetApp], routes: broken(2) ? {} : { [pl]: ids.endpoint } })
      .routeTable(ids.rtbOther, ids.vpc, { subnets: [ids.subnetOther], routes: { [pl]: ids.endpoint } })
      .networkAcl(ids.acl, ids.vpc, {
        subnets: [ids.subnetApp],
        rules: [broken(1) ? `100 allow out tcp 443 ${vpcCidr}` : `100 allow out tcp 443 0.0.0.0/0`, broken(4) ? `100 allow in tcp 1024-65535 ${vpcCidr}` : `100 allow in tcp 1024-65535 0.0.0.0/0`],
      })
      .securityGroup(ids.sg, broken(0) ? { outbound: [`tcp 443 ${vpcCidr}`] } : rng.chance(0.5) ? { outbound: [`tcp 443 ${pl}`] } : {})
      .instance(ids.instance, ids.subnetApp, hostIn(appSubnet, host), { groups: [ids.sg] })
      .with("vpcEndpoints", {
        vpcEndpointId: ids.endpoint,
        vpcEndpointType: "Gateway",
        vpcId: ids.vpc,
        serviceName,
        routeTableIds: broken(2) ? [ids.rtbOther] : [ids.rtbApp, ids.rtbOther],
        ...(policy ? { policyDocument: policy } : {}),
      })
      .toJSON();

    const checkpoints: Checkpoint[] = [
      {
        text: `Security group ${ids.sg}, on the request leaving ${ids.instance}`,
        claim: { works: false, blockedBy: ids.sg, leg: "forward" },
        broken: broken(0),
        repair: { text: `${ids.sg} allows TCP 443 out to ${pl}`, change: addSecurityGroupRule(ids.sg, "outbound", `tcp 443 ${pl}`) },
        note: `A security group rule can name the service's prefix list (${pl}) as its destination.`,
      },
      {
        text: `Network ACL ${ids.acl}, on the request leaving ${ids.subnetApp}`,
        claim: { works: false, blockedBy: ids.acl, leg: "forward" },
        broken: broken(1),
        repair: { text: `${ids.acl} allows TCP 443 out to 0.0.0.0/0`, change: addAclRule(ids.acl, "110 allow out tcp 443 0.0.0.0/0") },
        note: `A network ACL cannot name a prefix list: its rules need ${service.name}'s CIDR blocks (${ranges.join(", ")}) or 0.0.0.0/0.`,
      },
      {
        text: `Route table ${ids.rtbApp}, which must send the prefix list ${pl} to ${ids.endpoint}`,
        claim: { works: false, blockedBy: ids.rtbApp, leg: "forward" },
        broken: broken(2),
        repair: { text: `${ids.endpoint} is associated with ${ids.rtbApp}`, change: together(addRoute(ids.rtbApp, pl, ids.endpoint), setEndpointField(ids.endpoint, "routeTableIds", [ids.rtbApp, ids.rtbOther])) },
        note: "A gateway endpoint is reached only from the route tables it is associated with, through its prefix-list route.",
      },
      {
        text: `Gateway endpoint ${ids.endpoint}, through its endpoint policy`,
        claim: { works: false, blockedBy: ids.endpoint, leg: "forward" },
        broken: broken(3),
        repair: { text: `${ids.endpoint} has the default full-access policy`, change: setEndpointPolicy(ids.endpoint, undefined) },
      },
      {
        text: `Network ACL ${ids.acl}, on the reply entering ${ids.subnetApp}`,
        claim: { works: false, blockedBy: ids.acl, leg: "return" },
        broken: broken(4),
        repair: { text: `${ids.acl} allows the reply in from 0.0.0.0/0`, change: addAclRule(ids.acl, "110 allow in tcp 1024-65535 0.0.0.0/0") },
        note: `Network ACLs are stateless: the reply comes from ${service.name}'s public addresses, which ${vpcCidr} does not cover.`,
      },
    ];
    const { options, repairs } = checkpointOptions(rng, checkpoints);
    return {
      kind: "first-block",
      topology,
      stem: `Instance ${ids.instance} in private subnet ${ids.subnetApp} (${appSubnet}) of ${ids.vpc} in ${region} must call ${service.name} over HTTPS through the gateway endpoint ${ids.endpoint}; the subnet has no route to the internet. Its requests (this one from source port ${clientPort}) time out. Given the configuration below, where is the traffic stopped first?`,
      facts: (t) => [describeInstance(t, ids.instance), describeSecurityGroup(t, ids.sg), describeNetworkAcl(t, ids.acl), describeRouteTable(t, ids.rtbApp), describeRouteTable(t, ids.rtbOther), describeEndpoint(t, ids.endpoint), `Prefix list ${pl} (${serviceName}): ${ranges.join(", ")}.`],
      flow: { label: `${ids.instance}:${clientPort} to ${serviceName} on TCP 443`, flow: { kind: "packet", source: ids.instance, destination: serviceName, protocol: "tcp", destinationPort: 443, sourcePort: clientPort } },
      options,
      repairs,
    };
  },
});
