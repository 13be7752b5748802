"use client";

import { useCallback, useRef, type ReactNode } from "react";
import type { ScenarioData } from "@/lib/course/scenario";
import type { WidgetStart } from "./scenario-widget";
import { useIsland } from "./use-island";

// The widget's code (the evaluator, zod, the layout; React Flow after it) is not part of a
// lesson's start-up JavaScript: it loads when the scenario comes near the viewport or is touched.
const loadWidget = () => import("./scenario-widget").then((m) => m.ScenarioWidget);

/**
 * A live scenario as the server rendered it (`children`: controls, diagram frame and the
 * initial verdicts), replaced in place by the interactive widget when the learner scrolls near
 * it or touches it. Nothing the learner does first is lost: boxes they ticked (even before
 * React arrived) and the probe they picked carry over, and the keyboard focus stays where it was.
 */
export function ScenarioIsland({ name, scenario, children }: { name: string; scenario: ScenarioData; children: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const selected = useRef(0);

  const onInteract = useCallback((event: Event) => {
    const probe = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-probe-index]") : null;
    if (probe && (event.type === "click" || event.type === "pointerdown")) selected.current = Number(probe.dataset.probeIndex) || 0;
  }, []);
  const touchedBeforeReact = useCallback(
    (element: HTMLElement) =>
      scenario.controls.some((c) => {
        const box = element.querySelector<HTMLInputElement>(`input[data-control="${CSS.escape(c.id)}"]`);
        return box !== null && box.checked !== c.initial;
      }),
    [scenario],
  );
  const ScenarioWidget = useIsland(wrapper, loadWidget, { onInteract, touchedBeforeReact });

  // Read while the widget renders for the first time, when the server's HTML is still on screen.
  const start = useCallback((): WidgetStart => {
    const element = wrapper.current;
    const states: Record<string, boolean> = {};
    for (const control of scenario.controls) {
      const box = element?.querySelector<HTMLInputElement>(`input[data-control="${CSS.escape(control.id)}"]`);
      states[control.id] = box ? box.checked : control.initial;
    }
    const focused = document.activeElement;
    let focus: string | null = null;
    if (focused instanceof HTMLElement && element?.contains(focused)) {
      if (focused.id) focus = `#${CSS.escape(focused.id)}`;
      else if (focused.dataset.probeIndex !== undefined) focus = `[data-probe-index="${CSS.escape(focused.dataset.probeIndex)}"]`;
    }
    return { states, selected: selected.current, focus };
  }, [scenario]);

  return (
    <div ref={wrapper} data-scenario-island={ScenarioWidget ? "live" : "static"}>
      {ScenarioWidget ? <ScenarioWidget name={name} scenario={scenario} start={start} /> : children}
    </div>
  );
}
