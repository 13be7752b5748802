import { network } from "@/lib/network/testing/builder";
import { describeFlowLog, describeRouteTable, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { recordField, withFields } from "@/lib/questions/generated/flow-log-fields";
import { defineTemplate, type RecordDraft } from "@/lib/questions/generated/template";
import { APP_NAMES, accountId, hostIn, hosts, internetAddress, publicAddress, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * What a flow log writes for a connection attempt from the internet: one record per direction
 * and interface, with the interface's private address (the internet gateway has already
 * translated the public one), the sender's address and port first, the IANA protocol number,
 * and ACCEPT or REJECT from the security group's decision. A rejected request has no reply.
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-records-examples.html
 */
export const flowLogInboundRecords = defineTemplate({
  id: "flow-log-inbound-records",
  title: "A connection from the internet: which flow-log record appears?",
  kind: "flow-log-record",
  lesson: "vpc-flow-logs",
  section: "reading-accept-and-reject",
  task: "4.2",
  difficulty: "medium",
  docs: ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html", "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-records-examples.html"],
  teaches: ["ENI_SG_RULES_MISMATCH"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const account = accountId(rng);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [third = 1] = subnetThirds(rng, 1);
    const subnet = subnetBlock(vpcCidr, third);
    const [hostWeb = 10, hostAdmin = 20] = hosts(rng, 2);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnet: resourceId(rng, "subnet", "public"),
      igw: resourceId(rng, "igw", app),
      rtb: resourceId(rng, "rtb", "public"),
      sg: resourceId(rng, "sg", "web"),
      web: resourceId(rng, "i", "web"),
      admin: resourceId(rng, "i", "bastion"),
      eniWeb: `eni-0${rng.hex(16)}`,
      eniAdmin: `eni-0${rng.hex(16)}`,
      flowLog: `fl-0${rng.hex(16)}`,
    };
    const privateIp = hostIn(subnet, hostWeb);
    const publicIp = publicAddress(rng);
    const open = rng.pick([443, 80]);
    const port = rng.chance(0.5) ? open : rng.pick([22, 3389, 8080, 3306]);
    const client = internetAddress(rng);
    const clientPort = rng.int(49152, 65535);
    const accepted = port === open;
    const scope = rng.pick(["eni", "subnet", "vpc"] as const);
    const trafficType = rng.chance(0.6) ? "ALL" : accepted ? "ACCEPT" : "REJECT";
    const start = 1_700_000_000 + rng.int(0, 60_000_000);
    const packets = rng.int(1, 12);
    const capture = { flowLogId: ids.flowLog, start, end: start + 60, packets, bytes: packets * rng.int(52, 1400) };

    const topology = network()
      .vpc(ids.vpc, vpcCidr, { ownerId: account })
      .subnet(ids.subnet, ids.vpc, subnet)
      .internetGateway(ids.igw, ids.vpc)
      .routeTable(ids.rtb, ids.vpc, { subnets: [ids.subnet], routes: { "0.0.0.0/0": ids.igw } })
      .securityGroup(ids.sg, { inbound: [`tcp ${open} 0.0.0.0/0`] })
      // The instances name their subnet and addresses for the diagram; the evaluator uses the interfaces attached to them.
      .with("instances", { instanceId: ids.web, subnetId: ids.subnet, privateIpAddress: privateIp, publicIpAddress: publicIp, securityGroupIds: [ids.sg] }, { instanceId: ids.admin, subnetId: ids.subnet, privateIpAddress: hostIn(subnet, hostAdmin), securityGroupIds: [ids.sg] })
      .with(
        "networkInterfaces",
        { networkInterfaceId: ids.eniWeb, subnetId: ids.subnet, vpcId: ids.vpc, privateIpAddress: privateIp, association: { publicIp }, securityGroupIds: [ids.sg], attachment: { instanceId: ids.web, deviceIndex: 0 } },
        { networkInterfaceId: ids.eniAdmin, subnetId: ids.subnet, vpcId: ids.vpc, privateIpAddress: hostIn(subnet, hostAdmin), securityGroupIds: [ids.sg], attachment: { instanceId: ids.admin, deviceIndex: 0 } },
      )
      .with("flowLogs", { flowLogId: ids.flowLog, resourceId: scope === "eni" ? ids.eniWeb : scope === "subnet" ? ids.subnet : ids.vpc, trafficType })
      .toJSON();

    const flow = { kind: "packet" as const, source: "internet", sourceIp: client, destination: ids.web, protocol: "tcp" as const, destinationPort: port, sourcePort: clientPort };
    return {
      kind: "flow-log-record",
      topology,
      stem: `A client at ${client} opens a TCP connection from source port ${clientPort} to ${publicIp}, the public IPv4 address of instance ${ids.web} (network interface ${ids.eniWeb}, private IP ${privateIp}), on port ${port}. Flow log ${ids.flowLog} is published in the default format. Which of these records does it contain for this connection attempt?`,
      facts: (t) => [
        `Instance ${ids.web}: network interface ${ids.eniWeb} in ${ids.subnet} (${subnet}), private IP ${privateIp}, public IP ${publicIp}, security group ${ids.sg}.`,
        `Instance ${ids.admin}: network interface ${ids.eniAdmin} in ${ids.subnet}, private IP ${hostIn(subnet, hostAdmin)}, security group ${ids.sg}.`,
        describeSecurityGroup(t, ids.sg),
        describeRouteTable(t, ids.rtb),
        `The subnet uses the default network ACL (all traffic allowed). Account ${account}.`,
        describeFlowLog(t, ids.flowLog),
      ],
      flow: { label: `${client}:${clientPort} to ${ids.web} (${publicIp}) on TCP ${port}`, flow },
      capture,
      options: (records) => {
        const key = rng.pick(records);
        const line = key.line;
        const toInstance = recordField(line, "dstaddr") === privateIp;
        const mutations: RecordDraft[] = [
          {
            text: toInstance ? withFields(line, { dstaddr: publicIp }) : withFields(line, { srcaddr: publicIp }),
            record: toInstance ? withFields(line, { dstaddr: publicIp }) : withFields(line, { srcaddr: publicIp }),
            note: "The internet gateway translates between the public and the private address outside the interface, so records on the interface show its private IPv4 address.",
          },
          { text: withFields(line, { action: key.action === "ACCEPT" ? "REJECT" : "ACCEPT" }), record: withFields(line, { action: key.action === "ACCEPT" ? "REJECT" : "ACCEPT" }), note: `The action is the security group's and network ACL's decision, here the evaluator's verdict on TCP ${port}.` },
          { text: withFields(line, { srcport: recordField(line, "dstport"), dstport: recordField(line, "srcport") }), record: withFields(line, { srcport: recordField(line, "dstport"), dstport: recordField(line, "srcport") }), note: "srcport is the sender's port: the client's ephemeral port on the request, the service port on the reply." },
          { text: withFields(line, { protocol: 17 }), record: withFields(line, { protocol: 17 }), note: "The protocol field holds the IANA number: 6 for TCP, 17 for UDP." },
          { text: withFields(line, { "interface-id": ids.eniAdmin }), record: withFields(line, { "interface-id": ids.eniAdmin }), note: `Records are written for the interface the traffic crossed, ${ids.eniWeb}.` },
        ];
        if (!accepted) {
          const reply = withFields(line, { srcaddr: privateIp, dstaddr: client, srcport: port, dstport: clientPort });
          mutations.push({ text: reply, record: reply, note: "A request the security group rejects gets no reply, so there is no record of one." });
        }
        return [{ text: line, record: line }, ...rng.pickMany(mutations, 3)];
      },
    };
  },
});
