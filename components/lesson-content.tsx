import { applyControls, type ScenarioData } from "@/lib/course/scenario";
import { evaluateScenario } from "@/lib/course/scenario-evaluation";
import { StaticTopologyFigure } from "./diagram-frame";
import { Callout } from "./mdx-components";
import { MdxContent } from "./mdx-content";
import { ScenarioIsland } from "./scenario-island";
import { ScenarioView } from "./scenario-view";

/** A lesson compiled by mdx-bundler, rendered on the server, with its live scenarios. */
export function LessonContent({ code, scenarios }: { code: string; scenarios: Record<string, ScenarioData> }) {
  const components = {
    Callout,
    Scenario: ({ name }: { name: string }) => <Scenario name={name} scenario={scenarios[name]} />,
  };
  return <MdxContent code={code} components={components} />;
}

/**
 * A live scenario as the lesson arrives: its controls, diagram frame and initial verdicts
 * evaluated here on the server, so text and verdicts are HTML before any JavaScript runs; the
 * island swaps in the interactive widget when the learner gets near it.
 */
function Scenario({ name, scenario }: { name: string; scenario: ScenarioData | undefined }) {
  if (!scenario) {
    return <p role="alert" className="rounded-md border border-red-300 p-3">The scenario &ldquo;{name}&rdquo; is missing from content/scenarios.</p>;
  }
  const states = Object.fromEntries(scenario.controls.map((c) => [c.id, c.initial]));
  const outcome = applyControls(scenario, states);
  return (
    <ScenarioIsland name={name} scenario={scenario}>
      <ScenarioView
        name={name}
        scenario={scenario}
        states={states}
        selected={0}
        outcome={outcome}
        evaluation={evaluateScenario(scenario, outcome)}
        diagram={outcome.ok ? <StaticTopologyFigure topology={outcome.topology} label={`Diagram of “${scenario.title}”; the selected probe's path is highlighted.`} /> : null}
      />
    </ScenarioIsland>
  );
}
