import type { Accelerator, Topology } from "../model/topology";

/**
 * Global Accelerator endpoint selection: the listener for the protocol and
 * port, the endpoint group in the client's Region (or the next one with a
 * healthy endpoint), its traffic dial, and the healthy endpoints shared by
 * weight. With no healthy endpoint anywhere it fails open to all endpoints.
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.html
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups-traffic-dial.html
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups-health-check-options.html
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

  const usable = (g: Group) => g.trafficDialPercentage > 0;
  const healthy = (g: Group) => g.endpointDescriptions.filter((e) => e.healthState === "HEALTHY" && e.weight > 0);
  const ordered = [...listener.endpointGroups].sort((a, b) => Number(b.endpointGroupRegion === query.clientRegion) - Number(a.endpointGroupRegion === query.clientRegion));
  const chosen = ordered.find((g) => usable(g) && healthy(g).length > 0);
  const share = (endpoints: Group["endpointDescriptions"]) => {
    const total = endpoints.reduce((sum, e) => sum + e.weight, 0);
    return endpoints.map((e) => ({ endpointId: e.endpointId, weight: e.weight, share: total === 0 ? 1 / endpoints.length : e.weight / total }));
  };
  if (chosen) {
    const local = chosen.endpointGroupRegion === query.clientRegion;
    return {
      ok: true,
      listenerArn: listener.listenerArn,
      endpointGroupArn: chosen.endpointGroupArn,
      endpointGroupRegion: chosen.endpointGroupRegion,
      groupShare: chosen.trafficDialPercentage / 100,
      endpoints: share(healthy(chosen)),
      failOpen: false,
      explanation: `${local ? "The client's own Region" : "The nearest Region with a healthy endpoint"}, ${chosen.endpointGroupRegion}, takes ${chosen.trafficDialPercentage}% of the traffic (traffic dial); its healthy endpoints share it by weight.`,
    };
  }
  // No healthy endpoint in any group: Global Accelerator fails open and sends traffic to all endpoints.
  const fallback = ordered.find((g) => usable(g) && g.endpointDescriptions.length > 0);
  if (!fallback) return { ok: false, code: "NO_ENDPOINT", explanation: "No endpoint group with a traffic dial above 0% has an endpoint." };
  return {
    ok: true,
    listenerArn: listener.listenerArn,
    endpointGroupArn: fallback.endpointGroupArn,
    endpointGroupRegion: fallback.endpointGroupRegion,
    groupShare: fallback.trafficDialPercentage / 100,
    endpoints: share(fallback.endpointDescriptions),
    failOpen: true,
    explanation: "No endpoint is healthy, so Global Accelerator fails open: it sends traffic to all endpoints.",
  };
}
