import type { Accelerator, Topology } from "../model/topology";

/**
 * Global Accelerator endpoint selection: the listener for the protocol and
 * port, the endpoint group in the client's Region (or the next one with a
 * healthy endpoint), its traffic dial, and the healthy endpoints shared by
 * weight. With no healthy endpoint anywhere it fails open to all endpoints.
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.html
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups-traffic-dial.html
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.unhealthy-endpoints.html
 */

export interface AcceleratorQuery {
  acceleratorArn: string;
  protocol: "TCP" | "UDP";
  port: number;
  /** The Region nearest the client; Global Accelerator prefers its endpoint group. */
  clientRegion?: string;
}

export type AcceleratorSelection =
  | {
      ok: true;
      listenerArn: string;
      endpointGroupArn: string;
      endpointGroupRegion: string;
      /** Share of the client's traffic the group keeps (its traffic dial); the rest goes to other groups. */
      groupShare: number;
      /** Endpoints that receive traffic, with their share within the group. */
      endpoints: { endpointId: string; weight: number; share: number }[];
      failOpen: boolean;
      explanation: string;
    }
  | { ok: false; code: "UNKNOWN_ACCELERATOR" | "ACCELERATOR_DISABLED" | "NO_LISTENER" | "NO_ENDPOINT"; explanation: string };

type Group = Accelerator["listeners"][number]["endpointGroups"][number];

export function selectAcceleratorEndpoint(topology: Topology, query: AcceleratorQuery): AcceleratorSelection {
  const accelerator = topology.accelerators.find((a) => a.acceleratorArn === query.acceleratorArn);
  if (!accelerator) return { ok: false, code: "UNKNOWN_ACCELERATOR", explanation: `No accelerator ${query.acceleratorArn} in the topology.` };
  if (!accelerator.enabled) return { ok: false, code: "ACCELERATOR_DISABLED", explanation: `Accelerator ${accelerator.name ?? accelerator.acceleratorArn} is disabled, so its static IP addresses accept no traffic.` };
  const listener = accelerator.listeners.find((l) => l.protocol === query.protocol && l.portRanges.some((r) => query.port >= r.fromPort && query.port <= r.toPort));
  if (!listener) return { ok: false, code: "NO_LISTENER", explanation: `No ${query.protocol} listener of the accelerator covers port ${query.port}.` };

  const healthy = (g: Group) => g.endpointDescriptions.filter((e) => e.healthState === "HEALTHY" && e.weight > 0);
  const share = (endpoints: Group["endpointDescriptions"]) => {
    const total = endpoints.reduce((sum, e) => sum + e.weight, 0);
    return endpoints.map((e) => ({ endpointId: e.endpointId, weight: e.weight, share: total === 0 ? 1 / endpoints.length : e.weight / total }));
  };
  // The client's Region first (the evaluator knows no geography beyond that), in listing order after it.
  const ordered = [...listener.endpointGroups].sort((a, b) => Number(b.endpointGroupRegion === query.clientRegion) - Number(a.endpointGroupRegion === query.clientRegion));
  // The traffic dial decides which group the traffic goes to in the first place.
  const original = ordered.find((g) => g.trafficDialPercentage > 0);
  if (!original) return { ok: false, code: "NO_ENDPOINT", explanation: "Every endpoint group's traffic dial is at 0%, so no group takes the traffic." };
  const select = (group: Group, endpoints: Group["endpointDescriptions"], failOpen: boolean, explanation: string): AcceleratorSelection => ({
    ok: true,
    listenerArn: listener.listenerArn,
    endpointGroupArn: group.endpointGroupArn,
    endpointGroupRegion: group.endpointGroupRegion,
    groupShare: group.trafficDialPercentage / 100,
    endpoints: share(endpoints),
    failOpen,
    explanation,
  });
  if (healthy(original).length > 0) {
    return select(original, healthy(original), false, `${original.endpointGroupRegion === query.clientRegion ? "The client's own Region" : "The nearest Region whose traffic dial is above 0%"}, ${original.endpointGroupRegion}, takes ${original.trafficDialPercentage}% of the traffic; its healthy endpoints share it by weight.`);
  }
  // Failover to a healthy endpoint in one of the three nearest other groups, ignoring their traffic dials.
  const failover = ordered.filter((g) => g !== original).slice(0, 3).find((g) => healthy(g).length > 0);
  if (failover) {
    return select(failover, healthy(failover), false, `No endpoint in ${original.endpointGroupRegion} is healthy, so Global Accelerator fails over to ${failover.endpointGroupRegion} (traffic dials are ignored for failover).`);
  }
  // No healthy endpoint in any group: Global Accelerator fails open and sends traffic to all endpoints.
  if (original.endpointDescriptions.length === 0) return { ok: false, code: "NO_ENDPOINT", explanation: `Endpoint group ${original.endpointGroupRegion} has no endpoint.` };
  return select(original, original.endpointDescriptions, true, "No endpoint is healthy in the three nearest groups, so Global Accelerator fails open: it sends traffic to the endpoints of the nearest group regardless of health.");
}
