import { applyControls, type ScenarioData } from "@/lib/course/scenario";
import { evaluateScenario } from "@/lib/course/scenario-evaluation";
import { StaticTopologyFigure } from "./diagram-frame";
import { Callout } from "./mdx-components";
import { mdxBlocks } from "./mdx-content";
import { ScenarioIsland } from "./scenario-island";
import { ScenarioView } from "./scenario-view";
import { staticMarkup, staticReact } from "./static-markup";

/** A lesson as the browser receives it: runs of static HTML, and the live scenarios between them. */
export type LessonSegment =
  | { kind: "html"; html: string }
  | { kind: "scenario"; name: string; scenario: ScenarioData; html: string }
  | { kind: "missing"; html: string };

/**
 * A lesson compiled by mdx-bundler, rendered on the server. Its prose is sent as HTML that
 * React does not hydrate (a lesson's paragraphs, tables and highlighted code were most of the
 * blocking time on a phone; docs/decisions/010-lesson-pages-hydrate-only-islands.md); each live
 * scenario is an island that hydrates on its own and loads its widget near the viewport.
 */
export function LessonContent({ code, scenarios }: { code: string; scenarios: Record<string, ScenarioData> }) {
  return (
    <>
      {lessonSegments(code, scenarios).map((segment, i) =>
        segment.kind === "scenario" ? (
          <ScenarioIsland key={i} name={segment.name} scenario={segment.scenario}>
            <div dangerouslySetInnerHTML={{ __html: segment.html }} />
          </ScenarioIsland>
        ) : (
          <div key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />
        ),
      )}
    </>
  );
}

// Lesson pages are rendered per request (the CSP nonce), but a lesson's code and its scenarios
// change only with a deploy (or an edit, under `next dev`, which gives new code or new scenario
// objects): each lesson is split and its widgets' first frames evaluated once, then kept.
const cache = new Map<string, { scenarios: Record<string, ScenarioData>; segments: LessonSegment[] }>();

export function lessonSegments(code: string, scenarios: Record<string, ScenarioData>): LessonSegment[] {
  const cached = cache.get(code);
  const names = Object.keys(scenarios);
  if (cached && names.length === Object.keys(cached.scenarios).length && names.every((n) => cached.scenarios[n] === scenarios[n])) return cached.segments;
  const segments = splitLesson(code, scenarios);
  cache.set(code, { scenarios, segments });
  return segments;
}

/**
 * What `<Scenario name>` compiles to while a lesson is split: `splitLesson` takes each one that
 * is a top-level block out before rendering, so one that renders was nested inside another element.
 */
function ScenarioMarker({ name }: { name: string }): never {
  throw new Error(`<Scenario name="${name}" /> must stand on its own line at the top level of a lesson, not inside another element.`);
}

function splitLesson(code: string, scenarios: Record<string, ScenarioData>): LessonSegment[] {
  const { React } = staticReact();
  const segments: LessonSegment[] = [];
  let run: React.ReactNode[] = [];
  const flush = () => {
    const html = staticMarkup(run);
    if (html.trim() !== "") segments.push({ kind: "html", html });
    run = [];
  };
  for (const block of mdxBlocks(code, { Callout, Scenario: ScenarioMarker })) {
    if (!React.isValidElement<{ name: string }>(block) || block.type !== ScenarioMarker) {
      run.push(block);
      continue;
    }
    flush();
    const name = block.props.name;
    const scenario = scenarios[name];
    segments.push(scenario ? { kind: "scenario", name, scenario, html: staticMarkup([<ScenarioFirstFrame key={name} name={name} scenario={scenario} />]) } : { kind: "missing", html: staticMarkup([<MissingScenario key={name} name={name} />]) });
  }
  flush();
  return segments;
}

function MissingScenario({ name }: { name: string }) {
  return <p role="alert" className="rounded-md border border-red-300 p-3">The scenario &ldquo;{name}&rdquo; is missing from content/scenarios.</p>;
}

/**
 * A live scenario as the lesson arrives: its controls, diagram frame and initial verdicts
 * evaluated here on the server, so text and verdicts are HTML before any JavaScript runs; the
 * island swaps in the interactive widget when the learner gets near it.
 */
function ScenarioFirstFrame({ name, scenario }: { name: string; scenario: ScenarioData }) {
  const states = Object.fromEntries(scenario.controls.map((c) => [c.id, c.initial]));
  const outcome = applyControls(scenario, states);
  return (
    <ScenarioView
      name={name}
      scenario={scenario}
      states={states}
      selected={0}
      outcome={outcome}
      evaluation={evaluateScenario(scenario, outcome)}
      diagram={outcome.ok ? <StaticTopologyFigure topology={outcome.topology} label={`Diagram of “${scenario.title}”; the selected probe's path is highlighted.`} /> : null}
    />
  );
}
