import { network } from "@/lib/network/testing/builder";
import { addAclRule, addSecurityGroupRule, together } from "@/lib/questions/generated/changes";
import { describeInstance, describeNetworkAcl, describeRouteTable, describeSecurityGroup } from "@/lib/questions/generated/describe";
import { defineTemplate, type ChangeDraft } from "@/lib/questions/generated/template";
import type { KeptFlow } from "@/lib/questions/generated/types";
import { APP_NAMES, WEB_SERVICES, ephemeralPort, hostIn, hosts, publicAddress, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * Network ACLs are stateless: the reply to an allowed request is checked as a new packet, to
 * the client's ephemeral port, in the other direction. The variant either serves clients on the
 * internet (the reply leaves the subnet) or calls out to the internet (the reply enters it).
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html (lowest rule number first, first match wins)
 */

const DOC_RANGES = ["198.51.100", "203.0.113", "192.0.2"] as const;

export const naclEphemeralPorts = defineTemplate({
  id: "nacl-ephemeral-ports",
  title: "A network ACL drops the reply: which rule is missing?",
  kind: "single-change",
  lesson: "security-groups-and-network-acls",
  section: "ephemeral-ports",
  task: "3.1",
  difficulty: "medium",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
  ],
  teaches: ["SUBNET_ACL_RESTRICTION"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const [vpcCidr = ""] = vpcBlocks(rng, 1);
    const [third = 1] = subnetThirds(rng, 1);
    const subnetCidr = subnetBlock(vpcCidr, third);
    const [hostNumber = 10] = hosts(rng, 1);
    const serves = rng.chance(0.5);
    const role = serves ? "web" : "app";
    const ids = {
      vpc: resourceId(rng, "vpc", app),
      subnet: resourceId(rng, "subnet", `public-${role}`),
      igw: resourceId(rng, "igw", app),
      rtb: resourceId(rng, "rtb", "public"),
      acl: resourceId(rng, "acl", role),
      sg: resourceId(rng, "sg", role),
      instance: resourceId(rng, "i", role),
    };
    const [clientRange = "198.51.100", adminRange = "192.0.2"] = rng.pickMany(DOC_RANGES, 2);
    const admin = `${adminRange}.0/24`;
    const adminHost = `${adminRange}.${rng.int(10, 250)}`;
    const outsider = `${clientRange}.${rng.int(10, 125)}`;
    const peer = `${clientRange}.${rng.int(126, 250)}`;
    const explicitDeny = rng.chance(0.35);
    const freeRule = rng.pick([120, 130, 140]);

    const service = serves ? rng.pick(WEB_SERVICES) : { name: "HTTPS", port: 443 };
    const mistake = rng.int(1, 3);
    // The asked flow's source port: where the mistaken rule leaves a gap.
    const windowsClient = serves && (mistake === 2 || rng.chance(0.5));
    const clientPort = serves
      ? mistake === 2 ? rng.int(61001, 65535) : ephemeralPort(rng, windowsClient ? "windows" : "linux")
      : mistake === 3 ? rng.int(32768, 49151) : ephemeralPort(rng, "linux");

    const inbound: string[] = [];
    const outbound: string[] = [];
    if (serves) {
      inbound.push(`100 allow in tcp ${service.port} 0.0.0.0/0`, `110 allow in tcp 22 ${admin}`);
      if (mistake === 1) outbound.push(`100 allow out tcp ${service.port} 0.0.0.0/0`);
      if (mistake === 2) outbound.push(`100 allow out tcp 32768-61000 0.0.0.0/0`);
      outbound.push(`110 allow out tcp 1024-65535 ${admin}`);
    } else {
      outbound.push(`100 allow out tcp 443 0.0.0.0/0`, `110 allow out tcp 1024-65535 ${admin}`);
      inbound.push(`110 allow in tcp 22 ${admin}`);
      if (mistake === 2) inbound.push(`100 allow in tcp 1024-65535 ${vpcCidr}`);
      if (mistake === 3) inbound.push(`100 allow in tcp 49152-65535 0.0.0.0/0`);
    }
    if (explicitDeny) (serves ? outbound : inbound).push(`300 deny ${serves ? "out" : "in"} all * 0.0.0.0/0`);

    const topology = network()
      .vpc(ids.vpc, vpcCidr)
      .subnet(ids.subnet, ids.vpc, subnetCidr)
      .internetGateway(ids.igw, ids.vpc)
      .routeTable(ids.rtb, ids.vpc, { subnets: [ids.subnet], routes: { "0.0.0.0/0": ids.igw } })
      .networkAcl(ids.acl, ids.vpc, { subnets: [ids.subnet], rules: [...inbound, ...outbound] })
      .securityGroup(ids.sg, { inbound: [...(serves ? [`tcp ${service.port} 0.0.0.0/0`] : []), "tcp 22 0.0.0.0/0"] })
      .instance(ids.instance, ids.subnet, hostIn(subnetCidr, hostNumber), { groups: [ids.sg], publicIp: publicAddress(rng) })
      .toJSON();

    const flow = serves
      ? { kind: "packet" as const, source: "internet", sourceIp: peer, destination: ids.instance, protocol: "tcp" as const, destinationPort: service.port, sourcePort: clientPort }
      : { kind: "packet" as const, source: ids.instance, destination: "internet", destinationIp: peer, protocol: "tcp" as const, destinationPort: 443, sourcePort: clientPort };
    const keep: KeptFlow[] = [
      { label: `SSH from ${outsider} on the internet to ${ids.instance} stays blocked`, mustWork: false, flow: { kind: "packet", source: "internet", sourceIp: outsider, destination: ids.instance, protocol: "tcp", destinationPort: 22, sourcePort: ephemeralPort(rng, "linux") } },
      { label: `SSH from the admin host ${adminHost} to ${ids.instance} keeps working`, mustWork: true, flow: { kind: "packet", source: "internet", sourceIp: adminHost, destination: ids.instance, protocol: "tcp", destinationPort: 22, sourcePort: ephemeralPort(rng, "linux") } },
    ];

    // The reply crosses the ACL leaving the subnet when the instance serves, entering it when it calls out.
    const replyWay = serves ? "out" : "in";
    const wrongWay = serves ? "in" : "out";
    const toFrom = (way: string) => (way === "out" ? "to" : "from");
    const range = serves && windowsClient && rng.chance(0.4) ? "49152-65535" : "1024-65535";
    const correct: ChangeDraft = {
      text: `Add ${replyWay}bound rule ${freeRule} to ${ids.acl}: allow TCP ${range} ${toFrom(replyWay)} 0.0.0.0/0.`,
      change: addAclRule(ids.acl, `${freeRule} allow ${replyWay} tcp ${range} 0.0.0.0/0`),
      note: `The reply goes to the ${serves ? "client's" : "instance's"} ephemeral port ${clientPort}, and a network ACL is stateless, so the reply needs its own ${replyWay}bound rule.`,
    };
    const distractors: ChangeDraft[] = [
      {
        text: `Add an ${serves ? "outbound" : "inbound"} rule to ${ids.sg}: allow TCP 1024-65535 ${toFrom(replyWay)} 0.0.0.0/0.`,
        change: addSecurityGroupRule(ids.sg, serves ? "outbound" : "inbound", "tcp 1024-65535 0.0.0.0/0"),
        note: "Security groups are stateful: the reply of a connection the group allowed already passes it; the subnet's network ACL is what drops the reply.",
      },
      {
        text: `Add ${wrongWay}bound rule ${freeRule} to ${ids.acl}: allow TCP 1024-65535 ${toFrom(wrongWay)} 0.0.0.0/0.`,
        change: addAclRule(ids.acl, `${freeRule} allow ${wrongWay} tcp 1024-65535 0.0.0.0/0`),
        note: `That opens the other direction; the packet being dropped is the reply ${serves ? "leaving" : "entering"} the subnet.`,
      },
      {
        text: `Add ${replyWay}bound rule ${freeRule} to ${ids.acl}: allow TCP 1024-65535 ${toFrom(replyWay)} ${vpcCidr}.`,
        change: addAclRule(ids.acl, `${freeRule} allow ${replyWay} tcp 1024-65535 ${vpcCidr}`),
        note: `The reply's other end is ${peer} on the internet, not an address inside the VPC.`,
      },
      {
        text: `Add ${replyWay}bound rule ${freeRule} to ${ids.acl}: allow UDP 1024-65535 ${toFrom(replyWay)} 0.0.0.0/0.`,
        change: addAclRule(ids.acl, `${freeRule} allow ${replyWay} udp 1024-65535 0.0.0.0/0`),
        note: "The connection is TCP; a UDP rule never matches its reply.",
      },
      {
        text: `Add inbound and outbound rules 90 to ${ids.acl} that allow all traffic from and to 0.0.0.0/0.`,
        change: together(addAclRule(ids.acl, "90 allow in all * 0.0.0.0/0"), addAclRule(ids.acl, "90 allow out all * 0.0.0.0/0")),
        note: "Allowing everything fixes the reply but removes the only thing that kept SSH closed to the internet.",
      },
    ];
    if (!(serves && mistake === 1)) {
      const port = serves ? service.port : 443;
      distractors.push({
        text: `Add ${replyWay}bound rule ${freeRule} to ${ids.acl}: allow TCP ${port} ${toFrom(replyWay)} 0.0.0.0/0.`,
        change: addAclRule(ids.acl, `${freeRule} allow ${replyWay} tcp ${port} 0.0.0.0/0`),
        note: `An ACL rule's port range is matched against the destination port; the reply comes from port ${port} but goes to port ${clientPort}.`,
      });
    }
    if (explicitDeny) {
      distractors.push({
        text: `Add ${replyWay}bound rule 400 to ${ids.acl}: allow TCP 1024-65535 ${toFrom(replyWay)} 0.0.0.0/0.`,
        change: addAclRule(ids.acl, `400 allow ${replyWay} tcp 1024-65535 0.0.0.0/0`),
        note: "Rules are evaluated from the lowest number up and the first match decides: rule 300 denies the reply before rule 400 is reached.",
      });
    }

    const what = serves
      ? `serves ${service.name} on TCP ${service.port} to customers on the internet. A customer at ${peer}, connecting from source port ${clientPort}, reports that the connection times out.`
      : `calls a partner's API at ${peer} on TCP 443 through the internet gateway. Its connections, from source ports in the Linux range (this one from ${clientPort}), time out.`;
    return {
      kind: "single-change",
      topology,
      stem: `Instance ${ids.instance} in public subnet ${ids.subnet} (${subnetCidr}) ${what} The subnet has the custom network ACL ${ids.acl}. SSH must stay open to the admin network ${admin} only. Which single change makes the connection work, while SSH from ${outsider} stays blocked and SSH from ${adminHost} keeps working?`,
      facts: (t) => [describeInstance(t, ids.instance), describeSecurityGroup(t, ids.sg), describeNetworkAcl(t, ids.acl), describeRouteTable(t, ids.rtb)],
      flow: { label: serves ? `${peer}:${clientPort} to ${ids.instance} on TCP ${service.port}` : `${ids.instance}:${clientPort} to ${peer} on TCP 443`, flow },
      keep,
      options: [correct, ...rng.pickMany(distractors, 3)],
    };
  },
});
