import { network } from "@/lib/network/testing/builder";
import { describeInstance, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { defineTemplate, type FlowDraft } from "@/lib/questions/generated/template";
import type { PacketFlow } from "@/lib/questions/generated/types";
import { APP_NAMES, APP_SERVICES, DATABASE_SERVICES, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * A security group rule that names another group allows traffic from the network interfaces
 * that belong to that group, wherever they sit: not from their subnet, and not from other
 * instances in the same subnet. An instance with several groups gets the union of their rules.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing
 */
export const securityGroupReferences = defineTemplate({
  id: "security-group-references",
  title: "Three tiers chained by security group references: which connections are allowed?",
  kind: "choose-two",
  lesson: "security-groups-and-network-acls",
  section: "security-groups-stateful-allow-only-per-interface",
  task: "4.1",
  difficulty: "medium",
  docs: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing", "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html"],
  teaches: ["ENI_SG_RULES_MISMATCH"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const db = rng.pick(DATABASE_SERVICES);
    const api = rng.pick(APP_SERVICES);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [webThird = 1, appThird = 2, dbThird = 3, reportsThird = 4] = subnetThirds(rng, 4);
    const subnet = { web: subnetBlock(vpcCidr, webThird), app: subnetBlock(vpcCidr, appThird), db: subnetBlock(vpcCidr, dbThird), reports: subnetBlock(vpcCidr, reportsThird) };
    const [hw = 10, ha = 11, hb = 12, hd = 13, hr = 14, ho = 15] = hosts(rng, 6);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnetWeb: resourceId(rng, "subnet", "web"),
      subnetApp: resourceId(rng, "subnet", "app"),
      subnetDb: resourceId(rng, "subnet", "db"),
      subnetReports: resourceId(rng, "subnet", "reports"),
      sgWeb: resourceId(rng, "sg", "web"),
      sgApp: resourceId(rng, "sg", "app"),
      sgDb: resourceId(rng, "sg", "db"),
      sgBatch: resourceId(rng, "sg", "batch"),
      sgOps: resourceId(rng, "sg", "ops"),
      web: resourceId(rng, "i", "web"),
      app: resourceId(rng, "i", "app"),
      batch: resourceId(rng, "i", "batch"),
      db: resourceId(rng, "i", "db"),
      reports: resourceId(rng, "i", "reports"),
      ops: resourceId(rng, "i", "ops"),
    };
    // Variations: the database also admits the reporting subnet by CIDR; the app tier's
    // outbound rules are narrowed to the database tier.
    const reportsByCidr = rng.chance(0.5);
    const appEgressNarrow = rng.chance(0.5);

    const topology = network()
      .vpc(ids.vpc, vpcCidr)
      .subnet(ids.subnetWeb, ids.vpc, subnet.web)
      .subnet(ids.subnetApp, ids.vpc, subnet.app)
      .subnet(ids.subnetDb, ids.vpc, subnet.db)
      .subnet(ids.subnetReports, ids.vpc, subnet.reports)
      .routeTable(resourceId(rng, "rtb", "main"), ids.vpc, { main: true })
      .securityGroup(ids.sgWeb, { inbound: ["tcp 443 0.0.0.0/0"] })
      .securityGroup(ids.sgApp, { inbound: [`tcp ${api.port} ${ids.sgWeb}`], ...(appEgressNarrow ? { outbound: [`tcp ${db.port} ${ids.sgDb}`] } : {}) })
      .securityGroup(ids.sgDb, { inbound: [`tcp ${db.port} ${ids.sgApp}`, ...(reportsByCidr ? [`tcp ${db.port} ${subnet.reports}`] : [])] })
      .securityGroup(ids.sgBatch, {})
      .securityGroup(ids.sgOps, {})
      .instance(ids.web, ids.subnetWeb, hostIn(subnet.web, hw), { groups: [ids.sgWeb] })
      .instance(ids.app, ids.subnetApp, hostIn(subnet.app, ha), { groups: [ids.sgApp] })
      .instance(ids.batch, ids.subnetApp, hostIn(subnet.app, hb), { groups: [ids.sgBatch] })
      .instance(ids.db, ids.subnetDb, hostIn(subnet.db, hd), { groups: [ids.sgDb] })
      .instance(ids.reports, ids.subnetReports, hostIn(subnet.reports, hr), { groups: [ids.sgBatch] })
      .instance(ids.ops, ids.subnetReports, hostIn(subnet.reports, ho), { groups: [ids.sgOps, ids.sgApp] })
      .toJSON();

    const flow = (source: string, destination: string, port: number): PacketFlow => ({ kind: "packet", source, destination, protocol: "tcp", destinationPort: port });
    const option = (source: string, destination: string, port: number, note?: string): FlowDraft => ({ text: `${source} to ${destination} on TCP ${port}`, flow: flow(source, destination, port), ...(note ? { note } : {}) });
    const allowed: FlowDraft[] = [
      option(ids.app, ids.db, db.port),
      option(ids.web, ids.app, api.port),
      option(ids.ops, ids.db, db.port, `${ids.ops} carries ${ids.sgApp} among its groups, and a reference matches any interface in the group.`),
      option(ids.web, ids.ops, api.port, `${ids.ops} is in ${ids.sgApp}, which admits TCP ${api.port} from ${ids.sgWeb}.`),
      ...(reportsByCidr ? [option(ids.reports, ids.db, db.port, `${ids.sgDb} also allows ${subnet.reports} by CIDR, whatever group the sender has.`)] : []),
      appEgressNarrow
        ? option(ids.ops, ids.web, 443, `An instance's outbound rules are the union of its groups' rules: ${ids.sgOps} still allows all outbound traffic.`)
        : option(ids.app, ids.web, 443),
    ];
    const blocked: FlowDraft[] = [
      option(ids.batch, ids.db, db.port, `${ids.batch} sits in the same subnet as ${ids.app}, but a security group reference matches group membership, not subnets.`),
      option(ids.web, ids.db, db.port),
      option(ids.app, ids.db, 22),
      option(ids.db, ids.app, api.port, `${ids.sgApp} admits TCP ${api.port} only from ${ids.sgWeb}; the database's own group is not referenced.`),
      ...(reportsByCidr ? [] : [option(ids.reports, ids.db, db.port)]),
      ...(appEgressNarrow ? [option(ids.app, ids.web, 443, `Security groups filter outbound traffic too: ${ids.sgApp} now allows only TCP ${db.port} to ${ids.sgDb}.`)] : []),
    ];
    return {
      kind: "choose-two",
      topology,
      stem: `A three-tier application in ${ids.vpc} (${vpcCidr}) chains its tiers with security group references: ${ids.sgApp} admits ${api.name} (TCP ${api.port}) from ${ids.sgWeb}, and ${ids.sgDb} admits ${db.name} (TCP ${db.port}) from ${ids.sgApp}. All subnets use the default network ACL and the main route table. Given the instances and security groups below, which of these connections succeed? (Choose two.)`,
      facts: (t) => [
        ...[ids.web, ids.app, ids.batch, ids.db, ids.reports, ids.ops].map((i) => describeInstance(t, i)),
        ...[ids.sgWeb, ids.sgApp, ids.sgDb, ids.sgBatch, ids.sgOps].map((g) => describeSecurityGroup(t, g)),
      ],
      options: [...rng.pickMany(allowed, 2), ...rng.pickMany(blocked, 3)],
    };
  },
});
