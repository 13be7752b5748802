import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LabBrief } from "@/components/lab-brief";
import { toJson } from "@/components/lab-editor/document";
import { LabEditor } from "@/components/lab-editor/lab-editor";
import { requireUser } from "@/lib/auth/session";
import { compileLabBrief, hintFor, loadLab, type Lab } from "@/lib/labs";
import { countFailedLabAttempts, getLabDraft, labSlugSchema, listLabAttempts } from "@/lib/labs-store";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function findLab(slug: string): Promise<Lab | null> {
  const parsed = labSlugSchema.safeParse(slug);
  return parsed.success ? loadLab(parsed.data) : null;
}

// Briefs change only with a deploy: compile each once per process.
const briefs = new Map<string, Promise<{ code: string }>>();
function briefOf(lab: Lab) {
  let compiled = briefs.get(lab.slug);
  if (!compiled) {
    compiled = compileLabBrief(lab);
    compiled.catch(() => briefs.delete(lab.slug));
    briefs.set(lab.slug, compiled);
  }
  return compiled;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lab = await findLab((await params).slug);
  return lab ? { title: `Lab: ${lab.title}`, description: lab.summary } : {};
}

export default async function LabPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/labs/${slug}`);
  const lab = await findLab(slug);
  if (!lab) notFound();
  const [{ code }, draft, attempts, failed] = await Promise.all([briefOf(lab), getLabDraft(user.id, lab.slug), listLabAttempts(user.id, lab.slug), countFailedLabAttempts(user.id, lab.slug)]);
  let draftDoc = null;
  try {
    draftDoc = draft ? toJson(JSON.parse(draft.topology)) : null;
  } catch {
    draftDoc = null;
  }
  const bestPercent = attempts.length > 0 ? Math.max(...attempts.map((a) => a.percent)) : null;
  const lastFailed = attempts[0] !== undefined && !attempts[0].passed;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link className="underline" href="/labs">Labs</Link> · Lab {lab.order} · {lab.difficulty} · about {lab.estimatedMinutes} minutes
        </p>
        <h1 className="mt-1 text-3xl font-bold">{lab.title}</h1>
        <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{lab.summary}</p>
      </div>
      <section aria-label="Brief" className="prose-lesson">
        <LabBrief code={code} />
      </section>
      <section aria-labelledby="editor-heading" className="space-y-3">
        <h2 id="editor-heading" className="text-2xl font-semibold">Your network</h2>
        <LabEditor
          slug={lab.slug}
          start={toJson(lab.start)}
          draft={draftDoc}
          draftSavedAt={draft ? draft.updatedAt : null}
          checks={lab.checks}
          attempts={attempts}
          bestPercent={bestPercent}
          hint={lastFailed ? hintFor(lab, failed) : null}
        />
      </section>
    </div>
  );
}
