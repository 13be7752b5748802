import { network } from "@/lib/network/testing/builder";
import { addAclRule, addSecurityGroupRule } from "@/lib/questions/generated/changes";
import { describeInstance, describeNetworkAcl, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { checkpointOptions, defineTemplate, type Checkpoint } from "@/lib/questions/generated/template";
import { APP_NAMES, DATABASE_SERVICES, ephemeralPort, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * One connection between two subnets meets six filters in a fixed order: the client's
 * security group (outbound), its subnet's network ACL (outbound), the server subnet's ACL
 * (inbound), the server's security group (inbound), then, for the reply, the server subnet's
 * ACL (outbound) and the client subnet's ACL (inbound). Security groups are stateful and skip
 * the reply; network ACLs are stateless and check it. The variant breaks one to three of them.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
 */
export const sgNaclFirstBlock = defineTemplate({
  id: "sg-nacl-first-block",
  title: "App to database across two subnets: which filter drops it first?",
  kind: "first-block",
  lesson: "security-groups-and-network-acls",
  section: "following-one-packet",
  task: "3.1",
  difficulty: "hard",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html",
  ],
  teaches: ["SUBNET_ACL_RESTRICTION", "ENI_SG_RULES_MISMATCH"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const service = rng.pick(DATABASE_SERVICES);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [appThird = 1, dbThird = 2, otherThird = 3] = subnetThirds(rng, 3);
    const appSubnet = subnetBlock(vpcCidr, appThird);
    const dbSubnet = subnetBlock(vpcCidr, dbThird);
    const otherSubnet = subnetBlock(vpcCidr, otherThird);
    const [appHost = 10, dbHost = 20] = hosts(rng, 2);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnetApp: resourceId(rng, "subnet", "app"),
      subnetDb: resourceId(rng, "subnet", "db"),
      aclApp: resourceId(rng, "acl", "app"),
      aclDb: resourceId(rng, "acl", "db"),
      sgApp: resourceId(rng, "sg", "app"),
      sgDb: resourceId(rng, "sg", "db"),
      sgReports: resourceId(rng, "sg", "reports"),
      app: resourceId(rng, "i", "app"),
      db: resourceId(rng, "i", "db"),
    };
    const clientPort = ephemeralPort(rng, "linux");
    const port = service.port;
    const breaks = new Set(rng.pickMany([0, 1, 2, 3, 4, 5], rng.int(1, 3)));
    const broken = (i: number) => breaks.has(i);

    const topology = network()
      .vpc(ids.vpc, vpcCidr)
      .subnet(ids.subnetApp, ids.vpc, appSubnet)
      .subnet(ids.subnetDb, ids.vpc, dbSubnet)
      .routeTable(resourceId(rng, "rtb", "private"), ids.vpc, { main: true })
      .securityGroup(ids.sgApp, broken(0) ? { outbound: [`tcp 443 0.0.0.0/0`] } : {})
      .securityGroup(ids.sgReports, {})
      .securityGroup(ids.sgDb, { inbound: [broken(3) ? `tcp ${port} ${ids.sgReports}` : `tcp ${port} ${ids.sgApp}`] })
      .networkAcl(ids.aclApp, ids.vpc, {
        subnets: [ids.subnetApp],
        rules: [
          broken(1) ? `100 allow out tcp 443 0.0.0.0/0` : `100 allow out tcp ${port} ${dbSubnet}`,
          broken(5) ? `100 allow in tcp ${port} ${dbSubnet}` : `100 allow in tcp 1024-65535 ${dbSubnet}`,
        ],
      })
      .networkAcl(ids.aclDb, ids.vpc, {
        subnets: [ids.subnetDb],
        rules: [
          broken(2) ? `100 allow in tcp ${port} ${otherSubnet}` : `100 allow in tcp ${port} ${appSubnet}`,
          broken(4) ? `100 allow out tcp ${port} ${appSubnet}` : `100 allow out tcp 1024-65535 ${appSubnet}`,
        ],
      })
      .instance(ids.app, ids.subnetApp, hostIn(appSubnet, appHost), { groups: [ids.sgApp] })
      .instance(ids.db, ids.subnetDb, hostIn(dbSubnet, dbHost), { groups: [ids.sgDb] })
      .toJSON();

    const checkpoints: Checkpoint[] = [
      {
        text: `Security group ${ids.sgApp}, on the request leaving ${ids.app}`,
        claim: { works: false, blockedBy: ids.sgApp, leg: "forward" },
        broken: broken(0),
        repair: { text: `${ids.sgApp} allows TCP ${port} out`, change: addSecurityGroupRule(ids.sgApp, "outbound", `tcp ${port} ${dbSubnet}`) },
      },
      {
        text: `Network ACL ${ids.aclApp}, on the request leaving ${ids.subnetApp}`,
        claim: { works: false, blockedBy: ids.aclApp, leg: "forward" },
        broken: broken(1),
        repair: { text: `${ids.aclApp} allows TCP ${port} out`, change: addAclRule(ids.aclApp, `110 allow out tcp ${port} ${dbSubnet}`) },
      },
      {
        text: `Network ACL ${ids.aclDb}, on the request entering ${ids.subnetDb}`,
        claim: { works: false, blockedBy: ids.aclDb, leg: "forward" },
        broken: broken(2),
        repair: { text: `${ids.aclDb} allows TCP ${port} in from ${appSubnet}`, change: addAclRule(ids.aclDb, `110 allow in tcp ${port} ${appSubnet}`) },
      },
      {
        text: `Security group ${ids.sgDb}, on the request reaching ${ids.db}`,
        claim: { works: false, blockedBy: ids.sgDb, leg: "forward" },
        broken: broken(3),
        repair: { text: `${ids.sgDb} allows TCP ${port} from ${ids.sgApp}`, change: addSecurityGroupRule(ids.sgDb, "inbound", `tcp ${port} ${ids.sgApp}`) },
      },
      {
        text: `Network ACL ${ids.aclDb}, on the reply leaving ${ids.subnetDb}`,
        claim: { works: false, blockedBy: ids.aclDb, leg: "return" },
        broken: broken(4),
        repair: { text: `${ids.aclDb} allows the reply out to ports 1024-65535`, change: addAclRule(ids.aclDb, `110 allow out tcp 1024-65535 ${appSubnet}`) },
        note: "A network ACL is stateless: the reply to the client's ephemeral port needs its own outbound rule.",
      },
      {
        text: `Network ACL ${ids.aclApp}, on the reply entering ${ids.subnetApp}`,
        claim: { works: false, blockedBy: ids.aclApp, leg: "return" },
        broken: broken(5),
        repair: { text: `${ids.aclApp} allows the reply in to ports 1024-65535`, change: addAclRule(ids.aclApp, `110 allow in tcp 1024-65535 ${dbSubnet}`) },
        note: "A network ACL is stateless: the reply arrives on the client's ephemeral port, not on the database port.",
      },
    ];
    const { options, repairs } = checkpointOptions(rng, checkpoints);
    return {
      kind: "first-block",
      topology,
      stem: `Instance ${ids.app} in ${ids.subnetApp} (${appSubnet}) cannot use the ${service.name} database on ${ids.db} in ${ids.subnetDb} (${dbSubnet}): a connection to TCP port ${port}, from source port ${clientPort}, times out. Both subnets use the VPC's main route table, whose local route covers ${vpcCidr}. The security groups and network ACLs are below. Where is the traffic dropped first?`,
      facts: (t) => [describeInstance(t, ids.app), describeInstance(t, ids.db), describeSecurityGroup(t, ids.sgApp), describeSecurityGroup(t, ids.sgDb), describeNetworkAcl(t, ids.aclApp), describeNetworkAcl(t, ids.aclDb)],
      flow: { label: `${ids.app}:${clientPort} to ${ids.db} on TCP ${port}`, flow: { kind: "packet", source: ids.app, destination: ids.db, protocol: "tcp", destinationPort: port, sourcePort: clientPort } },
      options,
      repairs,
    };
  },
});
