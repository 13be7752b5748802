import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze, pathHops, type AnalysisQuery, type AnalysisResult, type Topology } from "../index";
import {
  awsResourceOfHop,
  readBatfishScenarios,
  verdictOf,
  type BatfishDisposition,
  type BatfishExpectation,
} from "./batfish-expectations";
import { readSnapshotTopology } from "./index";

/**
 * Issue 6: the evaluator agrees with Batfish's 14 AWS scenarios, captured
 * from real accounts (fixtures/batfish, Apache-2.0). Each expectation sends
 * a packet from its ingress node and checks the verdict — reachable, or the
 * kind of block (filter, no route, discard route, no owner) — and the AWS
 * resources on the path, in order. A `return` expectation is the reply of
 * the forward expectation before it: the return path of that analysis, whose
 * addresses and ports must match the ones Batfish pins.
 *
 * Where AWS's documentation says otherwise than Batfish, `awsDifferences`
 * holds AWS's answer, which is asserted instead; docs/batfish-differences.md
 * explains each one with the documentation page.
 */

const root = path.join(import.meta.dirname, "fixtures", "batfish");
const scenarioNames = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name.startsWith("test-"))
  .map((entry) => entry.name)
  .sort();

type Difference = {
  /** What the evaluator answers, following AWS. */
  disposition?: BatfishDisposition;
  hops?: string[];
  /** Why, in a sentence; the page is in docs/batfish-differences.md. */
  because: string;
};

/** Keyed by `<scenario> / <expectation name>`. */
const awsDifferences: Record<string, Difference> = {
  // A NAT gateway is a network interface in its subnet (create-nat-gateway), and network
  // ACLs filter at the subnet boundary, so the path enters and leaves the NAT's subnet.
  "test-nat-gateway / private instance to internet via NAT gateway, TCP 80": {
    hops: ["i-0a128d26e59be60f3", "subnet-06f469bcee42e408e", "vpc-0008a7b45e3ddf1dd", "subnet-0428892a357fa1f94", "nat-07ab4846da51f4612", "subnet-0428892a357fa1f94", "vpc-0008a7b45e3ddf1dd", "igw-071753b9c23d8a9b2"],
    because: "the packet crosses the NAT gateway's subnet (and its network ACL) on the way in",
  },
  "test-nat-gateway / return of the NAT gateway flow": {
    hops: ["igw-071753b9c23d8a9b2", "vpc-0008a7b45e3ddf1dd", "subnet-0428892a357fa1f94", "nat-07ab4846da51f4612", "subnet-0428892a357fa1f94", "vpc-0008a7b45e3ddf1dd", "subnet-06f469bcee42e408e", "i-0a128d26e59be60f3"],
    because: "the reply leaves the NAT gateway through its subnet (and its network ACL)",
  },
  "test-nat-gateway / unsupported IP protocol (AN, 107) dropped at NAT gateway": {
    hops: ["i-0a128d26e59be60f3", "subnet-06f469bcee42e408e", "vpc-0008a7b45e3ddf1dd", "subnet-0428892a357fa1f94", "nat-07ab4846da51f4612"],
    because: "the packet reaches the NAT gateway through its subnet",
  },
  // With cross-zone load balancing both targets qualify; Reachability Analyzer reports the
  // shortest path, which from the us-east-2b node is the target in the node's own subnet.
  // Traffic between two interfaces of one subnet crosses no subnet boundary (no subnet hop).
  "test-load-balancer / client to NLB node in us-east-2b, TCP 80": {
    hops: ["i-0c8ce8bbdd98cc4e8", "subnet-065a3676df7fa9fd9", "vpc-015b20578b48c1349", "subnet-090fe152cd18ced20", "arn:aws:elasticloadbalancing:us-east-2:554773406868:loadbalancer/net/test-lb/725b996cb6be8fba", "i-055b0db7be365202c"],
    because: "the shortest path goes to the healthy target in the NLB node's own subnet",
  },
  "test-load-balancer / client to NLB node in us-east-2a, TCP 80": {
    hops: ["i-0c8ce8bbdd98cc4e8", "subnet-065a3676df7fa9fd9", "vpc-015b20578b48c1349", "subnet-0873d71031a560a88", "arn:aws:elasticloadbalancing:us-east-2:554773406868:loadbalancer/net/test-lb/725b996cb6be8fba", "i-0f4af951d61a19245"],
    because: "the NLB node and its target share a subnet, so no subnet boundary is crossed between them",
  },
  // The replies come back through the node the client connected to (as Batfish's do), from the
  // target chosen above, again without a subnet hop between a node and a target in its subnet.
  "test-load-balancer / return: server to client via NLB node in us-east-2b": {
    hops: ["i-055b0db7be365202c", "arn:aws:elasticloadbalancing:us-east-2:554773406868:loadbalancer/net/test-lb/725b996cb6be8fba", "subnet-090fe152cd18ced20", "vpc-015b20578b48c1349", "subnet-065a3676df7fa9fd9", "i-0c8ce8bbdd98cc4e8"],
    because: "the reply starts at the target in the node's own subnet (the shortest path) and returns through the node",
  },
  "test-load-balancer / return: server to client via NLB node in us-east-2a": {
    hops: ["i-0f4af951d61a19245", "arn:aws:elasticloadbalancing:us-east-2:554773406868:loadbalancer/net/test-lb/725b996cb6be8fba", "subnet-0873d71031a560a88", "vpc-015b20578b48c1349", "subnet-065a3676df7fa9fd9", "i-0c8ce8bbdd98cc4e8"],
    because: "the target shares the node's subnet, so the reply reaches the node without crossing a subnet boundary",
  },
  // Both tunnels of vpn-05044757278685fd3 are DOWN in VgwTelemetry; AWS sends traffic
  // over an available tunnel, and there is none. Batfish ignores tunnel status.
  "test-public-private-subnet / private instance to on-prem site prefix goes to VGW": {
    disposition: "NO_ROUTE",
    because: "both VPN tunnels are DOWN, so the virtual private gateway has no tunnel to send it through",
  },
};

/**
 * Flows where the evaluator is known to answer differently from Batfish
 * and AWS's documentation does not settle it in the evaluator's favour:
 * run as `it.fails`, so the day the evaluator agrees, the test says so.
 * None at the moment.
 */
const knownGaps: Record<string, string> = {};

/**
 * Batfish bundles AWS's ip-ranges.json and drops packets to EC2 addresses no
 * resource in the snapshot holds (test-public-subnet "internet to unassigned
 * public IP"). The scenarios get the same knowledge from fixtures/aws-ip-ranges.json,
 * an excerpt of AWS's published file (https://ip-ranges.amazonaws.com/ip-ranges.json,
 * "AWS IP address ranges", https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html)
 * in AWS's exact format: only the prefix that flow needs, 54.184.0.0/13 in us-west-2,
 * listed as AWS lists it, once as AMAZON and once as EC2 (the syncToken and createDate
 * are illustrative). It is read through the snapshot reader like a user's download and
 * merged into every scenario; it is not one of a scenario's captures (loaded_files.json).
 */
const awsIpRangesFixture = path.join(import.meta.dirname, "fixtures", "aws-ip-ranges.json");

function protocolOf(e: BatfishExpectation): AnalysisQuery["protocol"] {
  switch (e.ipProtocol) {
    case "TCP":
      return "tcp";
    case "UDP":
      return "udp";
    case "AN":
      return "107";
    case "HOPOPT":
      return "0";
    default:
      return e.ipProtocol satisfies never;
  }
}

/** The analysis question a forward expectation asks. */
function queryOf(e: BatfishExpectation): AnalysisQuery {
  return {
    source: e.ingress,
    protocol: protocolOf(e),
    ...(e.srcIp !== null ? { sourceIp: e.srcIp } : {}),
    ...(e.dstIp !== null ? { destinationIp: e.dstIp } : {}),
    ...(e.dstPort !== null ? { destinationPort: e.dstPort } : {}),
    ...(e.srcPort !== null ? { sourcePort: e.srcPort } : {}),
  };
}

/** AWS resource ids only, in order, consecutive repeats merged: Batfish's synthetic nodes and ours drop out. */
function awsHops(hops: readonly string[], topology: Topology): string[] {
  const out: string[] = [];
  for (const hop of hops) {
    const id = awsResourceOfHop(hop, topology);
    if (id === undefined || !/^(arn:|(i|eni|subnet|vpc|igw|eigw|nat|tgw|vgw|vpce|pcx|cagw)-)/.test(id)) continue;
    if (out[out.length - 1] !== id) out.push(id);
  }
  return out;
}

/**
 * Flows the evaluator core is being changed for (lib/network/MODEL-REQUESTS.md,
 * item 4): `it.fails` until the change lands, then this entry goes.
 */
const awaitingCoreFix: Record<string, string> = {};

describe.each(scenarioNames)("Batfish AWS scenario %s", (scenarioName) => {
  const [scenario] = readBatfishScenarios(root, [scenarioName]);
  if (!scenario) throw new Error(`no scenario ${scenarioName}`);
  let topology: Topology;
  const forwardResults = new Map<number, AnalysisResult>();

  beforeAll(() => {
    const loaded = readSnapshotTopology(scenario.configDir, { only: scenario.loadedFiles });
    if (!loaded.ok) throw new Error(loaded.errors.join("\n"));
    const ranges = readSnapshotTopology(awsIpRangesFixture);
    if (!ranges.ok) throw new Error(ranges.errors.join("\n"));
    topology = { ...loaded.topology, awsIpRanges: [...loaded.topology.awsIpRanges, ...ranges.topology.awsIpRanges] };
  });

  scenario.expectations.forEach((expectation, index) => {
    const key = `${scenarioName} / ${expectation.name}`;
    const difference = awsDifferences[key];
    const title = `${expectation.direction}: ${expectation.name}${difference ? " (AWS differs from Batfish)" : ""}`;

    const gap = knownGaps[key] ? `known gap: ${knownGaps[key]}` : awaitingCoreFix[key] ? `waiting for ${awaitingCoreFix[key]}` : undefined;
    (gap ? it.fails : it)(gap ? `${title} — ${gap}` : title, () => {
      let result: AnalysisResult | undefined;
      if (expectation.direction === "forward") {
        result = analyze(topology, queryOf(expectation));
        forwardResults.set(index, result);
      } else {
        result = forwardResults.get(index - 1) ?? analyze(topology, queryOf(scenario.expectations[index - 1] as BatfishExpectation));
      }
      if (!result.ok) throw new Error(`${key}: the query was refused: ${result.error}`);

      const ours = expectation.direction === "forward" ? result.forwardDisposition : result.returnDisposition;
      const components = expectation.direction === "forward" ? result.forwardPathComponents : result.returnPathComponents;
      const expectedDisposition = difference?.disposition ?? expectation.disposition;
      const acceptable = difference?.disposition ? [difference.disposition] : (expectation.acceptableDispositions ?? [expectedDisposition]);

      expect(ours, `${key}: ${explain(result)}`).toBeDefined();
      const ourVerdict = ours === undefined || ours === "LOOP" ? { reachable: false, block: "loop" } : verdictOf(ours);
      const expectedVerdicts = acceptable.map(verdictOf);
      expect(expectedVerdicts, `${key}: evaluator said ${ours}; ${explain(result)}`).toContainEqual(ourVerdict);

      // A return expectation pins the reply's addresses and ports (after any translation): the
      // reply as it first leaves the responder must carry them.
      if (expectation.direction === "return") {
        const reply = components.find((c) => c.outboundHeader)?.outboundHeader;
        const pinned = {
          ...(expectation.srcIp !== null ? { source: [expectation.srcIp] } : {}),
          ...(expectation.dstIp !== null ? { destination: [expectation.dstIp] } : {}),
          ...(expectation.srcPort !== null ? { sourcePort: expectation.srcPort } : {}),
          ...(expectation.dstPort !== null ? { destinationPort: expectation.dstPort } : {}),
        };
        const actual = {
          source: reply?.sourceAddresses,
          destination: reply?.destinationAddresses,
          sourcePort: reply?.sourcePortRanges[0]?.from,
          destinationPort: reply?.destinationPortRanges[0]?.from,
        };
        expect(actual, `${key}: reply header`).toMatchObject(pinned);
      }

      const expectedHops = difference?.hops ?? awsHops(expectation.hops, topology);
      if (expectation.hops.length > 0 || difference?.hops) {
        expect(awsHops(pathHops(components), topology), `${key}: hops`).toEqual(expectedHops);
      }
    });
  });
});

function explain(result: AnalysisResult): string {
  if (!result.ok) return result.error;
  return result.explanations.map((e) => `${e.explanationCode}: ${e.message}`).join("; ") || "no explanation";
}
