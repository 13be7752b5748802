import { network } from "@/lib/network/testing/builder";
import { addRoute, addTgwPropagation, addTgwRoute, associateTgwAttachment } from "@/lib/questions/generated/changes";
import { describeRouteTable, describeTgwAttachment, describeTgwRouteTable, describeVpc } from "@/lib/questions/generated/describe";
import { defineTemplate, type ChangeDraft } from "@/lib/questions/generated/template";
import { APP_SERVICES, ephemeralPort, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * A transit gateway routes a packet with the route table associated with the attachment it
 * came in through; propagation is what puts an attachment's CIDR into a table. An attachment
 * with no association has no routes at all, and the reply is routed by the other side's
 * association, so both directions need their table. The segmentation (dev must not reach app)
 * is the listed flow the fix must keep.
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html
 * https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html
 */
export const tgwAssociationPropagation = defineTemplate({
  id: "tgw-association-propagation",
  title: "Transit gateway: association or propagation?",
  kind: "single-change",
  lesson: "transit-gateway",
  section: "route-tables-associations-and-propagations",
  task: "2.2",
  difficulty: "hard",
  docs: ["https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html", "https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html"],
  teaches: ["TGW_RTB_NOT_ASSOCIATED", "NO_ROUTE_TO_DESTINATION"],
  build(rng) {
    const [cidrApp = "", cidrDev = "", cidrShared = ""] = vpcBlocks(rng, 3);
    const [third = 1] = subnetThirds(rng, 1);
    const [hostApp = 10, hostDev = 20, hostShared = 30] = hosts(rng, 3);
    const service = rng.pick(APP_SERVICES);
    const subnet = { app: subnetBlock(cidrApp, third), dev: subnetBlock(cidrDev, third), shared: subnetBlock(cidrShared, third) };
    const ids = {
      tgw: resourceId(rng, "tgw", "hub"),
      vpcApp: resourceId(rng, "vpc", "app"),
      vpcDev: resourceId(rng, "vpc", "dev"),
      vpcShared: resourceId(rng, "vpc", "shared"),
      subnetApp: resourceId(rng, "subnet", "app"),
      subnetDev: resourceId(rng, "subnet", "dev"),
      subnetShared: resourceId(rng, "subnet", "shared"),
      attachApp: resourceId(rng, "tgw-attach", "app"),
      attachDev: resourceId(rng, "tgw-attach", "dev"),
      attachShared: resourceId(rng, "tgw-attach", "shared"),
      rtbSpokes: resourceId(rng, "tgw-rtb", "spokes"),
      rtbShared: resourceId(rng, "tgw-rtb", "shared"),
      vpcRtbApp: resourceId(rng, "rtb", "app"),
      vpcRtbDev: resourceId(rng, "rtb", "dev"),
      vpcRtbShared: resourceId(rng, "rtb", "shared"),
      sg: resourceId(rng, "sg", "internal"),
      app: resourceId(rng, "i", "app"),
      dev: resourceId(rng, "i", "dev"),
      shared: resourceId(rng, "i", "shared"),
    };
    const variant = rng.pick(["unassociated", "not-propagated", "vpc-route"] as const);

    const topology = network()
      .vpc(ids.vpcApp, cidrApp)
      .vpc(ids.vpcDev, cidrDev)
      .vpc(ids.vpcShared, cidrShared)
      .subnet(ids.subnetApp, ids.vpcApp, subnet.app)
      .subnet(ids.subnetDev, ids.vpcDev, subnet.dev)
      .subnet(ids.subnetShared, ids.vpcShared, subnet.shared)
      .transitGateway(ids.tgw)
      .tgwAttachment(ids.attachApp, ids.tgw, "vpc", ids.vpcApp, { subnets: [ids.subnetApp], ...(variant === "unassociated" ? {} : { routeTable: ids.rtbSpokes }) })
      .tgwAttachment(ids.attachDev, ids.tgw, "vpc", ids.vpcDev, { subnets: [ids.subnetDev], routeTable: ids.rtbSpokes })
      .tgwAttachment(ids.attachShared, ids.tgw, "vpc", ids.vpcShared, { subnets: [ids.subnetShared], routeTable: ids.rtbShared })
      .tgwRouteTable(ids.rtbSpokes, ids.tgw, { propagations: [ids.attachShared] })
      .tgwRouteTable(ids.rtbShared, ids.tgw, { propagations: variant === "not-propagated" ? [ids.attachDev] : [ids.attachApp, ids.attachDev] })
      .routeTable(ids.vpcRtbApp, ids.vpcApp, { main: true, routes: { "10.0.0.0/8": ids.tgw } })
      .routeTable(ids.vpcRtbDev, ids.vpcDev, { main: true, routes: { "10.0.0.0/8": ids.tgw } })
      .routeTable(ids.vpcRtbShared, ids.vpcShared, { main: true, routes: variant === "vpc-route" ? { [cidrDev]: ids.tgw } : { "10.0.0.0/8": ids.tgw } })
      .securityGroup(ids.sg, { inbound: [`tcp ${service.port} 10.0.0.0/8`] })
      .instance(ids.app, ids.subnetApp, hostIn(subnet.app, hostApp), { groups: [ids.sg] })
      .instance(ids.dev, ids.subnetDev, hostIn(subnet.dev, hostDev), { groups: [ids.sg] })
      .instance(ids.shared, ids.subnetShared, hostIn(subnet.shared, hostShared), { groups: [ids.sg] })
      .toJSON();

    const flat: ChangeDraft = {
      text: `Enable propagation of all three attachments into both ${ids.rtbSpokes} and ${ids.rtbShared}.`,
      change: (t) => [ids.rtbSpokes, ids.rtbShared].flatMap((rtb) => [ids.attachApp, ids.attachDev, ids.attachShared].filter((a) => !t.transitGatewayRouteTables.find((r) => r.transitGatewayRouteTableId === rtb)?.propagations.some((p) => p.transitGatewayAttachmentId === a)).flatMap((a) => addTgwPropagation(rtb, a)(t))),
      note: `One flat routing domain lets ${ids.vpcDev} reach ${ids.vpcApp}, which the segmentation forbids.`,
    };
    const pools: Record<typeof variant, { correct: ChangeDraft; distractors: ChangeDraft[] }> = {
      unassociated: {
        correct: { text: `Associate ${ids.attachApp} with ${ids.rtbSpokes}.`, change: associateTgwAttachment(ids.attachApp, ids.rtbSpokes), note: `The transit gateway routes traffic arriving from ${ids.attachApp} with the table associated with it; ${ids.rtbSpokes} has ${ids.vpcShared}'s route.` },
        distractors: [
          { text: `Associate ${ids.attachApp} with ${ids.rtbShared}.`, change: associateTgwAttachment(ids.attachApp, ids.rtbShared), note: `${ids.rtbShared} learns only the spokes' routes, not ${ids.vpcShared}'s own.` },
          { text: `Enable propagation of ${ids.attachApp} into ${ids.rtbSpokes}.`, change: addTgwPropagation(ids.rtbSpokes, ids.attachApp), note: "Propagation adds the attachment's CIDR to a table; it does not decide which table routes the attachment's own traffic." },
          { text: `Add a static route ${cidrShared} → ${ids.attachShared} to ${ids.rtbShared}.`, change: addTgwRoute(ids.rtbShared, cidrShared, ids.attachShared) },
          { text: `Add a route ${cidrShared} → ${ids.tgw} to ${ids.vpcRtbApp}.`, change: addRoute(ids.vpcRtbApp, cidrShared, ids.tgw), note: `${ids.vpcRtbApp} already sends 10.0.0.0/8 to the transit gateway; the VPC side is not the problem.` },
          flat,
        ],
      },
      "not-propagated": {
        correct: rng.chance(0.5)
          ? { text: `Enable propagation of ${ids.attachApp} into ${ids.rtbShared}.`, change: addTgwPropagation(ids.rtbShared, ids.attachApp), note: `The reply from ${ids.vpcShared} is routed by ${ids.rtbShared}, the table associated with ${ids.attachShared}.` }
          : { text: `Add a static route ${cidrApp} → ${ids.attachApp} to ${ids.rtbShared}.`, change: addTgwRoute(ids.rtbShared, cidrApp, ids.attachApp), note: `The reply from ${ids.vpcShared} is routed by ${ids.rtbShared}, the table associated with ${ids.attachShared}.` },
        distractors: [
          { text: `Enable propagation of ${ids.attachApp} into ${ids.rtbSpokes}.`, change: addTgwPropagation(ids.rtbSpokes, ids.attachApp), note: `The request already gets through; it is the reply, routed by ${ids.rtbShared}, that has no route back.` },
          { text: `Associate ${ids.attachShared} with ${ids.rtbSpokes}.`, change: associateTgwAttachment(ids.attachShared, ids.rtbSpokes) },
          { text: `Add a static route ${cidrApp} → ${ids.attachApp} to ${ids.rtbSpokes}.`, change: addTgwRoute(ids.rtbSpokes, cidrApp, ids.attachApp) },
          { text: `Add a route ${cidrApp} → ${ids.tgw} to ${ids.vpcRtbShared}.`, change: addRoute(ids.vpcRtbShared, cidrApp, ids.tgw), note: `${ids.vpcRtbShared} already sends 10.0.0.0/8 to the transit gateway.` },
          flat,
        ],
      },
      "vpc-route": {
        correct: { text: `Add a route ${cidrApp} → ${ids.tgw} to ${ids.vpcRtbShared}.`, change: addRoute(ids.vpcRtbShared, cidrApp, ids.tgw), note: `Transit gateway routes are not enough: the reply leaves ${ids.vpcShared} by its own route table, which must send ${cidrApp} to the transit gateway.` },
        distractors: [
          { text: `Enable propagation of ${ids.attachShared} into ${ids.rtbShared}.`, change: addTgwPropagation(ids.rtbShared, ids.attachShared) },
          { text: `Add a static route ${cidrApp} → ${ids.attachApp} to ${ids.rtbSpokes}.`, change: addTgwRoute(ids.rtbSpokes, cidrApp, ids.attachApp) },
          { text: `Associate ${ids.attachApp} with ${ids.rtbShared}.`, change: associateTgwAttachment(ids.attachApp, ids.rtbShared) },
          { text: `Add a route ${cidrShared} → ${ids.tgw} to ${ids.vpcRtbApp}.`, change: addRoute(ids.vpcRtbApp, cidrShared, ids.tgw), note: `The request already reaches ${ids.vpcShared}; the reply is what has no route.` },
          flat,
        ],
      },
    };
    const pool = pools[variant];
    const clientPort = ephemeralPort(rng, "linux");
    return {
      kind: "single-change",
      topology,
      stem: `Transit gateway ${ids.tgw} connects ${ids.vpcApp} (${cidrApp}), ${ids.vpcDev} (${cidrDev}) and ${ids.vpcShared} (${cidrShared}), with default association and propagation disabled. The spokes (${ids.vpcApp} and ${ids.vpcDev}) must reach ${ids.vpcShared} but not each other. ${ids.app} cannot reach ${service.name} on ${ids.shared}, TCP port ${service.port}. The security group ${ids.sg} on every instance allows TCP ${service.port} from 10.0.0.0/8. Which single change makes ${ids.app} reach ${ids.shared}, while ${ids.dev} keeps reaching ${ids.shared} and still cannot reach ${ids.app}?`,
      facts: (t) => [
        describeVpc(t, ids.vpcApp),
        describeVpc(t, ids.vpcDev),
        describeVpc(t, ids.vpcShared),
        describeTgwAttachment(t, ids.attachApp),
        describeTgwAttachment(t, ids.attachDev),
        describeTgwAttachment(t, ids.attachShared),
        describeTgwRouteTable(t, ids.rtbSpokes),
        describeTgwRouteTable(t, ids.rtbShared),
        describeRouteTable(t, ids.vpcRtbApp),
        describeRouteTable(t, ids.vpcRtbDev),
        describeRouteTable(t, ids.vpcRtbShared),
      ],
      flow: { label: `${ids.app} to ${ids.shared} on TCP ${service.port}`, flow: { kind: "packet", source: ids.app, destination: ids.shared, protocol: "tcp", destinationPort: service.port, sourcePort: clientPort } },
      keep: [
        { label: `${ids.dev} to ${ids.shared} on TCP ${service.port} keeps working`, mustWork: true, flow: { kind: "packet", source: ids.dev, destination: ids.shared, protocol: "tcp", destinationPort: service.port } },
        { label: `${ids.dev} to ${ids.app} on TCP ${service.port} stays blocked`, mustWork: false, flow: { kind: "packet", source: ids.dev, destination: ids.app, protocol: "tcp", destinationPort: service.port } },
      ],
      options: [pool.correct, ...rng.pickMany(pool.distractors, 3)],
    };
  },
});
