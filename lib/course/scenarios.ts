import { readFile } from "node:fs/promises";
import path from "node:path";
import { LessonContentError } from "./lessons";
import { applyControls, scenarioSchema, type ScenarioData } from "./scenario";

export const SCENARIOS_DIR = path.join(process.cwd(), "content", "scenarios");

/** Reads and validates content/scenarios/<name>.json; a broken scenario fails the build naming the file and field. */
export async function loadScenario(name: string, dir: string = SCENARIOS_DIR): Promise<ScenarioData> {
  const file = path.relative(process.cwd(), path.join(dir, `${name}.json`));
  let raw: string;
  try {
    raw = await readFile(path.join(dir, `${name}.json`), "utf8");
  } catch {
    throw new LessonContentError(file, null, `no such scenario file (a lesson uses <Scenario name="${name}" />)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new LessonContentError(file, null, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LessonContentError(file, issue?.path.join(".") || null, issue?.message ?? "invalid scenario", "field");
  }
  const initial = applyControls(parsed.data, {});
  if (!initial.ok) throw new LessonContentError(file, "topology", initial.error, "field");
  return parsed.data;
}

// Lesson pages are rendered per request; in production a scenario file only changes with a
// deploy, so each is read and validated once per process (as lessons.ts keeps the lessons).
const cache = new Map<string, Promise<ScenarioData>>();

function loadScenarioCached(name: string, dir: string): Promise<ScenarioData> {
  if (process.env.NODE_ENV !== "production") return loadScenario(name, dir);
  const key = path.join(dir, name);
  let loading = cache.get(key);
  if (!loading) {
    loading = loadScenario(name, dir);
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return loading;
}

export async function loadScenarios(names: string[], dir: string = SCENARIOS_DIR): Promise<Record<string, ScenarioData>> {
  const entries = await Promise.all([...new Set(names)].map(async (name) => [name, await loadScenarioCached(name, dir)] as const));
  return Object.fromEntries(entries);
}
