import { network } from "@/lib/network/testing/builder";
import { addSecurityGroupRule, setEndpointField, setEndpointPolicy } from "@/lib/questions/generated/changes";
import { describeEndpoint, describeInstance, describeRouteTable, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { defineTemplate, type ChangeDraft } from "@/lib/questions/generated/template";
import { APP_NAMES, DATABASE_SERVICES, REGIONS, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * An interface endpoint is a network interface in your subnet: the caller's security group must
 * let the request out, the endpoint's security group must let it in, private DNS must be on for
 * the service's default name to resolve to the endpoint, and the endpoint policy must allow it.
 * The listed flow (another tier must not use the endpoint) rules out opening it to the whole VPC.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */

const SERVICES = [
  { key: "secretsmanager", name: "AWS Secrets Manager", range: "52.94.176.0/20" },
  { key: "kms", name: "AWS KMS", range: "52.46.128.0/19" },
  { key: "sqs", name: "Amazon SQS", range: "3.236.0.0/14" },
  { key: "ssm", name: "AWS Systems Manager", range: "52.119.160.0/20" },
  { key: "sts", name: "AWS STS", range: "52.94.232.0/21" },
] as const;

const DENY_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }] };

export const interfaceEndpointAccess = defineTemplate({
  id: "interface-endpoint-access",
  title: "A private instance cannot use an AWS service through its interface endpoint",
  kind: "single-change",
  lesson: "interface-endpoints-private-dns-and-endpoint-policies",
  section: "security-groups-on-the-endpoint",
  task: "4.1",
  difficulty: "medium",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html",
  ],
  teaches: ["ENI_SG_RULES_MISMATCH", "NO_ROUTE_TO_DESTINATION", "ENDPOINT_POLICY_DENY"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const region = rng.pick(REGIONS);
    const service = rng.pick(SERVICES);
    const serviceName = `com.amazonaws.${region}.${service.key}`;
    const db = rng.pick(DATABASE_SERVICES);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [appThird = 1, batchThird = 2, endpointThird = 3, oldThird = 4] = subnetThirds(rng, 4);
    const subnet = { app: subnetBlock(vpcCidr, appThird), batch: subnetBlock(vpcCidr, batchThird), endpoint: subnetBlock(vpcCidr, endpointThird), old: subnetBlock(vpcCidr, oldThird) };
    const [ha = 10, hb = 11, he = 12] = hosts(rng, 3);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnetApp: resourceId(rng, "subnet", "app"),
      subnetBatch: resourceId(rng, "subnet", "batch"),
      subnetEndpoint: resourceId(rng, "subnet", "endpoints"),
      rtb: resourceId(rng, "rtb", "private"),
      sgApp: resourceId(rng, "sg", "app"),
      sgBatch: resourceId(rng, "sg", "batch"),
      sgEndpoint: resourceId(rng, "sg", `vpce-${service.key.replace(".", "-")}`),
      endpoint: resourceId(rng, "vpce", service.key.replace(".", "-")),
      eni: resourceId(rng, "eni", "vpce"),
      app: resourceId(rng, "i", "app"),
      batch: resourceId(rng, "i", "batch"),
    };
    const variant = rng.pick(["endpoint-sg", "caller-sg", "private-dns", "policy"] as const);

    const topology = network()
      .vpc(ids.vpc, vpcCidr, { region })
      .subnet(ids.subnetApp, ids.vpc, subnet.app)
      .subnet(ids.subnetBatch, ids.vpc, subnet.batch)
      .subnet(ids.subnetEndpoint, ids.vpc, subnet.endpoint)
      .routeTable(ids.rtb, ids.vpc, { main: true })
      .awsService(serviceName, [service.range])
      .securityGroup(ids.sgApp, variant === "caller-sg" ? { outbound: [`tcp ${db.port} 10.0.0.0/8`] } : {})
      .securityGroup(ids.sgBatch, {})
      .securityGroup(ids.sgEndpoint, { inbound: [variant === "endpoint-sg" ? `tcp 443 ${subnet.old}` : `tcp 443 ${ids.sgApp}`] })
      .instance(ids.app, ids.subnetApp, hostIn(subnet.app, ha), { groups: [ids.sgApp] })
      .instance(ids.batch, ids.subnetBatch, hostIn(subnet.batch, hb), { groups: [ids.sgBatch] })
      .with("networkInterfaces", { networkInterfaceId: ids.eni, subnetId: ids.subnetEndpoint, vpcId: ids.vpc, interfaceType: "vpc_endpoint", privateIpAddress: hostIn(subnet.endpoint, he), securityGroupIds: [ids.sgEndpoint], requesterManaged: true })
      .with("vpcEndpoints", {
        vpcEndpointId: ids.endpoint,
        vpcEndpointType: "Interface",
        vpcId: ids.vpc,
        serviceName,
        subnetIds: [ids.subnetEndpoint],
        networkInterfaceIds: [ids.eni],
        securityGroupIds: [ids.sgEndpoint],
        privateDnsEnabled: variant !== "private-dns",
        ...(variant === "policy" ? { policyDocument: DENY_ALL } : {}),
      })
      .toJSON();

    const correct: Record<typeof variant, ChangeDraft> = {
      "endpoint-sg": { text: `Add an inbound rule to ${ids.sgEndpoint}: allow TCP 443 from ${ids.sgApp}.`, change: addSecurityGroupRule(ids.sgEndpoint, "inbound", `tcp 443 ${ids.sgApp}`), note: "Referencing the caller's group admits exactly the app tier, wherever its instances run." },
      "caller-sg": { text: `Add an outbound rule to ${ids.sgApp}: allow TCP 443 to ${ids.sgEndpoint}.`, change: addSecurityGroupRule(ids.sgApp, "outbound", `tcp 443 ${ids.sgEndpoint}`), note: "The caller's outbound rules apply to the request; naming the endpoint's group keeps them narrow." },
      "private-dns": { text: `Enable private DNS on ${ids.endpoint}.`, change: setEndpointField(ids.endpoint, "privateDnsEnabled", true), note: `Without private DNS, the service's default name resolves to its public addresses (${service.range}), for which the subnet has no route.` },
      policy: { text: `Replace the policy of ${ids.endpoint} with the default policy that allows full access.`, change: setEndpointPolicy(ids.endpoint, undefined), note: "The endpoint policy is checked for every request through the endpoint, on top of IAM." },
    };
    const distractors: ChangeDraft[] = [
      { text: `Add an inbound rule to ${ids.sgEndpoint}: allow TCP 443 from ${vpcCidr}.`, change: addSecurityGroupRule(ids.sgEndpoint, "inbound", `tcp 443 ${vpcCidr}`), note: `Opening the endpoint to the whole VPC also admits ${ids.batch}.` },
      { text: `Add an outbound rule to ${ids.sgEndpoint}: allow TCP 443 to 0.0.0.0/0.`, change: addSecurityGroupRule(ids.sgEndpoint, "outbound", "tcp 443 0.0.0.0/0"), note: "Security groups are stateful: the endpoint's replies need no outbound rule." },
      { text: `Add an inbound rule to ${ids.sgApp}: allow TCP 1024-65535 from ${vpcCidr}.`, change: addSecurityGroupRule(ids.sgApp, "inbound", `tcp 1024-65535 ${vpcCidr}`), note: "The replies belong to a connection the instance opened, which its security group already tracks." },
      { text: `Add an inbound rule to ${ids.sgEndpoint}: allow TCP 80 from ${ids.sgApp}.`, change: addSecurityGroupRule(ids.sgEndpoint, "inbound", `tcp 80 ${ids.sgApp}`), note: "AWS service endpoints take HTTPS on port 443." },
      ...(variant === "private-dns"
        ? [{ text: `Replace the policy of ${ids.endpoint} with one that allows all actions on all resources.`, change: setEndpointPolicy(ids.endpoint, { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }), note: "The default policy already allows everything; the request never reaches the endpoint." }]
        : []),
    ];
    return {
      kind: "single-change",
      topology,
      stem: `Instance ${ids.app} in private subnet ${ids.subnetApp} (${subnet.app}) calls ${service.name} by its default DNS name (${service.key}.${region}.amazonaws.com) on TCP 443, through the interface endpoint ${ids.endpoint} in ${ids.subnetEndpoint}. The VPC has no internet gateway or NAT device. The calls time out. Only the app tier may use the endpoint: ${ids.batch} in ${ids.subnetBatch} must not. Which single change makes ${ids.app}'s calls work while ${ids.batch} stays blocked?`,
      facts: (t) => [describeInstance(t, ids.app), describeInstance(t, ids.batch), describeSecurityGroup(t, ids.sgApp), describeSecurityGroup(t, ids.sgEndpoint), describeEndpoint(t, ids.endpoint), `Endpoint network interface ${ids.eni} in ${ids.subnetEndpoint}: ${hostIn(subnet.endpoint, he)}.`, describeRouteTable(t, ids.rtb)],
      flow: { label: `${ids.app} to ${serviceName} on TCP 443`, flow: { kind: "packet", source: ids.app, destination: serviceName, protocol: "tcp", destinationPort: 443 } },
      keep: [{ label: `${ids.batch} to ${serviceName} on TCP 443 stays blocked`, mustWork: false, flow: { kind: "packet", source: ids.batch, destination: serviceName, protocol: "tcp", destinationPort: 443 } }],
      options: [correct[variant], ...rng.pickMany(distractors, 3)],
    };
  },
});
