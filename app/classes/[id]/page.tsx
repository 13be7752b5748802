import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/classes/action-form";
import { DueDateField } from "@/components/classes/due-date-field";
import { LocalTime } from "@/components/classes/local-time";
import { CellStatusText } from "@/components/classes/status";
import { authorize, currentActor, enforceOnPage } from "@/lib/authz";
import {
  CLASS_PAGE_SIZE,
  MATRIX_SORTS,
  assignmentHref,
  filterRows,
  formatJoinCode,
  getClassDetail,
  idSchema,
  loadCatalog,
  loadClassFacts,
  loadClassMatrix,
  loadLearnerClasses,
  pageWindow,
  sortRows,
  type Catalog,
  type ClassDetail,
  type ClassMatrix,
  type PageWindow,
} from "@/lib/classes";
import {
  addAssignmentAction,
  addInstructorAction,
  leaveClassAction,
  regenerateCodeAction,
  removeAssignmentAction,
  removeInstructorAction,
  removeLearnerAction,
  setArchivedAction,
  updateAssignmentAction,
  updateClassAction,
} from "../actions";

export const metadata: Metadata = { title: "Class" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";
const section = "space-y-4 rounded-lg border border-slate-200 p-5 dark:border-slate-800";

// The matrix's sort and filters live in the address, so a view can be bookmarked or shared.
const viewSchema = z.object({
  sort: z.enum(MATRIX_SORTS).catch("risk"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  q: z.string().max(100).catch(""),
  risk: z.literal("1").optional().catch(undefined),
  status: z.enum(["not-started", "in-progress", "done", "late", "overdue"]).optional().catch(undefined),
  assignment: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  roster: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ClassPage({ params, searchParams }: Props) {
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const classId = id.data;
  const actor = await currentActor();
  const facts = await loadClassFacts(classId, actor.kind === "user" ? actor.user.id : null);
  enforceOnPage(authorize("class.view", actor, facts), `/classes/${classId}`);
  const [detail, catalog] = await Promise.all([getClassDetail(classId), loadCatalog()]);
  if (!detail || actor.kind !== "user") notFound();
  if (!authorize("class.manage", actor, facts).allowed) return <LearnerView detail={detail} userId={actor.user.id} catalog={catalog} />;

  const raw = await searchParams;
  const view = viewSchema.parse(Object.fromEntries(["sort", "dir", "q", "risk", "status", "assignment", "page", "roster"].map((k) => [k, first(raw[k])])));
  const matrix = await loadClassMatrix(classId, catalog);
  const rows = sortRows(filterRows(matrix.rows, { query: view.q, atRiskOnly: view.risk === "1", status: view.status, assignmentId: view.assignment || undefined }), view.sort, view.dir);
  return (
    <div className="space-y-8">
      <Header detail={detail} />
      <JoinSection detail={detail} />
      <section aria-labelledby="matrix-heading" className={section}>
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="matrix-heading" className="text-xl font-semibold">Progress</h2>
          <p className="space-x-3 text-sm">
            <a className="underline" href={`/api/classes/${classId}/gradebook?format=csv`} download>Export gradebook (CSV)</a>
            <a className="underline" href={`/api/classes/${classId}/gradebook?format=json`} download>Export gradebook (JSON)</a>
          </p>
        </div>
        <MatrixFilters matrix={matrix} view={view} />
        <MatrixTable classId={classId} matrix={matrix} rows={rows} view={view} />
      </section>
      <AssignmentsSection classId={classId} matrix={matrix} catalog={catalog} />
      <RosterSection classId={classId} matrix={matrix} detail={detail} view={view} />
      <SettingsSection detail={detail} />
    </div>
  );
}

/** A second step before something that cannot be undone from this page; works without JavaScript. */
function Confirm({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm text-red-800 underline dark:text-red-300">{label}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

type View = z.infer<typeof viewSchema>;

/** A column heading that sorts by it, and reverses the order when it is already the sort. */
/** The page's address for `view` with some of it changed (a new sort or filter starts again at page 1). */
function viewHref(view: View, changes: Partial<View>): string {
  const next = { ...view, ...changes };
  const params = new URLSearchParams();
  params.set("sort", next.sort);
  params.set("dir", next.dir);
  if (next.q) params.set("q", next.q);
  if (next.risk) params.set("risk", next.risk);
  if (next.status) params.set("status", next.status);
  if (next.assignment) params.set("assignment", next.assignment);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.roster > 1) params.set("roster", String(next.roster));
  return `?${params.toString()}`;
}

/** "Learners 51–100 of 500" with links to the pages before and after. */
function Pager({ label, window: w, href }: { label: string; window: PageWindow; href: (page: number) => string }) {
  if (w.pages === 1) return null;
  return (
    <nav aria-label={`${label} pages`} className="flex flex-wrap items-center gap-4 text-sm">
      <span>{`${label} ${w.from + 1}–${w.to} of ${w.total}`}</span>
      {w.page > 1 ? <Link className="underline" href={href(w.page - 1)}>Previous {CLASS_PAGE_SIZE}</Link> : null}
      {w.page < w.pages ? <Link className="underline" href={href(w.page + 1)}>Next {CLASS_PAGE_SIZE}</Link> : null}
    </nav>
  );
}

function SortLink({ view, sort, children }: { view: View; sort: View["sort"]; children: React.ReactNode }) {
  const active = view.sort === sort;
  const params = new URLSearchParams(viewHref(view, { sort, dir: active && view.dir === "asc" ? "desc" : "asc", page: 1 }).slice(1));
  return (
    <Link className="underline" href={`?${params.toString()}`}>
      {children}
      <span className="sr-only">{active ? ` (sorted ${view.dir === "asc" ? "ascending" : "descending"}; select to reverse)` : " (select to sort)"}</span>
      <span aria-hidden="true">{active ? (view.dir === "asc" ? " ▲" : " ▼") : ""}</span>
    </Link>
  );
}

function Header({ detail }: { detail: ClassDetail }) {
  return (
    <div>
      <p className="text-sm"><Link className="underline" href="/classes">All classes</Link></p>
      <h1 className="text-3xl font-bold">{detail.name}</h1>
      {detail.term ? <p className="text-slate-600 dark:text-slate-400">{detail.term}</p> : null}
      {detail.archivedAt ? <p className="mt-1 font-medium">Archived <LocalTime iso={detail.archivedAt} />: nobody can join.</p> : null}
      {detail.description ? <p className="mt-2 whitespace-pre-line">{detail.description}</p> : null}
    </div>
  );
}

function JoinSection({ detail }: { detail: ClassDetail }) {
  const code = formatJoinCode(detail.joinCode);
  return (
    <section aria-labelledby="join-heading" className={section}>
      <h2 id="join-heading" className="text-xl font-semibold">Join code</h2>
      <p>
        Learners enter <strong className="font-mono text-lg" data-testid="join-code">{code}</strong> on the Classes page, or open the invite link{" "}
        <Link className="font-mono underline" href={`/join/${code}`}>/join/{code}</Link>.
      </p>
      <div className="flex flex-wrap gap-3">
        <ActionForm action={regenerateCodeAction} submitLabel="Regenerate code" variant="secondary">
          <input type="hidden" name="classId" value={detail.id} />
        </ActionForm>
        <ActionForm action={setArchivedAction} submitLabel={detail.archivedAt ? "Reopen class" : "Archive class"} variant="secondary">
          <input type="hidden" name="classId" value={detail.id} />
          <input type="hidden" name="archive" value={detail.archivedAt ? "false" : "true"} />
        </ActionForm>
      </div>
    </section>
  );
}

function MatrixFilters({ matrix, view }: { matrix: ClassMatrix; view: View }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Sort and filter the matrix">
      <div>
        <label htmlFor="f-q" className="block font-medium">Learner</label>
        <input id="f-q" name="q" defaultValue={view.q} placeholder="Name or email" className={input} />
      </div>
      <div>
        <label htmlFor="f-status" className="block font-medium">Status</label>
        <select id="f-status" name="status" defaultValue={view.status ?? ""} className={input}>
          <option value="">Any</option>
          <option value="not-started">Not started</option>
          <option value="in-progress">In progress</option>
          <option value="done">Done</option>
          <option value="late">Late</option>
          <option value="overdue">Overdue</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-assignment" className="block font-medium">in</label>
        <select id="f-assignment" name="assignment" defaultValue={view.assignment ?? ""} className={input}>
          <option value="">Any assignment</option>
          {matrix.assignments.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-sort" className="block font-medium">Sort by</label>
        <select id="f-sort" name="sort" defaultValue={view.sort} className={input}>
          <option value="risk">At risk first</option>
          <option value="name">Name</option>
          <option value="activity">Last activity</option>
          <option value="total">Total</option>
          <option value="behind">Assignments behind</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-dir" className="block font-medium">Order</label>
        <select id="f-dir" name="dir" defaultValue={view.dir} className={input}>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
      <label className="flex items-center gap-2 py-2">
        <input type="checkbox" name="risk" value="1" defaultChecked={view.risk === "1"} /> At risk only
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">Apply</button>
    </form>
  );
}

function MatrixTable({ classId, matrix, rows, view }: { classId: string; matrix: ClassMatrix; rows: ClassMatrix["rows"]; view: View }) {
  if (matrix.rows.length === 0) return <p>No learners yet. Share the join code or the invite link above.</p>;
  if (rows.length === 0) return <p role="status">No learner matches these filters.</p>;
  const matrixPage = pageWindow(rows.length, view.page);
  const shown = rows.slice(matrixPage.from, matrixPage.to);
  const pager = <Pager label="Learners" window={matrixPage} href={(page) => viewHref(view, { page })} />;
  return (
    <div className="space-y-3">
      {pager}
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">Learners by assignment: status and score</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left dark:border-slate-700">
              <th scope="col" className="p-2"><SortLink view={view} sort="name">Learner</SortLink></th>
              <th scope="col" className="p-2"><SortLink view={view} sort="activity">Last activity</SortLink></th>
              {matrix.assignments.map((a) => (
                <th key={a.id} scope="col" className="p-2">
                  {a.title}
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{a.kind} · due <LocalTime iso={a.dueAt.toISOString()} /></span>
                </th>
              ))}
              <th scope="col" className="p-2"><SortLink view={view} sort="total">Total</SortLink></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.userId} className="border-b border-slate-200 dark:border-slate-800" data-learner={row.email}>
                <th scope="row" className="p-2 text-left font-normal">
                  <Link className="font-medium underline" href={`/classes/${classId}/learners/${row.userId}`}>{row.name}</Link>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{row.email}</span>
                  {row.atRisk ? (
                    <span className="mt-1 inline-block rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
                      At risk: {row.riskReasons.map((r) => (r === "behind" ? `behind on ${row.behind}` : "inactive 7+ days")).join(", ")}
                    </span>
                  ) : null}
                </th>
                <td className="p-2">{row.lastActivityAt ? <LocalTime iso={row.lastActivityAt} /> : "Never"}</td>
                {row.cells.map((cell) => (
                  <td key={cell.assignmentId} className="p-2"><CellStatusText cell={cell} /></td>
                ))}
                <td className="p-2 font-medium">{row.total}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pager}
    </div>
  );
}

function AssignmentsSection({ classId, matrix, catalog }: { classId: string; matrix: ClassMatrix; catalog: Catalog }) {
  const assigned = new Set(matrix.assignments.map((a) => `${a.kind}:${a.ref}`));
  return (
    <section aria-labelledby="assignments-heading" className={section}>
      <h2 id="assignments-heading" className="text-xl font-semibold">Assignments</h2>
      {matrix.assignments.length === 0 ? <p>Nothing assigned yet.</p> : null}
      <ul className="space-y-3">
        {matrix.assignments.map((a) => (
          <li key={a.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <p className="font-medium">{a.title} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({a.kind}{a.minScore !== null ? `, done at ${a.minScore}%` : ""}) · due <LocalTime iso={a.dueAt.toISOString()} withZone /></span></p>
            <div className="mt-2 flex flex-wrap items-end gap-3">
              <ActionForm action={updateAssignmentAction} submitLabel="Change due date" variant="secondary" className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="classId" value={classId} />
                <input type="hidden" name="assignmentId" value={a.id} />
                <input type="hidden" name="kind" value={a.kind} />
                <input type="hidden" name="ref" value={a.ref} />
                {a.minScore !== null ? <input type="hidden" name="minScore" value={a.minScore} /> : null}
                <DueDateField id={`due-${a.id}`} defaultIso={a.dueAt.toISOString()} label="New due date" />
              </ActionForm>
              <Confirm label="Remove…">
                <ActionForm action={removeAssignmentAction} submitLabel={`Yes, remove “${a.title}” from the class`} variant="danger">
                  <input type="hidden" name="classId" value={classId} />
                  <input type="hidden" name="assignmentId" value={a.id} />
                </ActionForm>
              </Confirm>
            </div>
          </li>
        ))}
      </ul>
      <h3 className="font-semibold">Assign work</h3>
      <ActionForm action={addAssignmentAction} submitLabel="Assign" pendingLabel="Assigning…" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="classId" value={classId} />
        <div className="space-y-1">
          <label htmlFor="assign-work" className="block font-medium">Lesson, lab or exam set</label>
          <select id="assign-work" name="work" required className={input}>
            <optgroup label="Labs">
              {catalog.labs.filter((l) => !assigned.has(`lab:${l.slug}`)).map((l) => <option key={l.slug} value={`lab:${l.slug}`}>{l.title}</option>)}
            </optgroup>
            <optgroup label="Lessons">
              {catalog.lessons.filter((l) => !assigned.has(`lesson:${l.slug}`)).map((l) => <option key={l.slug} value={`lesson:${l.slug}`}>{l.title}</option>)}
            </optgroup>
            <optgroup label="Timed exam sets">
              {catalog.exams.filter((e) => !assigned.has(`exam:${e.slug}`)).map((e) => <option key={e.slug} value={`exam:${e.slug}`}>{e.title}</option>)}
            </optgroup>
          </select>
        </div>
        <DueDateField id="assign-due" />
        <div className="space-y-1">
          <label htmlFor="assign-min" className="block font-medium">Minimum score for labs and exam sets (%)</label>
          <input id="assign-min" name="minScore" type="number" min={1} max={100} defaultValue={80} className={`${input} w-24`} />
        </div>
      </ActionForm>
    </section>
  );
}

function RosterSection({ classId, matrix, detail, view }: { classId: string; matrix: ClassMatrix; detail: ClassDetail; view: View }) {
  const learners = [...matrix.rows].sort((a, b) => a.name.localeCompare(b.name));
  const rosterPage = pageWindow(learners.length, view.roster);
  const pager = <Pager label="Roster" window={rosterPage} href={(roster) => `${viewHref(view, { roster })}#roster-heading`} />;
  return (
    <section aria-labelledby="roster-heading" className={section}>
      <h2 id="roster-heading" className="text-xl font-semibold">Roster</h2>
      <h3 className="font-semibold">Learners ({learners.length})</h3>
      {pager}
      <ul className="space-y-2">
        {learners.slice(rosterPage.from, rosterPage.to).map((l) => (
          <li key={l.userId} className="flex flex-wrap items-center gap-3">
            <span>{l.name} <span className="text-sm text-slate-600 dark:text-slate-400">{l.email} · joined <LocalTime iso={l.joinedAt} /></span></span>
            <Confirm label={`Remove ${l.name}…`}>
              <ActionForm action={removeLearnerAction} submitLabel={`Yes, remove ${l.name} from the class`} variant="danger" className="flex items-center gap-2">
                <input type="hidden" name="classId" value={classId} />
                <input type="hidden" name="userId" value={l.userId} />
              </ActionForm>
            </Confirm>
          </li>
        ))}
      </ul>
      <h3 className="font-semibold">Instructors</h3>
      <ul className="space-y-2">
        {detail.instructors.map((i) => (
          <li key={i.userId} className="flex flex-wrap items-center gap-3">
            <span>{i.name} <span className="text-sm text-slate-600 dark:text-slate-400">{i.email}</span></span>
            {detail.instructors.length > 1 ? (
              <ActionForm action={removeInstructorAction} submitLabel={`Remove ${i.name}`} variant="danger" className="flex items-center gap-2">
                <input type="hidden" name="classId" value={classId} />
                <input type="hidden" name="userId" value={i.userId} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionForm action={addInstructorAction} submitLabel="Add instructor" variant="secondary" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="classId" value={classId} />
        <div className="space-y-1">
          <label htmlFor="instructor-email" className="block font-medium">Instructor&apos;s email</label>
          <input id="instructor-email" name="email" type="email" required className={input} />
        </div>
      </ActionForm>
    </section>
  );
}

function SettingsSection({ detail }: { detail: ClassDetail }) {
  return (
    <section aria-labelledby="settings-heading" className={section}>
      <h2 id="settings-heading" className="text-xl font-semibold">Details</h2>
      <ActionForm action={updateClassAction} submitLabel="Save details" variant="secondary">
        <input type="hidden" name="classId" value={detail.id} />
        <div className="space-y-1">
          <label htmlFor="edit-name" className="block font-medium">Class name</label>
          <input id="edit-name" name="name" required maxLength={100} defaultValue={detail.name} className={`${input} w-full`} />
        </div>
        <div className="space-y-1">
          <label htmlFor="edit-term" className="block font-medium">Term</label>
          <input id="edit-term" name="term" maxLength={60} defaultValue={detail.term} className={`${input} w-full`} />
        </div>
        <div className="space-y-1">
          <label htmlFor="edit-description" className="block font-medium">Description</label>
          <textarea id="edit-description" name="description" maxLength={2000} rows={3} defaultValue={detail.description} className={`${input} w-full`} />
        </div>
      </ActionForm>
    </section>
  );
}

/** A learner's view of their class: the assignments and their own results, nothing about anyone else. */
async function LearnerView({ detail, userId, catalog }: { detail: ClassDetail; userId: string; catalog: Catalog }) {
  const mine = (await loadLearnerClasses(userId, catalog)).find((c) => c.id === detail.id);
  const row = mine?.matrix.rows[0];
  return (
    <div className="space-y-8">
      <Header detail={detail} />
      <p>Taught by {detail.instructors.map((i) => i.name).join(", ")}.</p>
      <section aria-labelledby="my-assignments" className={section}>
        <h2 id="my-assignments" className="text-xl font-semibold">Your assignments</h2>
        {!mine || mine.matrix.assignments.length === 0 ? <p>Nothing assigned yet.</p> : (
          <ul className="space-y-2">
            {mine.matrix.assignments.map((a, i) => {
              const cell = row?.cells[i];
              return (
                <li key={a.id}>
                  <Link className="font-medium underline" href={assignmentHref(a.kind, a.ref)}>{a.title}</Link>{" "}
                  <span className="text-sm text-slate-600 dark:text-slate-400">({a.kind}{a.minScore !== null ? `, done at ${a.minScore}%` : ""}) · due <LocalTime iso={a.dueAt.toISOString()} withZone /></span>
                  {cell ? <> — <CellStatusText cell={cell} /></> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <ActionForm action={leaveClassAction} submitLabel="Leave this class" variant="danger">
        <input type="hidden" name="classId" value={detail.id} />
      </ActionForm>
    </div>
  );
}
