import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { lessonFrontmatterSchema, type LessonFrontmatter } from "./lesson-frontmatter";

export const LESSONS_DIR = path.join(process.cwd(), "content", "lessons");

export type LessonMeta = LessonFrontmatter & { slug: string; file: string };
export type LessonSource = LessonMeta & { body: string };

/** A lesson file an author must fix; the message names the file and the field. */
export class LessonContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
    fieldLabel = "frontmatter field",
  ) {
    super(`${file}: ${field ? `${fieldLabel} "${field}": ` : ""}${detail}`);
    this.name = "LessonContentError";
  }
}

const FILE_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** Reads and validates one lesson file; the slug is the file name without its order prefix. */
export function parseLessonFile(file: string, raw: string): LessonSource {
  const name = path.basename(file);
  const match = FILE_PATTERN.exec(name);
  if (!match?.[2]) {
    throw new LessonContentError(file, null, 'lesson files are named "NN-kebab-slug.mdx" (for example "03-route-tables.mdx")');
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new LessonContentError(file, null, `the frontmatter is not valid YAML (${detail})`);
  }
  const result = lessonFrontmatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join(".") : "(frontmatter)";
    throw new LessonContentError(file, field, issue?.message ?? "invalid");
  }
  if (result.data.order !== Number(match[1])) {
    throw new LessonContentError(file, "order", `is ${result.data.order} but the file name starts with ${match[1]}`);
  }
  return { ...result.data, slug: match[2], file, body: parsed.content };
}

const cache = new Map<string, Promise<LessonSource[]>>();

/** Every lesson in `dir`, validated and in course order. Throws LessonContentError for the first bad file. */
export function loadLessonSources(dir: string = LESSONS_DIR): Promise<LessonSource[]> {
  const cached = cache.get(dir);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const loading = readLessons(dir);
  cache.set(dir, loading);
  return loading;
}

async function readLessons(dir: string): Promise<LessonSource[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".mdx")).sort();
  const lessons = await Promise.all(
    names.map(async (name) => parseLessonFile(path.relative(process.cwd(), path.join(dir, name)), await readFile(path.join(dir, name), "utf8"))),
  );
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    const other = seen.get(lesson.slug);
    if (other) throw new LessonContentError(lesson.file, null, `has the same slug "${lesson.slug}" as ${other}`);
    seen.set(lesson.slug, lesson.file);
  }
  return lessons.sort((a, b) => a.order - b.order);
}

export async function listLessons(dir?: string): Promise<LessonMeta[]> {
  return (await loadLessonSources(dir)).map(({ body: _body, ...meta }) => meta);
}

export async function findLesson(slug: string, dir?: string): Promise<LessonSource | null> {
  return (await loadLessonSources(dir)).find((l) => l.slug === slug) ?? null;
}
