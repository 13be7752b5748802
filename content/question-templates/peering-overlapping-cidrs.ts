import { network } from "@/lib/network/testing/builder";
import { describeInstance, describePeering, describeRouteTable, describeVpc } from "@/lib/questions/generated/describe";
import { defineTemplate, type FlowDraft } from "@/lib/questions/generated/template";
import type { PacketFlow } from "@/lib/questions/generated/types";
import { APP_NAMES, APP_SERVICES, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * One VPC peered with two VPCs that use the same CIDR block. Peered VPCs must not overlap each
 * other, but two peers of the same VPC may overlap; the hub then routes each address to one of
 * them by longest prefix match, so only the subnets a specific route names reach the second
 * peer, replies included. Inside a VPC, an address in its own range is always local.
 * https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html ("configure route tables to avoid sending response traffic to the incorrect VPC": no reverse-path forwarding)
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations
 */
export const peeringOverlappingCidrs = defineTemplate({
  id: "peering-overlapping-cidrs",
  title: "Two peers with the same CIDR block: which connections work?",
  kind: "choose-two",
  lesson: "vpc-peering",
  section: "rule-1-no-overlapping-cidr-blocks",
  task: "1.6",
  difficulty: "hard",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html",
    "https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html",
    "https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations",
    "https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html",
  ],
  teaches: ["NO_SUBNET_FOR_ADDRESS", "NO_DESTINATION_OWNER"],
  build(rng) {
    const [appH = "shop", appB = "partner", appC = "vendor"] = rng.pickMany(APP_NAMES, 3);
    const [cidrH = "", cidrShared = ""] = vpcBlocks(rng, 2);
    const [hThird = 1, bThird = 2, specificThird = 3, cThird = 4] = subnetThirds(rng, 4);
    // C's second subnet either has the same range as B's subnet, or a range B does not use.
    const cOtherThird = rng.chance(0.5) ? bThird : cThird;
    const bAlsoHasSpecific = rng.chance(0.4);
    const [hh = 10, hb = 11, hc5 = 12, hc1 = 13, hb5 = 14] = hosts(rng, 5);
    const service = rng.pick(APP_SERVICES);
    const ids = {
      vpcH: resourceId(rng, "vpc", appH),
      vpcB: resourceId(rng, "vpc", appB),
      vpcC: resourceId(rng, "vpc", appC),
      pcxB: resourceId(rng, "pcx", `${appH}-${appB}`),
      pcxC: resourceId(rng, "pcx", `${appH}-${appC}`),
      rtbH: resourceId(rng, "rtb", appH),
      rtbB: resourceId(rng, "rtb", appB),
      rtbC: resourceId(rng, "rtb", appC),
      iH: resourceId(rng, "i", appH),
      iB: resourceId(rng, "i", appB),
      iB5: resourceId(rng, "i", `${appB}-etl`),
      iC5: resourceId(rng, "i", `${appC}-api`),
      iC1: resourceId(rng, "i", `${appC}-batch`),
      sg: resourceId(rng, "sg", "partners"),
      subnetH: resourceId(rng, "subnet", appH),
      subnetB: resourceId(rng, "subnet", appB),
      subnetB5: resourceId(rng, "subnet", `${appB}-etl`),
      subnetC5: resourceId(rng, "subnet", `${appC}-api`),
      subnetC1: resourceId(rng, "subnet", `${appC}-batch`),
    };
    const subnets = {
      h: subnetBlock(cidrH, hThird),
      b: subnetBlock(cidrShared, bThird),
      specific: subnetBlock(cidrShared, specificThird),
      cOther: subnetBlock(cidrShared, cOtherThird),
    };

    const builder = network()
      .vpc(ids.vpcH, cidrH)
      .vpc(ids.vpcB, cidrShared)
      .vpc(ids.vpcC, cidrShared)
      .subnet(ids.subnetH, ids.vpcH, subnets.h)
      .subnet(ids.subnetB, ids.vpcB, subnets.b)
      .subnet(ids.subnetC5, ids.vpcC, subnets.specific)
      .subnet(ids.subnetC1, ids.vpcC, subnets.cOther);
    if (bAlsoHasSpecific) builder.subnet(ids.subnetB5, ids.vpcB, subnets.specific);
    builder
      .peering(ids.pcxB, ids.vpcH, ids.vpcB)
      .peering(ids.pcxC, ids.vpcH, ids.vpcC)
      .routeTable(ids.rtbH, ids.vpcH, { main: true, routes: { [cidrShared]: ids.pcxB, [subnets.specific]: ids.pcxC } })
      .routeTable(ids.rtbB, ids.vpcB, { main: true, routes: { [cidrH]: ids.pcxB } })
      .routeTable(ids.rtbC, ids.vpcC, { main: true, routes: { [cidrH]: ids.pcxC } })
      .securityGroup(ids.sg, { inbound: [`tcp ${service.port} 10.0.0.0/8`] })
      .instance(ids.iH, ids.subnetH, hostIn(subnets.h, hh), { groups: [ids.sg] })
      .instance(ids.iB, ids.subnetB, hostIn(subnets.b, hb), { groups: [ids.sg] })
      .instance(ids.iC5, ids.subnetC5, hostIn(subnets.specific, hc5), { groups: [ids.sg] })
      .instance(ids.iC1, ids.subnetC1, hostIn(subnets.cOther, hc1), { groups: [ids.sg] });
    if (bAlsoHasSpecific) builder.instance(ids.iB5, ids.subnetB5, hostIn(subnets.specific, hb5), { groups: [ids.sg] });
    const topology = builder.toJSON();

    const flow = (source: string, destination: string): PacketFlow => ({ kind: "packet", source, destination, protocol: "tcp", destinationPort: service.port });
    const text = (source: string, destination: string, ip: string) => `${source} to ${destination} (${ip}) on TCP ${service.port}`;
    const ip = (cidr: string, host: number) => hostIn(cidr, host);
    const allowed: FlowDraft[] = [
      { text: text(ids.iH, ids.iB, ip(subnets.b, hb)), flow: flow(ids.iH, ids.iB) },
      { text: text(ids.iH, ids.iC5, ip(subnets.specific, hc5)), flow: flow(ids.iH, ids.iC5), note: `The /24 route to ${ids.pcxC} is more specific than the /16 route to ${ids.pcxB}, so longest prefix match sends this address to ${ids.vpcC}.` },
      { text: text(ids.iC5, ids.iH, ip(subnets.h, hh)), flow: flow(ids.iC5, ids.iH) },
      { text: text(ids.iB, ids.iH, ip(subnets.h, hh)), flow: flow(ids.iB, ids.iH) },
    ];
    const blocked: FlowDraft[] = [
      { text: text(ids.iH, ids.iC1, ip(subnets.cOther, hc1)), flow: flow(ids.iH, ids.iC1), note: `Only ${subnets.specific} is routed to ${ids.pcxC}; every other address of ${cidrShared} goes to ${ids.vpcB}.` },
      { text: text(ids.iC1, ids.iH, ip(subnets.h, hh)), flow: flow(ids.iC1, ids.iH), note: `The request arrives, but ${ids.rtbH} sends the reply for ${ip(subnets.cOther, hc1)} to ${ids.pcxB}.` },
      { text: text(ids.iB, ids.iC5, ip(subnets.specific, hc5)), flow: flow(ids.iB, ids.iC5), note: `${ip(subnets.specific, hc5)} is inside ${ids.vpcB}'s own range, so its local route keeps it in ${ids.vpcB}; the two VPCs are not peered anyway.` },
      ...(bAlsoHasSpecific ? [{ text: text(ids.iH, ids.iB5, ip(subnets.specific, hb5)), flow: flow(ids.iH, ids.iB5), note: `${subnets.specific} is routed to ${ids.pcxC}, so ${ids.vpcB}'s subnet with the same range cannot be reached from ${ids.vpcH}.` }] : []),
    ];
    return {
      kind: "choose-two",
      topology,
      stem: `${ids.vpcH} (${cidrH}) is peered with two partners' VPCs that both use ${cidrShared}: ${ids.vpcB} through ${ids.pcxB} and ${ids.vpcC} through ${ids.pcxC}. Only ${ids.vpcC}'s subnet ${subnets.specific} needs to be reachable from ${ids.vpcH}. The security group ${ids.sg} on every instance allows TCP ${service.port} from 10.0.0.0/8. Given the route tables below, which of these connections succeed? (Choose two.)`,
      facts: (t) => [
        describeVpc(t, ids.vpcH),
        describeVpc(t, ids.vpcB),
        describeVpc(t, ids.vpcC),
        describePeering(t, ids.pcxB),
        describePeering(t, ids.pcxC),
        describeRouteTable(t, ids.rtbH),
        describeRouteTable(t, ids.rtbB),
        describeRouteTable(t, ids.rtbC),
        ...[ids.iH, ids.iB, ...(bAlsoHasSpecific ? [ids.iB5] : []), ids.iC5, ids.iC1].map((i) => describeInstance(t, i)),
      ],
      options: [...rng.pickMany(allowed, 2), ...rng.pickMany(blocked, 3)],
    };
  },
});
