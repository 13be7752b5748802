import { describe, expect, it } from "vitest";
import { evaluateAccelerator, evaluateProbes } from "./evaluate-probes";
import { applyControls } from "./scenario";
import { loadScenario } from "./scenarios";

/** The lesson scenarios that show what the evaluator derives from a probe: flow-log records, mirrored copies, accelerator routing. */
describe("what a scenario widget shows beside the verdicts", () => {
  it("writes the flow-log records of the web server's traffic, and a REJECT record once the security group refuses it", async () => {
    const scenario = await loadScenario("flow-logs-web-server");
    const open = applyControls(scenario, {});
    if (!open.ok) throw new Error(open.error);
    const [request] = evaluateProbes(open.topology, scenario.probes);
    expect(request?.status).toBe("reachable");
    expect(request?.flowLogRecords.map((r) => `${r.path} ${r.direction} ${r.action}`)).toEqual(["forward ingress ACCEPT", "return egress ACCEPT"]);
    expect(request?.flowLogRecords[0]?.line).toMatch(/^2 \d{12} eni-\S+ 198\.51\.100\.7 10\.\d+\.\d+\.\d+ \d+ 443 6 1 60 \d+ \d+ ACCEPT OK$/);

    const closed = applyControls(scenario, { "sg-https": false });
    if (!closed.ok) throw new Error(closed.error);
    const [refused] = evaluateProbes(closed.topology, scenario.probes);
    expect(refused?.status).toBe("blocked");
    expect(refused?.flowLogRecords.map((r) => r.action)).toEqual(["REJECT"]);
  });

  it("lists the copies the mirror session sends to the IDS, and none once the filter is empty", async () => {
    const scenario = await loadScenario("traffic-mirroring-ids");
    const on = applyControls(scenario, {});
    if (!on.ok) throw new Error(on.error);
    const [request] = evaluateProbes(on.topology, scenario.probes);
    expect(request?.mirroredCopies.length).toBeGreaterThan(0);
    expect(request?.mirroredCopies[0]).toMatchObject({ path: "forward", direction: "ingress", destinationIp: expect.stringMatching(/^10\./) });

    const filterControl = scenario.controls.find((c) => c.label.startsWith("tmf-"));
    if (!filterControl) throw new Error("the scenario has no filter control");
    const off = applyControls(scenario, { [filterControl.id]: !filterControl.initial });
    if (!off.ok) throw new Error(off.error);
    const [unmirrored] = evaluateProbes(off.topology, scenario.probes);
    expect(unmirrored?.status).toBe("reachable");
    expect(unmirrored?.mirroredCopies).toEqual([]);
  });

  it("fails a Frankfurt client over to us-east-1 when the Frankfurt endpoint stops answering, and fails open when both do", async () => {
    const scenario = await loadScenario("global-accelerator-failover");
    const view = scenario.accelerator;
    if (!view) throw new Error("the scenario has no accelerator view");
    const route = (states: Record<string, boolean>) => {
      const outcome = applyControls(scenario, states);
      if (!outcome.ok) throw new Error(outcome.error);
      const routing = evaluateAccelerator(outcome.topology, view, evaluateProbes(outcome.topology, scenario.probes)).routing;
      return routing.map(({ client, selection }) => (selection.ok ? `${client.region}→${selection.endpointGroupRegion}:${selection.endpoints.map((e) => e.endpointId).join("+")}${selection.failOpen ? " open" : ""}` : `${client.region}→${selection.code}`));
    };
    expect(route({})).toEqual(["eu-central-1→eu-central-1:i-shop-eu", "us-east-1→us-east-1:i-shop-us"]);
    expect(route({ "eu-https": false })).toEqual(["eu-central-1→us-east-1:i-shop-us", "us-east-1→us-east-1:i-shop-us"]);
    expect(route({ "eu-https": false, "us-https": false })).toEqual(["eu-central-1→eu-central-1:i-shop-eu open", "us-east-1→us-east-1:i-shop-us open"]);
  });
});
