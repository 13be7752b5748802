import { routeTarget } from "../forwarding/route-table";
import type { IndexedTopology } from "../model/indexed-topology";
import type { Finding } from "./finding";

/**
 * Subnets that call themselves private — a Name tag, or any tag key or
 * value, saying "private" (`Tier=private`, CDK's `aws-cdk:subnet-type:
 * Private`) — but whose route table sends traffic to an internet gateway,
 * which is what makes a subnet public.
 * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
 */

const privateWord = /(^|[^a-z])private([^a-z]|$)/i;

export function privateSubnetFindings(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const subnet of index.topology.subnets) {
    const tag = subnet.tags.find((t) => privateWord.test(t.value) || privateWord.test(t.key));
    if (!tag) continue;
    const rt = index.routeTableOfSubnet.get(subnet.subnetId);
    const route = rt?.routes.find((r) => r.state === "active" && routeTarget(r).kind === "internet-gateway");
    if (!rt || !route) continue;
    const destination = route.destinationCidrBlock ?? route.destinationIpv6CidrBlock ?? route.destinationPrefixListId ?? "?";
    const withPublicAddress = [...index.interfaces.values()].filter((i) => i.subnetId === subnet.subnetId && i.publicIpByPrivate.size > 0);
    const name = subnet.tags.find((t) => t.key === "Name")?.value;
    findings.push({
      code: "PRIVATE_SUBNET_ROUTES_TO_INTERNET_GATEWAY",
      severity: withPublicAddress.length > 0 ? "high" : "medium",
      resources: [{ id: subnet.subnetId, type: "subnet", ...(name ? { name } : {}) }, { id: rt.routeTableId, type: "route-table" }, { id: route.gatewayId ?? "?", type: "internet-gateway" }],
      message: `${subnet.subnetId} is tagged ${tag.key}=${tag.value}, but its route table ${rt.routeTableId}${rt.associations.some((a) => a.subnetId === subnet.subnetId) ? "" : " (its VPC's main table)"} routes ${destination} to ${route.gatewayId}: it is a public subnet.${withPublicAddress.length > 0 ? ` ${withPublicAddress.length} of its interfaces have a public address, so the internet can reach them where their security groups allow.` : ""}`,
      evidence: { kind: "route", routeTableId: rt.routeTableId, destination, target: route.gatewayId ?? "?", state: route.state },
      documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types",
    });
  }
  return findings;
}
