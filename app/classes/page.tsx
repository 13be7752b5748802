import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/classes/action-form";
import { authorize, currentActor, enforceOnPage } from "@/lib/authz";
import { listClassesFor, type ClassSummary } from "@/lib/classes";
import { createClassAction, joinClassAction } from "./actions";

export const metadata: Metadata = { title: "Classes" };
export const dynamic = "force-dynamic";

const input = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

function ClassList({ classes, empty }: { classes: ClassSummary[]; empty: string }) {
  if (classes.length === 0) return <p className="text-slate-700 dark:text-slate-300">{empty}</p>;
  return (
    <ul className="space-y-2">
      {classes.map((c) => (
        <li key={c.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <Link href={`/classes/${c.id}`} className="text-lg font-semibold hover:underline">{c.name}</Link>
          {c.term ? <span className="ml-2 text-slate-600 dark:text-slate-400">{c.term}</span> : null}
          {c.archived ? <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs dark:bg-slate-700">Archived</span> : null}
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {c.learnerCount} learner{c.learnerCount === 1 ? "" : "s"} · {c.assignmentCount} assignment{c.assignmentCount === 1 ? "" : "s"}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default async function ClassesPage() {
  const actor = await currentActor();
  enforceOnPage(authorize("classes.list", actor), "/classes");
  if (actor.kind !== "user") return null;
  const { teaching, enrolled } = await listClassesFor(actor.user.id);
  const mayCreate = authorize("classes.create", actor).allowed;
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Classes</h1>
      {mayCreate ? (
        <section aria-labelledby="teaching-heading" className="space-y-4">
          <h2 id="teaching-heading" className="text-xl font-semibold">Classes you teach</h2>
          <ClassList classes={teaching} empty="You do not teach a class yet. Create one below." />
          <details className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" open={teaching.length === 0}>
            <summary className="cursor-pointer font-medium">Create a class</summary>
            <ActionForm action={createClassAction} submitLabel="Create class" pendingLabel="Creating…" className="mt-3 space-y-3">
              <div className="space-y-1">
                <label htmlFor="class-name" className="block font-medium">Class name</label>
                <input id="class-name" name="name" required maxLength={100} className={input} />
              </div>
              <div className="space-y-1">
                <label htmlFor="class-term" className="block font-medium">Term</label>
                <input id="class-term" name="term" maxLength={60} placeholder="Spring 2026" className={input} />
              </div>
              <div className="space-y-1">
                <label htmlFor="class-description" className="block font-medium">Description</label>
                <textarea id="class-description" name="description" maxLength={2000} rows={3} className={input} />
              </div>
            </ActionForm>
          </details>
        </section>
      ) : null}
      <section aria-labelledby="enrolled-heading" className="space-y-4">
        <h2 id="enrolled-heading" className="text-xl font-semibold">Classes you are in</h2>
        <ClassList classes={enrolled} empty="You have not joined a class. If your instructor gave you a join code, enter it below." />
        <ActionForm action={joinClassAction} submitLabel="Join class" pendingLabel="Joining…" className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="join-code" className="block font-medium">Join code</label>
            <input id="join-code" name="code" required autoComplete="off" spellCheck={false} placeholder="ABCD-EFGH-JKMN" className={`${input} font-mono uppercase`} />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
