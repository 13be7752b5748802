import jsonPatch, { type Operation } from "fast-json-patch";
import { z } from "zod";
import { parseTopology, type Topology } from "@/lib/network";

/** One JSON Patch (RFC 6902) operation on a topology. */
const patchOperationSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("add"), path: z.string(), value: z.unknown() }),
  z.strictObject({ op: z.literal("replace"), path: z.string(), value: z.unknown() }),
  z.strictObject({ op: z.literal("remove"), path: z.string() }),
]);

export const probeSchema = z.strictObject({
  label: z.string().min(1),
  source: z.string().min(1),
  destination: z.string().min(1).optional(),
  protocol: z.enum(["tcp", "udp", "icmp", "all"]).default("tcp"),
  destinationPort: z.number().int().min(0).max(65535).optional(),
  sourcePort: z.number().int().min(0).max(65535).optional(),
  sourceIp: z.string().optional(),
  destinationIp: z.string().optional(),
});

export const controlSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  initial: z.boolean(),
  /** Applied when the learner flips the control away from `initial`. */
  patch: z.array(patchOperationSchema).min(1),
});

/**
 * Where a Global Accelerator sends clients from each Region, shown under the probes. An
 * endpoint's health follows a probe the lesson names for it (the path its health check needs),
 * so breaking that path with a control fails the endpoint over as Global Accelerator would.
 */
export const acceleratorViewSchema = z.strictObject({
  acceleratorArn: z.string().min(1),
  protocol: z.enum(["TCP", "UDP"]).default("TCP"),
  port: z.number().int().min(0).max(65535),
  clients: z.array(z.strictObject({ label: z.string().min(1), region: z.string().min(1) })).min(1).max(6),
  healthChecks: z.array(z.strictObject({ endpointId: z.string().min(1), probe: z.string().min(1) })).default([]),
});

export const scenarioSchema = z
  .strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    topology: z.unknown(),
    probes: z.array(probeSchema).min(1).max(8),
    controls: z.array(controlSchema).max(6).default([]),
    accelerator: acceleratorViewSchema.optional(),
  })
  .superRefine((scenario, ctx) => {
    const labels = new Set(scenario.probes.map((p) => p.label));
    scenario.accelerator?.healthChecks.forEach((check, i) => {
      if (!labels.has(check.probe)) ctx.addIssue({ code: "custom", path: ["accelerator", "healthChecks", i, "probe"], message: `no probe is labelled "${check.probe}"` });
    });
  });

export type Probe = z.infer<typeof probeSchema>;
export type ScenarioControl = z.infer<typeof controlSchema>;
export type ScenarioData = z.infer<typeof scenarioSchema>;
export type AcceleratorView = z.infer<typeof acceleratorViewSchema>;

export type TopologyOutcome = { ok: true; topology: Topology } | { ok: false; error: string };

/** The topology with every control in the given state (`states[id]`, default `initial`), parsed by the evaluator's schema. */
export function applyControls(scenario: ScenarioData, states: Record<string, boolean>): TopologyOutcome {
  let document: unknown = structuredClone(scenario.topology);
  for (const control of scenario.controls) {
    const on = states[control.id] ?? control.initial;
    if (on === control.initial) continue;
    try {
      document = jsonPatch.applyPatch(document, control.patch as Operation[], true, false).newDocument;
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return { ok: false, error: `Control "${control.label}" could not be applied: ${detail}` };
    }
  }
  const parsed = parseTopology(document);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    return { ok: false, error: `The topology is not valid${first ? ` at ${first.path}: ${first.message}` : ""}.` };
  }
  return { ok: true, topology: parsed.topology };
}

/** Every combination of control states (2^n, n is at most 6), for tests that every one still evaluates. */
export function allControlStates(scenario: ScenarioData): Record<string, boolean>[] {
  const states: Record<string, boolean>[] = [];
  const n = scenario.controls.length;
  for (let mask = 0; mask < 2 ** n; mask++) {
    states.push(Object.fromEntries(scenario.controls.map((c, i) => [c.id, Boolean(mask & (1 << i))])));
  }
  return states;
}

/** The names used in `<Scenario name="…" />` tags of a lesson body. */
export function scenarioNamesIn(body: string): string[] {
  return [...body.matchAll(/<Scenario\s+name="([a-z0-9-]+)"\s*\/>/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}
