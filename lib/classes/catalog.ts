import { listLessons } from "@/lib/course/lessons";
import { EXAM_KIND_IDS, EXAM_KINDS } from "@/lib/exams/kinds";
import { listLabs } from "@/lib/labs";
import type { AssignmentKind } from "./progress";

/** What can be assigned: the course's lessons and labs (read from content/) and the timed exam sets (lib/exams), by slug, with their titles. */
export type Catalog = {
  lessons: { slug: string; title: string }[];
  labs: { slug: string; title: string }[];
  exams: { slug: string; title: string }[];
};

export async function loadCatalog(): Promise<Catalog> {
  const [lessons, labs] = await Promise.all([listLessons(), listLabs()]);
  return {
    lessons: lessons.map((l) => ({ slug: l.slug, title: l.title })),
    labs: labs.map((l) => ({ slug: l.slug, title: l.title })),
    exams: EXAM_KIND_IDS.map((id) => ({ slug: id, title: EXAM_KINDS[id].title })),
  };
}

export function titleIn(catalog: Catalog, kind: AssignmentKind, ref: string): string | null {
  const list = kind === "lesson" ? catalog.lessons : kind === "lab" ? catalog.labs : catalog.exams;
  return list.find((item) => item.slug === ref)?.title ?? null;
}

/** Where a learner does an assignment. */
export function assignmentHref(kind: string, ref: string): string {
  if (kind === "lab") return `/labs/${ref}`;
  if (kind === "exam") return "/exams";
  return `/lessons/${ref}`;
}
