import { network } from "@/lib/network/testing/builder";
import { addAclRule, addSecurityGroupRule, associateSubnet, attachInternetGateway, setInstanceField } from "@/lib/questions/generated/changes";
import { describeInstance, describeNetworkAcl, describeRouteTable, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { checkpointOptions, defineTemplate, type Checkpoint } from "@/lib/questions/generated/template";
import { APP_NAMES, ephemeralPort, hostIn, hosts, internetAddress, publicAddress, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * The conditions for an instance to reach the internet, in the order a packet meets them: its
 * security group lets it out, its subnet's network ACL lets it out, the subnet's route table
 * sends 0.0.0.0/0 to an internet gateway, that gateway is attached to the VPC and the instance
 * has a public IPv4 address for it to translate, and the ACL lets the reply back in.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 */
export const internetAccessFirstBlock = defineTemplate({
  id: "internet-access-first-block",
  title: "An instance cannot reach the internet: which condition fails first?",
  kind: "first-block",
  lesson: "internet-gateway-and-public-ips",
  section: "four-conditions-for-internet-access",
  task: "3.1",
  difficulty: "medium",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
  ],
  teaches: ["ENI_SG_RULES_MISMATCH", "SUBNET_ACL_RESTRICTION", "NO_ROUTE_TO_DESTINATION", "NO_PUBLIC_IP_ADDRESS", "BAD_STATE_ATTACHMENT"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [third = 1] = subnetThirds(rng, 1);
    const subnet = subnetBlock(vpcCidr, third);
    const [host = 10] = hosts(rng, 1);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnet: resourceId(rng, "subnet", "public"),
      igw: resourceId(rng, "igw", app),
      rtbMain: resourceId(rng, "rtb", "main"),
      rtbPublic: resourceId(rng, "rtb", "public"),
      acl: resourceId(rng, "acl", "public"),
      sg: resourceId(rng, "sg", "web"),
      instance: resourceId(rng, "i", "web"),
    };
    const destination = internetAddress(rng);
    const port = rng.pick([443, 80]);
    const clientPort = ephemeralPort(rng, "linux");
    const publicIp = publicAddress(rng);
    const breaks = new Set(rng.pickMany([0, 1, 2, 3, 4], rng.int(1, 3)));
    const broken = (i: number) => breaks.has(i);
    // The internet gateway fails either way: detached from the VPC, or nothing to translate.
    const detached = broken(3) && rng.chance(0.4);

    const topology = network()
      .vpc(ids.vpc, vpcCidr)
      .subnet(ids.subnet, ids.vpc, subnet)
      .internetGateway(ids.igw, detached ? undefined : ids.vpc)
      .routeTable(ids.rtbMain, ids.vpc, { main: true })
      .routeTable(ids.rtbPublic, ids.vpc, { subnets: broken(2) ? [] : [ids.subnet], routes: { "0.0.0.0/0": ids.igw } })
      .networkAcl(ids.acl, ids.vpc, {
        subnets: [ids.subnet],
        rules: [
          broken(1) ? `100 allow out tcp ${port === 443 ? 80 : 443} 0.0.0.0/0` : `100 allow out tcp ${port} 0.0.0.0/0`,
          broken(4) ? `100 allow in tcp 1024-65535 ${vpcCidr}` : `100 allow in tcp 1024-65535 0.0.0.0/0`,
        ],
      })
      .securityGroup(ids.sg, broken(0) ? { outbound: [`all * ${vpcCidr}`] } : {})
      .instance(ids.instance, ids.subnet, hostIn(subnet, host), { groups: [ids.sg], ...(broken(3) && !detached ? {} : { publicIp }) })
      .toJSON();

    const checkpoints: Checkpoint[] = [
      {
        text: `Security group ${ids.sg}, on the request leaving ${ids.instance}`,
        claim: { works: false, blockedBy: ids.sg, leg: "forward" },
        broken: broken(0),
        repair: { text: `${ids.sg} allows TCP ${port} out to the internet`, change: addSecurityGroupRule(ids.sg, "outbound", `tcp ${port} 0.0.0.0/0`) },
      },
      {
        text: `Network ACL ${ids.acl}, on the request leaving ${ids.subnet}`,
        claim: { works: false, blockedBy: ids.acl, leg: "forward" },
        broken: broken(1),
        repair: { text: `${ids.acl} allows TCP ${port} out`, change: addAclRule(ids.acl, `110 allow out tcp ${port} 0.0.0.0/0`) },
      },
      {
        text: `The route table of ${ids.subnet}, which must send 0.0.0.0/0 to ${ids.igw}`,
        claim: { works: false, blockedBy: ids.rtbMain, leg: "forward" },
        broken: broken(2),
        repair: { text: `${ids.subnet} is associated with ${ids.rtbPublic}`, change: associateSubnet(ids.rtbPublic, ids.subnet) },
        note: `A subnet with no explicit association uses the main route table, here ${ids.rtbMain}.`,
      },
      {
        text: `Internet gateway ${ids.igw}, which must translate ${ids.instance}'s private address`,
        claim: { works: false, blockedBy: ids.igw, leg: "forward" },
        broken: broken(3),
        repair: detached
          ? { text: `${ids.igw} is attached to ${ids.vpc}`, change: attachInternetGateway(ids.igw, ids.vpc) }
          : { text: `${ids.instance} has the public IP ${publicIp}`, change: setInstanceField(ids.instance, "publicIpAddress", publicIp) },
      },
      {
        text: `Network ACL ${ids.acl}, on the reply entering ${ids.subnet}`,
        claim: { works: false, blockedBy: ids.acl, leg: "return" },
        broken: broken(4),
        repair: { text: `${ids.acl} allows the reply in from the internet`, change: addAclRule(ids.acl, `110 allow in tcp 1024-65535 0.0.0.0/0`) },
        note: "Network ACLs are stateless: the reply from the internet needs an inbound rule for the instance's ephemeral ports.",
      },
    ];
    const { options, repairs } = checkpointOptions(rng, checkpoints);
    return {
      kind: "first-block",
      topology,
      stem: `Instance ${ids.instance} in subnet ${ids.subnet} (${subnet}) of ${ids.vpc} must download updates from ${destination} on TCP port ${port}, but the connection (from source port ${clientPort}) times out. ${ids.vpc} has the internet gateway ${ids.igw}${detached ? ", created for it" : ""}. Given the configuration below, where is the traffic stopped first?`,
      facts: (t) => [describeInstance(t, ids.instance), describeSecurityGroup(t, ids.sg), describeNetworkAcl(t, ids.acl), describeRouteTable(t, ids.rtbMain), describeRouteTable(t, ids.rtbPublic), `Internet gateway ${ids.igw}: ${t.internetGateways[0]?.attachments.length ? `attached to ${ids.vpc}` : "not attached to any VPC"}.`],
      flow: { label: `${ids.instance}:${clientPort} to ${destination} on TCP ${port}`, flow: { kind: "packet", source: ids.instance, destination: "internet", destinationIp: destination, protocol: "tcp", destinationPort: port, sourcePort: clientPort } },
      options,
      repairs,
    };
  },
});
