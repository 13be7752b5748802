import { network } from "@/lib/network/testing/builder";
import { describeFlowLog, describeNatGateway, describeRouteTable, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { recordField, withFields } from "@/lib/questions/generated/flow-log-fields";
import { defineTemplate, type RecordDraft } from "@/lib/questions/generated/template";
import { APP_NAMES, accountId, hostIn, hosts, internetAddress, publicAddress, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * A private instance talks to the internet through a NAT gateway. Its own interface's flow-log
 * records show its private address and the internet host's address: the NAT gateway translates
 * the source later, on its own interface. A request its security group refuses is logged as
 * REJECT on the way out, with no reply.
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-records-examples.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
 */
export const flowLogNatRecords = defineTemplate({
  id: "flow-log-nat-records",
  title: "A private instance calls out through a NAT gateway: what does its flow log show?",
  kind: "flow-log-record",
  lesson: "vpc-flow-logs",
  section: "the-default-record-field-by-field",
  task: "3.2",
  difficulty: "hard",
  docs: ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html", "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-records-examples.html", "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html"],
  teaches: ["ENI_SG_RULES_MISMATCH"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const account = accountId(rng);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [publicThird = 1, privateThird = 2] = subnetThirds(rng, 2);
    const subnets = { public: subnetBlock(vpcCidr, publicThird), private: subnetBlock(vpcCidr, privateThird) };
    const [natHost = 10, appHost = 20] = hosts(rng, 2);
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnetPublic: resourceId(rng, "subnet", "public"),
      subnetPrivate: resourceId(rng, "subnet", "private"),
      igw: resourceId(rng, "igw", app),
      nat: `nat-0${rng.hex(16)}`,
      rtbPublic: resourceId(rng, "rtb", "public"),
      rtbPrivate: resourceId(rng, "rtb", "private"),
      sg: resourceId(rng, "sg", "worker"),
      instance: resourceId(rng, "i", "worker"),
      eni: `eni-0${rng.hex(16)}`,
      flowLog: `fl-0${rng.hex(16)}`,
    };
    const natPrivate = hostIn(subnets.public, natHost);
    const elasticIp = publicAddress(rng);
    const appIp = hostIn(subnets.private, appHost);
    const destination = internetAddress(rng);
    const allowedPort = rng.pick([443, 80]);
    const port = rng.chance(0.6) ? allowedPort : rng.pick([22, 21, 25, 8080]);
    const accepted = port === allowedPort;
    const sourcePort = rng.int(32768, 61000);
    const trafficType = rng.chance(0.6) ? "ALL" : accepted ? "ACCEPT" : "REJECT";
    const start = 1_700_000_000 + rng.int(0, 60_000_000);
    const packets = rng.int(1, 20);
    const capture = { flowLogId: ids.flowLog, start, end: start + 60, packets, bytes: packets * rng.int(52, 1400) };

    const topology = network()
      .vpc(ids.vpc, vpcCidr, { ownerId: account })
      .subnet(ids.subnetPublic, ids.vpc, subnets.public)
      .subnet(ids.subnetPrivate, ids.vpc, subnets.private)
      .internetGateway(ids.igw, ids.vpc)
      .natGateway(ids.nat, ids.subnetPublic, { privateIp: natPrivate, publicIp: elasticIp })
      .routeTable(ids.rtbPublic, ids.vpc, { subnets: [ids.subnetPublic], routes: { "0.0.0.0/0": ids.igw } })
      .routeTable(ids.rtbPrivate, ids.vpc, { subnets: [ids.subnetPrivate], routes: { "0.0.0.0/0": ids.nat } })
      .securityGroup(ids.sg, { outbound: [`tcp ${allowedPort} 0.0.0.0/0`] })
      // The instance names its subnet and address for the diagram; the evaluator uses the interface attached to it.
      .with("instances", { instanceId: ids.instance, subnetId: ids.subnetPrivate, privateIpAddress: appIp, securityGroupIds: [ids.sg] })
      .with("networkInterfaces", { networkInterfaceId: ids.eni, subnetId: ids.subnetPrivate, vpcId: ids.vpc, privateIpAddress: appIp, securityGroupIds: [ids.sg], attachment: { instanceId: ids.instance, deviceIndex: 0 } })
      // On the instance's interface or its private subnet only: the NAT gateway's own interface is not part of the question.
      .with("flowLogs", { flowLogId: ids.flowLog, resourceId: rng.chance(0.5) ? ids.eni : ids.subnetPrivate, trafficType })
      .toJSON();

    const flow = { kind: "packet" as const, source: ids.instance, destination: "internet", destinationIp: destination, protocol: "tcp" as const, destinationPort: port, sourcePort };
    return {
      kind: "flow-log-record",
      topology,
      stem: `Instance ${ids.instance} (network interface ${ids.eni}, private IP ${appIp}) in private subnet ${ids.subnetPrivate} reaches the internet through NAT gateway ${ids.nat}, whose Elastic IP is ${elasticIp}. It opens a TCP connection from source port ${sourcePort} to ${destination} on port ${port}. Flow log ${ids.flowLog} is published in the default format. Which of these records does it contain for this connection?`,
      facts: (t) => [
        `Instance ${ids.instance}: network interface ${ids.eni} in ${ids.subnetPrivate} (${subnets.private}), private IP ${appIp}, security group ${ids.sg}.`,
        describeSecurityGroup(t, ids.sg),
        describeNatGateway(t, ids.nat),
        describeRouteTable(t, ids.rtbPrivate),
        describeRouteTable(t, ids.rtbPublic),
        `Both subnets use the default network ACL (all traffic allowed). Account ${account}.`,
        describeFlowLog(t, ids.flowLog),
      ],
      flow: { label: `${ids.instance}:${sourcePort} to ${destination} on TCP ${port}`, flow },
      capture,
      options: (records) => {
        const key = rng.pick(records);
        const line = key.line;
        const fromInstance = recordField(line, "srcaddr") === appIp;
        const own = fromInstance ? "srcaddr" : "dstaddr";
        const variant = (record: string, note: string): RecordDraft => ({ text: record, record, note });
        const mutations: RecordDraft[] = [
          variant(withFields(line, { [own]: elasticIp }), `${elasticIp} is the NAT gateway's Elastic IP: the translation happens on the NAT gateway, after the packet has left ${ids.eni}, so this interface's records show ${appIp}.`),
          variant(withFields(line, { [own]: natPrivate }), `${natPrivate} is the NAT gateway's private address; it appears in the NAT gateway's own records, not in those of ${ids.eni}.`),
          variant(withFields(line, { action: key.action === "ACCEPT" ? "REJECT" : "ACCEPT" }), `The action is the security group's decision: ${ids.sg} allows outbound TCP ${allowedPort} only.`),
          variant(withFields(line, { srcport: recordField(line, "dstport"), dstport: recordField(line, "srcport") }), "srcport is the sender's port: the instance's ephemeral port on the request, the service port on the reply."),
          variant(withFields(line, { protocol: 17 }), "The protocol field holds the IANA number: 6 for TCP, 17 for UDP."),
        ];
        if (!accepted) {
          const reply = withFields(line, { srcaddr: destination, dstaddr: appIp, srcport: port, dstport: sourcePort });
          mutations.push(variant(reply, "A request the security group rejects on the way out never reaches the internet, so no reply comes back."));
        }
        return [{ text: line, record: line }, ...rng.pickMany(mutations, 3)];
      },
    };
  },
});
