"use client";

import { getMDXComponent } from "mdx-bundler/client";
import { useMemo } from "react";
import type { ScenarioData } from "@/lib/course/scenario";
import { Callout } from "./mdx-components";
import { ScenarioWidget } from "./scenario-widget";

/** Renders a lesson compiled by mdx-bundler at build time, with its live scenarios. */
export function LessonContent({ code, scenarios }: { code: string; scenarios: Record<string, ScenarioData> }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  const components = useMemo(
    () => ({
      Callout,
      Scenario: ({ name }: { name: string }) => <ScenarioWidget name={name} scenario={scenarios[name]} />,
    }),
    [scenarios],
  );
  return <Component components={components} />;
}
