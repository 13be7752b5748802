import { indexTopology } from "../model/indexed-topology";
import type { Topology } from "../model/topology";
import { sortFindings, type Finding, type FindingCode } from "./finding";
import { exposedInterfaces, exposedLoadBalancers } from "./internet-exposure";
import { routeTableFindings, transitGatewayRouteFindings } from "./routes";
import { networkAclFindings, securityGroupRuleFindings, unusedSecurityGroups } from "./rules";
import { privateSubnetFindings } from "./subnets";

/**
 * The findings layer, beside `questions/`: what a reviewer wants first, as
 * plain data. It reads the model, asks `analyze` (questions) for paths, and
 * uses the filters' rule coverage for rules that add nothing. Pure, so the
 * analyze page runs it in a web worker.
 */

export * from "./finding";
export { exposedInterfaces, exposedLoadBalancers } from "./internet-exposure";
export { routeTableFindings, transitGatewayRouteFindings } from "./routes";
export { networkAclFindings, securityGroupRuleFindings, unusedSecurityGroups } from "./rules";
export { privateSubnetFindings } from "./subnets";

export type FindingGroup = "internet-exposure" | "unused-and-shadowed-rules" | "routes-leading-nowhere" | "private-subnets";

const groups: Record<FindingGroup, (index: ReturnType<typeof indexTopology>) => Finding[]> = {
  "internet-exposure": (index) => [...exposedInterfaces(index), ...exposedLoadBalancers(index)],
  "unused-and-shadowed-rules": (index) => [...unusedSecurityGroups(index), ...securityGroupRuleFindings(index), ...networkAclFindings(index)],
  "routes-leading-nowhere": (index) => [...routeTableFindings(index), ...transitGatewayRouteFindings(index)],
  "private-subnets": (index) => privateSubnetFindings(index),
};

/** Every finding (or those of the groups asked for), most severe first. */
export function reviewFindings(topology: Topology, options: { groups?: readonly FindingGroup[] } = {}): Finding[] {
  const index = indexTopology(topology);
  const chosen = options.groups ?? (Object.keys(groups) as FindingGroup[]);
  return sortFindings(chosen.flatMap((g) => groups[g](index)));
}

/** How many findings of each code, for a summary. */
export function countFindings(findings: readonly Finding[]): Partial<Record<FindingCode, number>> {
  const counts: Partial<Record<FindingCode, number>> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return counts;
}
