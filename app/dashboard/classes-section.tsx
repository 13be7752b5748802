import Link from "next/link";
import { LocalTime } from "@/components/classes/local-time";
import { CellStatusText } from "@/components/classes/status";
import { assignmentHref, loadCatalog, loadLearnerClasses } from "@/lib/classes";

/** The learner's classes on the dashboard: what is due next, what is overdue, their own scores. Nothing about other learners. */
export async function ClassesSection({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const classes = await loadLearnerClasses(userId, await loadCatalog(), now);
  if (classes.length === 0) return null;
  return (
    <section aria-labelledby="classes-heading" className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
      <h2 id="classes-heading" className="text-xl font-semibold">Your classes</h2>
      <div className="mt-2 space-y-5">
        {classes.map((c) => {
          const row = c.matrix.rows[0];
          const items = c.matrix.assignments.map((a, i) => ({ a, cell: row?.cells[i] }));
          const open = items.filter(({ cell }) => cell && cell.status !== "done" && cell.status !== "late");
          const next = open.filter(({ a }) => a.dueAt >= now).slice(0, 3);
          const overdue = open.filter(({ cell }) => cell?.overdue);
          return (
            <div key={c.id} data-class={c.name}>
              <h3 className="font-semibold">
                <Link className="underline" href={`/classes/${c.id}`}>{c.name}</Link>
                {c.term ? <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">{c.term}</span> : null}
              </h3>
              {items.length === 0 ? <p className="text-slate-700 dark:text-slate-300">Nothing assigned yet.</p> : null}
              {overdue.length > 0 ? (
                <div className="mt-1">
                  <h4 className="font-medium text-red-700 dark:text-red-400">Overdue ({overdue.length})</h4>
                  <ul className="list-disc pl-5">
                    {overdue.map(({ a }) => (
                      <li key={a.id}><Link className="underline" href={assignmentHref(a.kind, a.ref)}>{a.title}</Link> — was due <LocalTime iso={a.dueAt.toISOString()} />; hand it in late, it still counts.</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {next.length > 0 ? (
                <div className="mt-1">
                  <h4 className="font-medium">Due next</h4>
                  <ul className="list-disc pl-5">
                    {next.map(({ a }) => (
                      <li key={a.id}><Link className="underline" href={assignmentHref(a.kind, a.ref)}>{a.title}</Link> — due <LocalTime iso={a.dueAt.toISOString()} withZone /></li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {items.length > 0 ? (
                <div className="mt-1">
                  <h4 className="font-medium">Your results</h4>
                  <ul className="pl-5">
                    {items.map(({ a, cell }) => (
                      <li key={a.id}>{a.title}: {cell ? <CellStatusText cell={cell} /> : null}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
