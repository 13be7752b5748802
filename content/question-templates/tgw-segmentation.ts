import { network } from "@/lib/network/testing/builder";
import { describeTgwAttachment, describeTgwRouteTable, describeVpc } from "@/lib/questions/generated/describe";
import { defineTemplate, type FlowDraft } from "@/lib/questions/generated/template";
import { APP_SERVICES, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * Segmentation with transit gateway route tables: each attachment is routed by the one table
 * it is associated with, and reaches only the CIDRs propagated (or statically routed) into it.
 * A flow works only if both directions find a route: the reply is routed by the destination's
 * association. Blackhole routes drop on purpose; an attachment with no association has no routes.
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html
 * https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-isolated-shared.html
 */
export const tgwSegmentation = defineTemplate({
  id: "tgw-segmentation",
  title: "Prod, dev and shared services behind one transit gateway: which flows are allowed?",
  kind: "choose-two",
  lesson: "transit-gateway",
  section: "a-segmented-example",
  task: "1.6",
  difficulty: "hard",
  docs: ["https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html", "https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-isolated-shared.html"],
  teaches: ["NO_ROUTE_TO_DESTINATION", "BAD_STATE_ROUTE", "TGW_RTB_NOT_ASSOCIATED"],
  build(rng) {
    const [cidrProd1 = "", cidrProd2 = "", cidrDev = "", cidrShared = ""] = vpcBlocks(rng, 4);
    const [third = 1] = subnetThirds(rng, 1);
    const [h1 = 10, h2 = 20, h3 = 30, h4 = 40] = hosts(rng, 4);
    const service = rng.pick(APP_SERVICES);
    const names = ["prod1", "prod2", "dev", "shared"] as const;
    type Name = (typeof names)[number];
    const cidr: Record<Name, string> = { prod1: cidrProd1, prod2: cidrProd2, dev: cidrDev, shared: cidrShared };
    const host: Record<Name, number> = { prod1: h1, prod2: h2, dev: h3, shared: h4 };
    const vpc = Object.fromEntries(names.map((n) => [n, resourceId(rng, "vpc", n)])) as Record<Name, string>;
    const attach = Object.fromEntries(names.map((n) => [n, resourceId(rng, "tgw-attach", n)])) as Record<Name, string>;
    const instance = Object.fromEntries(names.map((n) => [n, resourceId(rng, "i", n)])) as Record<Name, string>;
    const tgw = resourceId(rng, "tgw", "hub");
    const rtb = { prod: resourceId(rng, "tgw-rtb", "prod"), dev: resourceId(rng, "tgw-rtb", "dev"), shared: resourceId(rng, "tgw-rtb", "shared") };
    const sg = resourceId(rng, "sg", "internal");
    const prodMesh = rng.chance(0.5);
    // What is misconfigured, if anything: a dev shortcut to prod1, a forgotten association, a
    // missing propagation, or a deliberate blackhole.
    const mistake = rng.pick(["none", "shortcut", "unassociated", "no-shared-route", "blackhole"] as const);

    const builder = network();
    for (const n of names) {
      builder
        .vpc(vpc[n], cidr[n])
        .subnet(`subnet-${vpc[n].slice(4)}`, vpc[n], subnetBlock(cidr[n], third))
        .routeTable(`rtb-${vpc[n].slice(4)}`, vpc[n], { main: true, routes: { "10.0.0.0/8": tgw } })
        .instance(instance[n], `subnet-${vpc[n].slice(4)}`, hostIn(subnetBlock(cidr[n], third), host[n]), { groups: [sg] });
    }
    const association = (n: Name) => (n === "dev" ? rtb.dev : n === "shared" ? rtb.shared : mistake === "unassociated" && n === "prod2" ? undefined : rtb.prod);
    builder.transitGateway(tgw).securityGroup(sg, { inbound: [`tcp ${service.port} 10.0.0.0/8`] });
    for (const n of names) {
      const table = association(n);
      builder.tgwAttachment(attach[n], tgw, "vpc", vpc[n], { subnets: [`subnet-${vpc[n].slice(4)}`], ...(table ? { routeTable: table } : {}) });
    }
    const topology = builder
      .tgwRouteTable(rtb.prod, tgw, { propagations: [attach.shared, ...(prodMesh ? [attach.prod1, attach.prod2] : [])] })
      .tgwRouteTable(rtb.dev, tgw, {
        propagations: mistake === "no-shared-route" ? [] : [attach.shared],
        routes: mistake === "shortcut" ? { [cidrProd1]: attach.prod1 } : mistake === "blackhole" ? { [cidrProd1]: "blackhole" } : {},
      })
      .tgwRouteTable(rtb.shared, tgw, { propagations: [attach.prod1, attach.prod2, attach.dev] })
      .toJSON();

    // What the configuration should allow, so the template offers two allowed flows and three
    // blocked ones; the evaluator has the last word (a variant where it disagrees is rejected).
    const reaches = (from: Name, to: Name): boolean => {
      const routes = (table: string | undefined): Name[] => {
        if (table === rtb.shared) return ["prod1", "prod2", "dev"];
        if (table === rtb.prod) return prodMesh ? ["shared", "prod1", "prod2"] : ["shared"];
        if (table === rtb.dev) return [...(mistake === "no-shared-route" ? [] : (["shared"] as Name[])), ...(mistake === "shortcut" ? (["prod1"] as Name[]) : [])];
        return [];
      };
      return routes(association(from)).includes(to) && routes(association(to)).includes(from);
    };
    const pairs: [Name, Name][] = [
      ["prod1", "shared"], ["prod2", "shared"], ["dev", "shared"], ["shared", "prod1"], ["shared", "dev"], ["shared", "prod2"],
      ["prod1", "prod2"], ["prod1", "dev"], ["dev", "prod1"], ["dev", "prod2"], ["prod2", "dev"],
    ];
    const flow = ([from, to]: [Name, Name]): FlowDraft => ({
      text: `${instance[from]} (${vpc[from]}) to ${instance[to]} (${vpc[to]}) on TCP ${service.port}`,
      flow: { kind: "packet", source: instance[from], destination: instance[to], protocol: "tcp", destinationPort: service.port },
    });
    const allowed = pairs.filter(([a, b]) => reaches(a, b));
    const blocked = pairs.filter(([a, b]) => !reaches(a, b));
    // The pairs the variant's mistake touches are the ones worth asking about.
    const touched = (p: [Name, Name]) => (mistake === "shortcut" || mistake === "blackhole" ? p.includes("dev") && p.includes("prod1") : mistake === "unassociated" ? p.includes("prod2") : mistake === "no-shared-route" ? p.includes("dev") && p.includes("shared") : false);
    const blockedFirst = [...rng.shuffle(blocked.filter(touched)), ...rng.shuffle(blocked.filter((p) => !touched(p)))];
    return {
      kind: "choose-two",
      topology,
      stem: `Transit gateway ${tgw} connects two production VPCs, a development VPC and a shared-services VPC, with default association and propagation disabled. Every VPC route table sends 10.0.0.0/8 to ${tgw}, and the security group ${sg} on every instance allows TCP ${service.port} from 10.0.0.0/8. Given the attachments and transit gateway route tables below, which of these connections succeed? (Choose two.)`,
      facts: (t) => [...names.map((n) => describeVpc(t, vpc[n])), ...names.map((n) => describeTgwAttachment(t, attach[n])), describeTgwRouteTable(t, rtb.prod), describeTgwRouteTable(t, rtb.dev), describeTgwRouteTable(t, rtb.shared)],
      options: [...rng.pickMany(allowed, 2), ...blockedFirst.slice(0, 3)].map(flow),
    };
  },
});
