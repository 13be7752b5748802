"use client";

import { useEffect, useMemo, useState } from "react";
import { applyControls, type ScenarioData } from "@/lib/course/scenario";
import { evaluateScenario } from "@/lib/course/scenario-evaluation";
import { ScenarioView } from "./scenario-view";
import { TopologyDiagram } from "./topology-figure";

/** Where the widget starts: the boxes as the learner left them, the probe they picked, and the element to focus (a selector inside the scenario). */
export type WidgetStart = { states: Record<string, boolean>; selected: number; focus: string | null };

/**
 * A live scenario in the browser: the learner flips controls (a route, a rule, an attachment)
 * and every probe is re-evaluated at once by the same evaluator the CLI uses. Loaded by
 * components/scenario-island.tsx when the scenario comes near the viewport or is touched,
 * starting from what the learner already did to the server's HTML (`start`).
 */
export function ScenarioWidget({ name, scenario, start }: { name: string; scenario: ScenarioData; start: () => WidgetStart }) {
  const [initial] = useState(start);
  const [states, setStates] = useState<Record<string, boolean>>(initial.states);
  const [selected, setSelected] = useState(initial.selected);

  useEffect(() => {
    // What had the keyboard focus in the server's HTML keeps it in the widget.
    if (initial.focus) document.querySelector<HTMLElement>(`[data-scenario="${CSS.escape(name)}"] ${initial.focus}`)?.focus();
  }, [initial, name]);

  const outcome = useMemo(() => applyControls(scenario, states), [scenario, states]);
  const evaluation = useMemo(() => evaluateScenario(scenario, outcome), [scenario, outcome]);
  const verdict = evaluation?.verdicts[selected];
  const highlight = verdict ? new Set(verdict.pathIds) : undefined;

  return (
    <ScenarioView
      name={name}
      scenario={scenario}
      states={states}
      selected={selected}
      outcome={outcome}
      evaluation={evaluation}
      diagram={outcome.ok ? <TopologyDiagram topology={outcome.topology} highlight={highlight} label={`Diagram of “${scenario.title}”; the selected probe's path is highlighted.`} /> : null}
      interactive={{ onToggle: (id, on) => setStates((s) => ({ ...s, [id]: on })), onSelect: setSelected }}
    />
  );
}
