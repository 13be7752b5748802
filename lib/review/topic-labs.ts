import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";

export const TOPIC_LABS_FILE = path.join(process.cwd(), "content", "labs", "lessons-practised.yaml");

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lowercase words joined by dashes");
const topicLabsSchema = z.record(slug, z.array(slug).min(1, "name at least one lesson the lab practises"));

/**
 * Which labs practise each lesson, from content/labs/lessons-practised.yaml (lab slug → lesson
 * slugs), checked against the labs and lessons that exist: a broken file names the lab and
 * the slug that is wrong.
 */
export function parseTopicLabs(raw: string, labs: ReadonlySet<string>, lessons: ReadonlySet<string>): { ok: true; byLesson: Map<string, string[]> } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = parse(raw);
  } catch (error) {
    return { ok: false, error: `content/labs/lessons-practised.yaml is not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
  const parsed = topicLabsSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `content/labs/lessons-practised.yaml: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  const byLesson = new Map<string, string[]>();
  for (const [lab, lessonSlugs] of Object.entries(parsed.data)) {
    if (!labs.has(lab)) return { ok: false, error: `content/labs/lessons-practised.yaml: "${lab}" is not a lab (labs: ${[...labs].join(", ")})` };
    for (const lesson of lessonSlugs) {
      if (!lessons.has(lesson)) return { ok: false, error: `content/labs/lessons-practised.yaml: lab "${lab}" names "${lesson}", which is not a lesson` };
      byLesson.set(lesson, [...(byLesson.get(lesson) ?? []), lab]);
    }
  }
  return { ok: true, byLesson };
}

export async function loadTopicLabs(labs: ReadonlySet<string>, lessons: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const result = parseTopicLabs(await readFile(TOPIC_LABS_FILE, "utf8"), labs, lessons);
  if (!result.ok) throw new Error(result.error);
  return result.byLesson;
}
