import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Topology } from "../model";

/**
 * Batfish's AWS flow expectations (fixtures/batfish/README.md): the schema of
 * `expectations.json` and `loaded_files.json`, and the translation of
 * Batfish's vocabulary (dispositions, synthetic hop names) into ours.
 */

export const batfishDispositionSchema = z.enum([
  "ACCEPTED",
  "EXITS_NETWORK",
  "DENIED_IN",
  "DENIED_OUT",
  "NO_ROUTE",
  "NULL_ROUTED",
  "NEIGHBOR_UNREACHABLE",
]);

export const batfishExpectationSchema = z.strictObject({
  name: z.string(),
  ingress: z.string(),
  srcIp: z.string().nullable(),
  dstIp: z.string().nullable(),
  ipProtocol: z.enum(["TCP", "UDP", "AN", "HOPOPT"]),
  dstPort: z.number().int().nullable(),
  srcPort: z.number().int().nullable(),
  disposition: batfishDispositionSchema,
  acceptableDispositions: z.array(batfishDispositionSchema).optional(),
  hops: z.array(z.string()),
  direction: z.enum(["forward", "return"]),
  note: z.string().optional(),
});

export type BatfishDisposition = z.infer<typeof batfishDispositionSchema>;
export type BatfishExpectation = z.infer<typeof batfishExpectationSchema>;

/** What a disposition means in our terms: delivered/left, or the kind of block. */
export type Verdict =
  | { reachable: true }
  | { reachable: false; block: "filter" | "no-route" | "discard-route" | "no-owner" };

export function verdictOf(disposition: BatfishDisposition): Verdict {
  switch (disposition) {
    case "ACCEPTED":
    case "EXITS_NETWORK":
      return { reachable: true };
    case "DENIED_IN":
    case "DENIED_OUT":
      return { reachable: false, block: "filter" };
    case "NO_ROUTE":
      return { reachable: false, block: "no-route" };
    case "NULL_ROUTED":
      return { reachable: false, block: "discard-route" };
    case "NEIGHBOR_UNREACHABLE":
      return { reachable: false, block: "no-owner" };
    default:
      return disposition satisfies never;
  }
}

/** Batfish's modelling names that stand for no AWS resource (README, "Synthetic node names"). */
export const batfishSyntheticNodes = new Set(["internet", "isp_16509", "__aws-services-gateway__"]);

/**
 * A Batfish hop as the AWS resource it stands for, or undefined for a
 * synthetic node: `vpce-<id>-<subnet>` is the endpoint `vpce-<id>`;
 * `<zone>-<load balancer DNS name>` is that load balancer (its ARN).
 */
export function awsResourceOfHop(hop: string, topology: Topology): string | undefined {
  if (batfishSyntheticNodes.has(hop)) return undefined;
  const endpoint = /^(vpce-[0-9a-f]+)-subnet-[0-9a-f]+$/.exec(hop);
  if (endpoint) return endpoint[1];
  for (const lb of topology.loadBalancers) {
    if (lb.dnsName && hop.endsWith(`-${lb.dnsName}`)) return lb.loadBalancerArn;
  }
  return hop;
}

export type BatfishScenario = {
  name: string;
  configDir: string;
  loadedFiles: string[];
  expectations: BatfishExpectation[];
};

export function readBatfishScenarios(root: string, names: readonly string[]): BatfishScenario[] {
  return names.map((name) => {
    const dir = path.join(root, name);
    const loadedFiles = z.array(z.string()).parse(JSON.parse(readFileSync(path.join(dir, "loaded_files.json"), "utf8")));
    const expectations = z.array(batfishExpectationSchema).parse(JSON.parse(readFileSync(path.join(dir, "expectations.json"), "utf8")));
    return { name, configDir: path.join(dir, "aws_configs"), loadedFiles, expectations };
  });
}
