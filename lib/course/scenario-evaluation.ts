import { evaluateAccelerator, evaluateProbes, type AcceleratorOutcome, type ProbeVerdict } from "./evaluate-probes";
import type { ScenarioData, TopologyOutcome } from "./scenario";

export type ScenarioEvaluation = { verdicts: ProbeVerdict[]; accelerator: AcceleratorOutcome | null; ms: number };

/** Every probe of a scenario (and its Global Accelerator view) on the topology its controls give. */
export function evaluateScenario(scenario: ScenarioData, outcome: TopologyOutcome): ScenarioEvaluation | null {
  if (!outcome.ok) return null;
  const started = performance.now();
  const verdicts = evaluateProbes(outcome.topology, scenario.probes);
  const accelerator = scenario.accelerator ? evaluateAccelerator(outcome.topology, scenario.accelerator, verdicts) : null;
  return { verdicts, accelerator, ms: performance.now() - started };
}
