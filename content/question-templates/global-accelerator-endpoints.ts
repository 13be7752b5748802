import { network } from "@/lib/network/testing/builder";
import { setEndpointWeight, setListener, setTrafficDial } from "@/lib/questions/generated/changes";
import { describeAccelerator } from "@/lib/questions/generated/describe";
import { defineTemplate, type ChangeDraft } from "@/lib/questions/generated/template";
import type { KeptFlow } from "@/lib/questions/generated/types";
import { APP_NAMES, REGIONS, accountId, hostIn, hosts, publicAddress, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * Global Accelerator sends a client to the endpoint group of the client's Region when its
 * traffic dial is above 0%, otherwise to the next group that takes traffic; within a group,
 * healthy endpoints share connections by weight, and an endpoint with weight 0 takes none. When
 * a group has no endpoint that can take traffic, connections fail over to another group,
 * whatever its traffic dial.
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups-traffic-dial.html
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.html
 * https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.unhealthy-endpoints.html
 */
export const globalAcceleratorEndpoints = defineTemplate({
  id: "global-accelerator-endpoints",
  title: "Global Accelerator sends a Region's clients to the wrong endpoint group",
  kind: "single-change",
  lesson: "global-accelerator-and-accelerated-vpn",
  section: "how-a-connection-finds-its-endpoint",
  task: "1.1",
  difficulty: "medium",
  docs: [
    "https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups-traffic-dial.html",
    "https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.html",
    "https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints-endpoint-weights.unhealthy-endpoints.html",
  ],
  teaches: ["OTHER_ENDPOINT_GROUP", "NO_ENDPOINT"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const withThird = rng.chance(0.5);
    const regions = rng.pickMany(REGIONS, withThird ? 3 : 2);
    const [r1 = "us-east-1", r2 = "eu-west-1"] = regions;
    const account = accountId(rng);
    const port = rng.pick([443, 80, 8443]);
    const blocks = vpcBlocks(rng, regions.length);
    const [third = 1] = subnetThirds(rng, 1);
    const [host = 10] = hosts(rng, 1);
    const acceleratorArn = `arn:aws:globalaccelerator::${account}:accelerator/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
    const listenerArn = `${acceleratorArn}/listener/${rng.hex(8)}`;
    const endpoint = Object.fromEntries(regions.map((r) => [r, resourceId(rng, "i", `${app}-${r.split("-")[0]}${r.split("-")[2]}`)]));
    const variant = rng.pick(["dial", "weight"] as const);

    const builder = network();
    regions.forEach((region, i) => {
      const block = blocks[i] ?? "";
      const short = region.replace(/-/g, "");
      const vpc = `vpc-${app}-${short}`;
      const subnet = `subnet-${app}-${short}`;
      const igw = `igw-${app}-${short}`;
      const sg = `sg-${app}-${short}`;
      builder
        .vpc(vpc, block, { region, ownerId: account })
        .subnet(subnet, vpc, subnetBlock(block, third), { az: `${region}a` })
        .internetGateway(igw, vpc)
        .routeTable(`rtb-${app}-${short}`, vpc, { main: true, routes: { "0.0.0.0/0": igw } })
        .securityGroup(sg, { inbound: [`tcp ${port} 0.0.0.0/0`] })
        .instance(endpoint[region] ?? "", subnet, hostIn(subnetBlock(block, third), host), { groups: [sg], publicIp: publicAddress(rng) });
    });
    const topology = builder
      .with("accelerators", {
        acceleratorArn,
        name: `${app}-accelerator`,
        listeners: [
          {
            listenerArn,
            protocol: "TCP",
            portRanges: [{ fromPort: port, toPort: port }],
            endpointGroups: regions.map((region) => ({
              endpointGroupArn: `${listenerArn}/endpoint-group/${rng.hex(12)}`,
              endpointGroupRegion: region,
              trafficDialPercentage: variant === "dial" && region === r1 ? 0 : 100,
              endpointDescriptions: [{ endpointId: endpoint[region] ?? "", weight: variant === "weight" && region === r1 ? 0 : 128, healthState: "HEALTHY" as const }],
            })),
          },
        ],
      })
      .toJSON();

    const e1 = endpoint[r1] ?? "";
    const e2 = endpoint[r2] ?? "";
    const correct: ChangeDraft =
      variant === "dial"
        ? { text: `Set the traffic dial of the ${r1} endpoint group to 100%.`, change: setTrafficDial(acceleratorArn, r1, 100), note: `At 0% the ${r1} group takes no new connections, so clients near ${r1} go to the next group.` }
        : { text: `Set the weight of ${e1} in the ${r1} endpoint group to 128.`, change: setEndpointWeight(acceleratorArn, r1, e1, 128), note: "An endpoint with weight 0 receives no traffic, so its group has no endpoint to offer and connections fail over." };
    const distractors: ChangeDraft[] = [
      { text: "Set the listener's client affinity to SOURCE_IP.", change: setListener(acceleratorArn, "clientAffinity", "SOURCE_IP"), note: "Client affinity only keeps a client on the same endpoint once it is chosen; it does not decide the group." },
      { text: `Set the traffic dial of the ${r2} endpoint group to 0%.`, change: setTrafficDial(acceleratorArn, r2, 0), note: `Clients near ${r2} would then be sent elsewhere too.` },
      ...(variant === "dial"
        ? [
            { text: `Set the weight of ${e1} in the ${r1} endpoint group to 255.`, change: setEndpointWeight(acceleratorArn, r1, e1, 255), note: "Weights share traffic within a group; a group whose dial is 0% gets none to share." },
            { text: `Set the traffic dial of the ${r2} endpoint group to 50%.`, change: setTrafficDial(acceleratorArn, r2, 50) },
            { text: `Set the weight of ${e2} in the ${r2} endpoint group to 0.`, change: setEndpointWeight(acceleratorArn, r2, e2, 0), note: `With no endpoint left in ${r2}, clients near ${r2} fail over too.` },
          ]
        : [
            { text: `Set the traffic dial of the ${r1} endpoint group to 50%.`, change: setTrafficDial(acceleratorArn, r1, 50), note: "The dial limits how much traffic a group takes; with no endpoint that can take it, the group still fails over." },
            ...(withThird ? [{ text: `Set the weight of ${e2} in the ${r2} endpoint group to 0.`, change: setEndpointWeight(acceleratorArn, r2, e2, 0) }] : []),
          ]),
    ];
    const keep: KeptFlow[] = regions.slice(1).map((region) => ({
      label: `Clients near ${region} keep reaching ${endpoint[region]}`,
      mustWork: true,
      flow: { kind: "accelerator", acceleratorArn, protocol: "TCP", port, clientRegion: region, endpointId: endpoint[region] ?? "" },
    }));
    return {
      kind: "single-change",
      topology,
      stem: `The standard accelerator ${app}-accelerator takes TCP ${port} and has one endpoint group per Region (${regions.join(", ")}), each with one EC2 instance endpoint that passes its health checks. Clients near ${r1} must be served by ${e1} in ${r1}, but their connections go to another Region. Which single change sends them to ${e1}, while clients in the other Regions keep reaching their own Region's endpoint?`,
      facts: (t) => describeAccelerator(t, acceleratorArn),
      flow: { label: `Clients near ${r1} reach ${e1}`, flow: { kind: "accelerator", acceleratorArn, protocol: "TCP", port, clientRegion: r1, endpointId: e1 } },
      keep,
      options: [correct, ...rng.pickMany(distractors, 3)],
    };
  },
});
