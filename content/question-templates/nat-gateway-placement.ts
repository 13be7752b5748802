import { network } from "@/lib/network/testing/builder";
import { moveNatGateway, replaceRoute } from "@/lib/questions/generated/changes";
import { describeInstance, describeNatGateway, describeRouteTable, describeSubnet } from "@/lib/questions/generated/describe";
import { defineTemplate, type ClaimDraft } from "@/lib/questions/generated/template";
import { APP_NAMES, ephemeralPort, hostIn, hosts, internetAddress, publicAddress, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * A public NAT gateway works only from a public subnet: it sends the translated packet by its
 * own subnet's route table, which must lead to the internet gateway. Placed in the private
 * subnet it serves, it receives its own traffic back (a loop); placed in a subnet without an
 * internet route, its traffic goes nowhere; and skipping it (routing the private subnet straight
 * to the internet gateway) fails because the instance has no public address to translate.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
 */
export const natGatewayPlacement = defineTemplate({
  id: "nat-gateway-placement",
  title: "Where the NAT gateway sits decides whether a private instance reaches the internet",
  kind: "can-reach",
  lesson: "nat-instance-and-nat-gateway",
  section: "how-the-path-is-built",
  task: "2.2",
  difficulty: "medium",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html",
  ],
  teaches: ["ROUTING_LOOP", "NO_ROUTE_TO_DESTINATION", "NO_PUBLIC_IP_ADDRESS"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [publicThird = 1, privateThird = 2, dataThird = 3] = subnetThirds(rng, 3);
    const subnets = { public: subnetBlock(vpcCidr, publicThird), private: subnetBlock(vpcCidr, privateThird), data: subnetBlock(vpcCidr, dataThird) };
    const [natHost = 10, appHost = 20] = hosts(rng, 2);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnetPublic: resourceId(rng, "subnet", "public"),
      subnetPrivate: resourceId(rng, "subnet", "private-app"),
      subnetData: resourceId(rng, "subnet", "data"),
      igw: resourceId(rng, "igw", app),
      nat: resourceId(rng, "nat", app),
      rtbMain: resourceId(rng, "rtb", "main"),
      rtbPublic: resourceId(rng, "rtb", "public"),
      rtbPrivate: resourceId(rng, "rtb", "private"),
      sg: resourceId(rng, "sg", "app"),
      instance: resourceId(rng, "i", "app"),
    };
    const variant = rng.pick(["public", "private", "data", "no-nat"] as const);
    const natSubnet = variant === "private" ? ids.subnetPrivate : variant === "data" ? ids.subnetData : ids.subnetPublic;
    const natCidr = variant === "private" ? subnets.private : variant === "data" ? subnets.data : subnets.public;
    const natIp = hostIn(natCidr, natHost === appHost ? natHost + 1 : natHost);
    const elasticIp = publicAddress(rng);
    const destination = internetAddress(rng);
    const port = rng.pick([443, 80]);

    const topology = network()
      .vpc(ids.vpc, vpcCidr)
      .subnet(ids.subnetPublic, ids.vpc, subnets.public)
      .subnet(ids.subnetPrivate, ids.vpc, subnets.private)
      .subnet(ids.subnetData, ids.vpc, subnets.data)
      .internetGateway(ids.igw, ids.vpc)
      .natGateway(ids.nat, natSubnet, { privateIp: natIp, publicIp: elasticIp })
      .routeTable(ids.rtbMain, ids.vpc, { main: true })
      .routeTable(ids.rtbPublic, ids.vpc, { subnets: [ids.subnetPublic], routes: { "0.0.0.0/0": ids.igw } })
      .routeTable(ids.rtbPrivate, ids.vpc, { subnets: [ids.subnetPrivate], routes: { "0.0.0.0/0": variant === "no-nat" ? ids.igw : ids.nat } })
      .securityGroup(ids.sg, {})
      .instance(ids.instance, ids.subnetPrivate, hostIn(subnets.private, appHost), { groups: [ids.sg] })
      .toJSON();

    const claims = {
      works: { text: `Yes: ${ids.nat} replaces the source address with its Elastic IP ${elasticIp}, and ${ids.igw} carries the packet to the internet.`, claim: { works: true, via: [ids.nat, ids.igw] } },
      loop: { text: `No: ${ids.rtbPrivate} sends the NAT gateway's translated packet straight back to ${ids.nat}, a routing loop.`, claim: { works: false, blockedBy: ids.rtbPrivate } },
      noRoute: { text: `No: ${ids.rtbMain} has no route to the internet for the packet the NAT gateway sends.`, claim: { works: false, blockedBy: ids.rtbMain } },
      noPublicIp: { text: `No: ${ids.instance} has no public IP address, so ${ids.igw} has nothing to translate its private address to.`, claim: { works: false, blockedBy: ids.igw } },
      securityGroup: { text: `No: ${ids.sg} has no outbound rule for TCP ${port}.`, claim: { works: false, blockedBy: ids.sg }, note: "A new security group allows all outbound traffic until its outbound rules are changed." },
    } satisfies Record<string, ClaimDraft>;
    const right = { public: claims.works, private: claims.loop, data: claims.noRoute, "no-nat": claims.noPublicIp }[variant];
    const others = Object.values(claims).filter((c) => c !== right);
    const publicIp = hostIn(subnets.public, natHost === appHost ? natHost + 1 : natHost);
    const pivot = variant === "public" ? moveNatGateway(ids.nat, ids.subnetPrivate, hostIn(subnets.private, natHost === appHost ? natHost + 1 : natHost)) : variant === "no-nat" ? replaceRoute(ids.rtbPrivate, "0.0.0.0/0", ids.nat) : moveNatGateway(ids.nat, ids.subnetPublic, publicIp);
    return {
      kind: "can-reach",
      topology,
      stem: `Instance ${ids.instance} in ${ids.subnetPrivate} has no public IP address. It must download packages from ${destination} on TCP port ${port}. The team created the public NAT gateway ${ids.nat} (Elastic IP ${elasticIp}) in ${natSubnet} and the route tables below. Can ${ids.instance} open the connection?`,
      facts: (t) => [
        `Subnets: ${[ids.subnetPublic, ids.subnetPrivate, ids.subnetData].map((s) => describeSubnet(t, s)).join(", ")}.`,
        describeNatGateway(t, ids.nat),
        describeRouteTable(t, ids.rtbPublic),
        describeRouteTable(t, ids.rtbPrivate),
        describeRouteTable(t, ids.rtbMain),
        describeInstance(t, ids.instance),
      ],
      flow: { label: `${ids.instance} to ${destination} on TCP ${port}`, flow: { kind: "packet", source: ids.instance, destination: "internet", destinationIp: destination, protocol: "tcp", destinationPort: port, sourcePort: ephemeralPort(rng, "linux") } },
      options: [right, ...rng.pickMany(others, 3)],
      pivot,
    };
  },
});
