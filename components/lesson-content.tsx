import type { ScenarioData } from "@/lib/course/scenario";
import { Callout } from "./mdx-components";
import { MdxContent } from "./mdx-content";
import { ScenarioWidget } from "./scenario-widget";

/** A lesson compiled by mdx-bundler, rendered on the server, with its live scenarios (client components). */
export function LessonContent({ code, scenarios }: { code: string; scenarios: Record<string, ScenarioData> }) {
  const components = {
    Callout,
    Scenario: ({ name }: { name: string }) => <ScenarioWidget name={name} scenario={scenarios[name]} />,
  };
  return <MdxContent code={code} components={components} />;
}
