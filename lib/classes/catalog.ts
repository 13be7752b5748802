import { listLessons } from "@/lib/course/lessons";
import { listLabs } from "@/lib/labs";
import type { AssignmentKind } from "./progress";

/** What can be assigned: the course's lessons and labs, by slug, with their titles (read from content/). */
export type Catalog = {
  lessons: { slug: string; title: string }[];
  labs: { slug: string; title: string }[];
};

export async function loadCatalog(): Promise<Catalog> {
  const [lessons, labs] = await Promise.all([listLessons(), listLabs()]);
  return { lessons: lessons.map((l) => ({ slug: l.slug, title: l.title })), labs: labs.map((l) => ({ slug: l.slug, title: l.title })) };
}

export function titleIn(catalog: Catalog, kind: AssignmentKind, ref: string): string | null {
  const list = kind === "lesson" ? catalog.lessons : catalog.labs;
  return list.find((item) => item.slug === ref)?.title ?? null;
}
