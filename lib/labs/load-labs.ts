import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { parseTopology } from "@/lib/network";
import { labFrontmatterSchema, labSpecSchema, type LabSpec } from "./lab-spec";
import { rememberSpec } from "./lab-registry";
import type { Lab, LabMeta } from "./types";

export const LABS_DIR = path.join(process.cwd(), "content", "labs");

/** A lab an author must fix; the message names the file and the field. */
export class LabContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}: ${field ? `field "${field}": ` : ""}${detail}`);
    this.name = "LabContentError";
  }
}

const FOLDER_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const ALLOWED_COMPONENTS = new Set(["Callout"]);

function issuePath(p: readonly PropertyKey[]): string {
  return p.length > 0 ? p.map(String).join(".") : "(root)";
}

/** Validate one lab folder's two files (already read). Throws LabContentError for the first problem. */
export function parseLabFiles(folder: string, brief: { file: string; raw: string }, spec: { file: string; raw: string }): { lab: Lab; spec: LabSpec } {
  const match = FOLDER_PATTERN.exec(path.basename(folder));
  if (!match?.[1] || !match[2]) throw new LabContentError(folder, null, 'lab folders are named "NN-kebab-slug" (for example "01-three-tier-vpc")');

  let front: matter.GrayMatterFile<string>;
  try {
    front = matter(brief.raw);
  } catch (error) {
    throw new LabContentError(brief.file, null, `the frontmatter is not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  const meta = labFrontmatterSchema.safeParse(front.data);
  if (!meta.success) {
    const issue = meta.error.issues[0];
    throw new LabContentError(brief.file, issue ? issuePath(issue.path) : "(frontmatter)", issue?.message ?? "invalid");
  }
  if (meta.data.order !== Number(match[1])) throw new LabContentError(brief.file, "order", `is ${meta.data.order} but the folder name starts with ${match[1]}`);
  for (const tag of front.content.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
    if (tag[1] && !ALLOWED_COMPONENTS.has(tag[1])) throw new LabContentError(brief.file, null, `<${tag[1]}> is not available in lab briefs; use only <Callout type="note|tip|warning">`);
  }
  for (const callout of front.content.matchAll(/<Callout\b([^>]*)>/g)) {
    if (!/\btype="(note|tip|warning)"/.test(callout[1] ?? "")) throw new LabContentError(brief.file, null, `a <Callout> needs type="note", "tip" or "warning" (found <Callout${callout[1] ?? ""}>)`);
  }

  let json: unknown;
  try {
    json = JSON.parse(spec.raw);
  } catch (error) {
    throw new LabContentError(spec.file, null, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsedSpec = labSpecSchema.safeParse(json);
  if (!parsedSpec.success) {
    const issue = parsedSpec.error.issues[0];
    throw new LabContentError(spec.file, issue ? issuePath(issue.path) : null, issue?.message ?? "invalid");
  }
  const start = parseTopology(parsedSpec.data.start);
  if (!start.ok) {
    const issue = start.issues[0];
    throw new LabContentError(spec.file, `start.${issue?.path ?? ""}`, issue?.message ?? "the starting topology is invalid");
  }

  const lab: Lab = {
    slug: match[2],
    order: meta.data.order,
    title: meta.data.title,
    summary: meta.data.summary,
    estimatedMinutes: meta.data.estimatedMinutes,
    difficulty: meta.data.difficulty,
    briefSource: front.content,
    start: parsedSpec.data.start,
    checks: parsedSpec.data.checks.map((c) => ({ id: c.id, title: c.title, weight: c.weight, kind: c.kind })),
    hintCount: parsedSpec.data.hints.length,
  };
  return { lab, spec: parsedSpec.data };
}

async function readLab(dir: string, name: string): Promise<Lab> {
  const folder = path.relative(process.cwd(), path.join(dir, name));
  const read = async (file: string) => {
    const full = path.join(dir, name, file);
    const rel = path.join(folder, file);
    try {
      return { file: rel, raw: await readFile(full, "utf8") };
    } catch {
      throw new LabContentError(rel, null, "is missing (every lab folder holds brief.mdx and lab.json)");
    }
  };
  const [brief, spec] = await Promise.all([read("brief.mdx"), read("lab.json")]);
  const parsed = parseLabFiles(folder, brief, spec);
  rememberSpec(parsed.lab, parsed.spec);
  return parsed.lab;
}

const cache = new Map<string, Promise<Lab[]>>();

/** Every lab in `dir`, validated, in course order. Throws LabContentError for the first bad lab. */
export function loadLabs(dir: string = LABS_DIR): Promise<Lab[]> {
  const cached = cache.get(dir);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const loading = readLabs(dir);
  cache.set(dir, loading);
  loading.catch(() => cache.delete(dir));
  return loading;
}

async function readLabs(dir: string): Promise<Lab[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const labs = await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => e.name).sort().map((name) => readLab(dir, name)));
  const seen = new Map<number, string>();
  for (const lab of labs) {
    const other = seen.get(lab.order);
    if (other) throw new LabContentError(path.join(path.relative(process.cwd(), dir), `${String(lab.order).padStart(2, "0")}-${lab.slug}`), "order", `${lab.order} is also used by ${other}`);
    seen.set(lab.order, lab.slug);
  }
  return labs.sort((a, b) => a.order - b.order);
}

export async function listLabs(dir?: string): Promise<LabMeta[]> {
  return (await loadLabs(dir)).map((lab) => ({ slug: lab.slug, order: lab.order, title: lab.title, summary: lab.summary, estimatedMinutes: lab.estimatedMinutes, difficulty: lab.difficulty }));
}

export async function loadLab(slug: string, dir?: string): Promise<Lab | null> {
  return (await loadLabs(dir)).find((lab) => lab.slug === slug) ?? null;
}
