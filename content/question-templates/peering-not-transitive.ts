import { network } from "@/lib/network/testing/builder";
import { addPeering, replaceRoute, together } from "@/lib/questions/generated/changes";
import { describeInstance, describePeering, describeRouteTable, describeSecurityGroup, describeVpc } from "@/lib/questions/generated/describe";
import { defineTemplate, type ClaimDraft } from "@/lib/questions/generated/template";
import { APP_NAMES, DATABASE_SERVICES, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * VPC peering is not transitive: a peering connection delivers only to addresses inside the
 * peer VPC, so A cannot reach C through B even when every route table points the right way,
 * and a direct peering works only if both sides route over it.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations
 */
export const peeringNotTransitive = defineTemplate({
  id: "peering-not-transitive",
  title: "Three VPCs, two or three peerings: does A reach C?",
  kind: "can-reach",
  lesson: "vpc-peering",
  section: "rule-2-no-transitive-peering",
  task: "2.2",
  difficulty: "medium",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations",
    "https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html",
  ],
  teaches: ["PEERING_NOT_TRANSITIVE"],
  build(rng) {
    const [appA = "shop", appB = "shared", appC = "data"] = rng.pickMany(APP_NAMES, 3);
    const [cidrA = "", cidrB = "", cidrC = ""] = vpcBlocks(rng, 3);
    const [thirdA = 1, thirdC = 2] = subnetThirds(rng, 2);
    const [hostA = 10, hostC = 20] = hosts(rng, 2);
    const service = rng.pick(DATABASE_SERVICES);
    const ids = {
      vpcA: resourceId(rng, "vpc", appA),
      vpcB: resourceId(rng, "vpc", appB),
      vpcC: resourceId(rng, "vpc", appC),
      subnetA: resourceId(rng, "subnet", appA),
      subnetC: resourceId(rng, "subnet", appC),
      rtbA: resourceId(rng, "rtb", appA),
      rtbB: resourceId(rng, "rtb", appB),
      rtbC: resourceId(rng, "rtb", appC),
      pcxAB: resourceId(rng, "pcx", `${appA}-${appB}`),
      pcxBC: resourceId(rng, "pcx", `${appB}-${appC}`),
      pcxAC: resourceId(rng, "pcx", `${appA}-${appC}`),
      sgC: resourceId(rng, "sg", `${appC}-db`),
      sgA: resourceId(rng, "sg", `${appA}-app`),
      client: resourceId(rng, "i", `${appA}-app`),
      server: resourceId(rng, "i", `${appC}-db`),
    };
    // transitive: A routes C's range to B's peering; direct: A and C peer and route to each other;
    // one-sided: A routes over the direct peering but C still sends A's range back through B.
    const variant = rng.pick(["transitive", "transitive", "direct", "one-sided"] as const);
    const direct = variant !== "transitive";
    const subnetA = subnetBlock(cidrA, thirdA);
    const subnetC = subnetBlock(cidrC, thirdC);

    const builder = network()
      .vpc(ids.vpcA, cidrA)
      .vpc(ids.vpcB, cidrB)
      .vpc(ids.vpcC, cidrC)
      .subnet(ids.subnetA, ids.vpcA, subnetA)
      .subnet(ids.subnetC, ids.vpcC, subnetC)
      .peering(ids.pcxAB, ids.vpcA, ids.vpcB)
      .peering(ids.pcxBC, ids.vpcB, ids.vpcC);
    if (direct) builder.peering(ids.pcxAC, ids.vpcA, ids.vpcC);
    const topology = builder
      .routeTable(ids.rtbA, ids.vpcA, { main: true, routes: { [cidrB]: ids.pcxAB, [cidrC]: direct ? ids.pcxAC : ids.pcxAB } })
      .routeTable(ids.rtbB, ids.vpcB, { main: true, routes: { [cidrA]: ids.pcxAB, [cidrC]: ids.pcxBC } })
      .routeTable(ids.rtbC, ids.vpcC, { main: true, routes: { [cidrB]: ids.pcxBC, [cidrA]: variant === "direct" ? ids.pcxAC : ids.pcxBC } })
      .securityGroup(ids.sgC, { inbound: [`tcp ${service.port} ${cidrA}`, `tcp ${service.port} ${cidrB}`] })
      .securityGroup(ids.sgA, {})
      .instance(ids.client, ids.subnetA, hostIn(subnetA, hostA), { groups: [ids.sgA] })
      .instance(ids.server, ids.subnetC, hostIn(subnetC, hostC), { groups: [ids.sgC] })
      .toJSON();

    const claims: Record<string, ClaimDraft> = {
      throughB: {
        text: `Yes: ${ids.vpcB} is peered with both VPCs, so it relays the connection from ${ids.pcxAB} to ${ids.pcxBC}.`,
        claim: { works: true, via: [ids.pcxAB, ids.pcxBC] },
        note: "A VPC never forwards traffic from one peering connection to another.",
      },
      overDirect: {
        text: `Yes: the connection goes over ${ids.pcxAC}, and the reply comes back over it.`,
        claim: { works: true, via: [ids.pcxAC] },
      },
      notTransitive: {
        text: `No: ${ids.pcxAB} delivers only to addresses inside ${ids.vpcB}, so the request is dropped there.`,
        claim: { works: false, blockedBy: ids.pcxAB, leg: "forward" },
      },
      replyDropped: {
        text: `No: the request arrives, but ${ids.rtbC} sends the reply toward ${ids.pcxBC}, where it is dropped.`,
        claim: { works: false, blockedBy: ids.pcxBC, leg: "return" },
        note: "Both VPCs must route over the same peering connection: the reply follows the route table of the server's subnet.",
      },
      noRoute: {
        text: `No: ${ids.rtbA} has no route for ${cidrC}, so the request never leaves ${ids.vpcA}.`,
        claim: { works: false, blockedBy: ids.rtbA },
      },
      securityGroup: {
        text: `No: ${ids.sgC} does not allow TCP ${service.port} from ${cidrA}.`,
        claim: { works: false, blockedBy: ids.sgC },
      },
    };
    const right = variant === "transitive" ? claims.notTransitive : variant === "direct" ? claims.overDirect : claims.replyDropped;
    const others = Object.values(claims).filter((c) => c !== right && (direct || c !== claims.overDirect));
    const pivot =
      variant === "transitive"
        ? together(addPeering(ids.pcxAC, ids.vpcA, ids.vpcC), replaceRoute(ids.rtbA, cidrC, ids.pcxAC), replaceRoute(ids.rtbC, cidrA, ids.pcxAC))
        : variant === "direct"
          ? replaceRoute(ids.rtbA, cidrC, ids.pcxAB)
          : replaceRoute(ids.rtbC, cidrA, ids.pcxAC);
    const peerings = direct ? [ids.pcxAB, ids.pcxBC, ids.pcxAC] : [ids.pcxAB, ids.pcxBC];
    return {
      kind: "can-reach",
      topology,
      stem: `Instance ${ids.client} in ${ids.vpcA} (${cidrA}) must query the ${service.name} database on ${ids.server} in ${ids.vpcC} (${cidrC}). ${ids.vpcA} is peered with ${ids.vpcB} (${cidrB}), and ${ids.vpcB} with ${ids.vpcC}${direct ? `; ${ids.vpcA} and ${ids.vpcC} are also peered directly` : ""}. All peering connections are active. Can ${ids.client} open a TCP connection to ${ids.server} on port ${service.port}?`,
      facts: (t) => [
        describeVpc(t, ids.vpcA),
        describeVpc(t, ids.vpcB),
        describeVpc(t, ids.vpcC),
        ...peerings.map((p) => describePeering(t, p)),
        describeRouteTable(t, ids.rtbA),
        describeRouteTable(t, ids.rtbB),
        describeRouteTable(t, ids.rtbC),
        describeInstance(t, ids.client),
        describeInstance(t, ids.server),
        describeSecurityGroup(t, ids.sgC),
      ],
      flow: { label: `${ids.client} to ${ids.server} on TCP ${service.port}`, flow: { kind: "packet", source: ids.client, destination: ids.server, protocol: "tcp", destinationPort: service.port } },
      options: [right as ClaimDraft, ...rng.pickMany(others, 3)],
      pivot,
    };
  },
});
