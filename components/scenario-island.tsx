"use client";

import { lazy, startTransition, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { ScenarioData } from "@/lib/course/scenario";
import type { WidgetStart } from "./scenario-widget";

// The widget's code (the evaluator, zod, the layout; React Flow after it) is not part of a
// lesson's start-up JavaScript: it loads when the scenario comes near the viewport or is touched.
const loadWidget = () => import("./scenario-widget");
const ScenarioWidget = lazy(() => loadWidget().then((m) => ({ default: m.ScenarioWidget })));

const INTERACTIONS = ["pointerdown", "focusin", "click", "change", "keydown"] as const;

/**
 * A live scenario as the server rendered it (`children`: controls, diagram frame and the
 * initial verdicts), replaced in place by the interactive widget when the learner scrolls near
 * it or touches it. Nothing the learner does first is lost: boxes they ticked (even before
 * React arrived) and the probe they picked carry over, and the keyboard focus stays where it was.
 */
export function ScenarioIsland({ name, scenario, children }: { name: string; scenario: ScenarioData; children: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const selected = useRef(0);
  const [active, setActive] = useState(false);

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

  useEffect(() => {
    const element = wrapper.current;
    if (!element || active) return;
    // A transition keeps the server's HTML on screen (and clickable) until the widget is ready.
    const activate = () => startTransition(() => setActive(true));
    const changedBeforeReact = scenario.controls.some((c) => {
      const box = element.querySelector<HTMLInputElement>(`input[data-control="${CSS.escape(c.id)}"]`);
      return box !== null && box.checked !== c.initial;
    });
    if (changedBeforeReact) {
      activate();
      return;
    }
    const onInteract = (event: Event) => {
      const probe = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-probe-index]") : null;
      if (probe && (event.type === "click" || event.type === "pointerdown")) selected.current = Number(probe.dataset.probeIndex) || 0;
      activate();
    };
    for (const type of INTERACTIONS) element.addEventListener(type, onInteract, { capture: true, passive: true });
    let idle: number | undefined;
    let timer: number | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        // Near the viewport: load once the browser is idle, so the page's own start-up comes first.
        if (typeof window.requestIdleCallback === "function") idle = window.requestIdleCallback(activate, { timeout: 2000 });
        else timer = window.setTimeout(activate, 200);
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(element);
    return () => {
      for (const type of INTERACTIONS) element.removeEventListener(type, onInteract, { capture: true });
      observer.disconnect();
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [active, scenario]);

  return (
    <div ref={wrapper} data-scenario-island={active ? "live" : "static"}>
      <Suspense fallback={children}>{active ? <ScenarioWidget name={name} scenario={scenario} start={start} /> : children}</Suspense>
    </div>
  );
}
