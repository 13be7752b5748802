import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { loadLessonSources, type LessonSource } from "@/lib/course/lessons";
import { extractToc } from "@/lib/course/toc";
import { bankFileSchema, responseKind, type BankQuestion } from "./bank-schema";

export const QUESTIONS_DIR = path.join(process.cwd(), "content", "questions");

/** One thing an author must fix: the file, the question (when known) and what is wrong. */
export type BankIssue = { file: string; questionId: string | null; path: string; message: string };

export function formatBankIssue(issue: BankIssue): string {
  const where = [issue.file, issue.questionId ? `question "${issue.questionId}"` : null, issue.path || null].filter(Boolean).join(": ");
  return `${where}: ${issue.message}`;
}

export class QuestionBankError extends Error {
  constructor(readonly issues: BankIssue[]) {
    const shown = issues.slice(0, 20).map(formatBankIssue);
    super(`The question bank has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${shown.join("\n")}${issues.length > 20 ? `\n… and ${issues.length - 20} more` : ""}`);
    this.name = "QuestionBankError";
  }
}

export type BankParseResult = { questions: BankQuestion[]; issues: BankIssue[] };

/**
 * Reads one question file. The lesson it practises is its file name; every problem comes
 * back as an issue naming the file, the question id and the field, so authors fix them all at once.
 */
export function parseQuestionFile(file: string, raw: string, lessons: Map<string, LessonSource>): BankParseResult {
  const issues: BankIssue[] = [];
  const slug = path.basename(file).replace(/\.ya?ml$/, "");
  const lesson = lessons.get(slug);
  if (!lesson) {
    return { questions: [], issues: [{ file, questionId: null, path: "", message: `the file name must be a lesson slug (content/questions/<lesson-slug>.yaml); "${slug}" is not a lesson` }] };
  }
  const doc = parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { questions: [], issues: doc.errors.map((e) => ({ file, questionId: null, path: "", message: `not valid YAML: ${e.message.split("\n")[0]}` })) };
  }
  const data: unknown = doc.toJS();
  const parsed = bankFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, index, ...rest] = issue.path;
      const raw = typeof index === "number" ? idAt(data, index) : null;
      issues.push({ file, questionId: raw ?? (typeof index === "number" ? `#${index + 1}` : null), path: rest.map(String).join("."), message: issue.message });
    }
    return { questions: [], issues };
  }
  const anchors = new Set(extractToc(lesson.body).map((t) => t.id));
  const questions: BankQuestion[] = [];
  for (const q of parsed.data.questions) {
    if (!anchors.has(q.section)) {
      issues.push({ file, questionId: q.id, path: "section", message: `"${q.section}" is not a heading of lesson ${slug}; use one of: ${[...anchors].join(", ")}` });
    }
    questions.push({ ...q, lesson: slug, file, response: responseKind(q) });
  }
  return { questions, issues };
}

function idAt(data: unknown, index: number): string | null {
  if (typeof data !== "object" || data === null || !("questions" in data) || !Array.isArray(data.questions)) return null;
  const q: unknown = data.questions[index];
  return typeof q === "object" && q !== null && "id" in q && typeof q.id === "string" ? q.id : null;
}

/** Every question file, validated together (ids must be unique across files). */
export async function readQuestionBank(dir: string = QUESTIONS_DIR): Promise<BankParseResult> {
  const lessons = new Map((await loadLessonSources()).map((l) => [l.slug, l]));
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const results = await Promise.all(
    names.map(async (name) => parseQuestionFile(path.relative(process.cwd(), path.join(dir, name)), await readFile(path.join(dir, name), "utf8"), lessons)),
  );
  const questions = results.flatMap((r) => r.questions);
  const issues = results.flatMap((r) => r.issues);
  const seen = new Map<string, string>();
  for (const q of questions) {
    const other = seen.get(q.id);
    if (other) issues.push({ file: q.file, questionId: q.id, path: "id", message: `the id is already used in ${other}` });
    seen.set(q.id, q.file);
  }
  return { questions, issues };
}

const cache = new Map<string, Promise<BankQuestion[]>>();

/** The validated bank, in file then question order; throws QuestionBankError listing every problem. */
export function loadQuestionBank(dir: string = QUESTIONS_DIR): Promise<BankQuestion[]> {
  const cached = cache.get(dir);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const loading = readQuestionBank(dir).then(({ questions, issues }) => {
    if (issues.length > 0) throw new QuestionBankError(issues);
    return questions;
  });
  cache.set(dir, loading);
  loading.catch(() => cache.delete(dir));
  return loading;
}

export async function findBankQuestion(id: string): Promise<BankQuestion | null> {
  return (await loadQuestionBank()).find((q) => q.id === id) ?? null;
}
