/**
 * The progress matrix, learners × assignments, computed in memory from rows loaded in a fixed
 * number of queries (lib/classes/store.ts loadClassMatrix): never a query per cell. Pure, so
 * the rules (late, overdue, at risk) are tested without a database.
 */
/** Lessons, labs, and the timed exam sets of lib/exams (ref: the set's id, such as "ans-c01-short"). */
export type AssignmentKind = "lesson" | "lab" | "exam";

export type MatrixAssignment = {
  id: string;
  kind: AssignmentKind;
  ref: string;
  title: string;
  dueAt: Date;
  /** Labs and exam sets: the percent an attempt must reach to count as done (100 when unset). */
  minScore: number | null;
};

export type MatrixMember = { userId: string; email: string; name: string; joinedAt: Date; lastActiveAt: Date | null };
export type MatrixLessonRow = { userId: string; lessonSlug: string; startedAt: Date; completedAt: Date | null; quizScore: number | null; quizTotal: number | null };
export type MatrixAttemptRow = { userId: string; labSlug: string; percent: number; createdAt: Date };
/** A finished (submitted or timed-out) exam attempt: its set, percent of questions right, and when it ended. */
export type MatrixExamRow = { userId: string; kind: string; percent: number; finishedAt: Date };

export type MatrixInput = {
  now: Date;
  assignments: MatrixAssignment[];
  members: MatrixMember[];
  lessonProgress: MatrixLessonRow[];
  labAttempts: MatrixAttemptRow[];
  examAttempts?: MatrixExamRow[];
};

/**
 * A closed set: not started (nothing handed in), in progress (started, or attempted below the
 * minimum score), done (finished by the due date), late (finished after it; never refused).
 */
export type CellStatus = "not-started" | "in-progress" | "done" | "late";

export type MatrixCell = {
  assignmentId: string;
  status: CellStatus;
  /** Percent 0–100: a lesson's check score, a lab's or an exam set's best attempt; null before any work. */
  score: number | null;
  /** When the work first counted as finished (ISO, UTC). */
  finishedAt: string | null;
  /** Due date passed and the work is not finished. */
  overdue: boolean;
};

export type RiskReason = "behind" | "inactive";

export type MatrixRow = {
  userId: string;
  email: string;
  name: string;
  joinedAt: string;
  lastActivityAt: string | null;
  cells: MatrixCell[];
  /** Due assignments not finished. */
  behind: number;
  atRisk: boolean;
  riskReasons: RiskReason[];
  /** Mean percent over every assignment, unfinished work counting 0 (the gradebook's total). */
  total: number;
};

export type ClassMatrix = { assignments: MatrixAssignment[]; rows: MatrixRow[] };

export const AT_RISK_BEHIND = 2;
export const AT_RISK_INACTIVE_DAYS = 7;
const DAY_MS = 86_400_000;

const round1 = (n: number) => Math.round(n * 10) / 10;

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function lessonCell(a: MatrixAssignment, row: MatrixLessonRow | undefined, now: Date): MatrixCell {
  if (!row) return { assignmentId: a.id, status: "not-started", score: null, finishedAt: null, overdue: now > a.dueAt };
  const score = row.quizTotal ? round1((100 * (row.quizScore ?? 0)) / row.quizTotal) : row.completedAt ? 100 : null;
  if (!row.completedAt) return { assignmentId: a.id, status: "in-progress", score, finishedAt: null, overdue: now > a.dueAt };
  return { assignmentId: a.id, status: row.completedAt > a.dueAt ? "late" : "done", score, finishedAt: row.completedAt.toISOString(), overdue: false };
}

function labCell(a: MatrixAssignment, attempts: MatrixAttemptRow[] | undefined, now: Date): MatrixCell {
  if (!attempts || attempts.length === 0) return { assignmentId: a.id, status: "not-started", score: null, finishedAt: null, overdue: now > a.dueAt };
  const minScore = a.minScore ?? 100;
  let best = 0;
  let finished: Date | null = null;
  for (const t of attempts) {
    if (t.percent > best) best = t.percent;
    if (t.percent >= minScore && (!finished || t.createdAt < finished)) finished = t.createdAt;
  }
  if (!finished) return { assignmentId: a.id, status: "in-progress", score: round1(best), finishedAt: null, overdue: now > a.dueAt };
  return { assignmentId: a.id, status: finished > a.dueAt ? "late" : "done", score: round1(best), finishedAt: finished.toISOString(), overdue: false };
}

/** Groups rows by a key in one pass (the matrix never scans all rows per cell). */
function indexBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export function computeMatrix({ now, assignments, members, lessonProgress, labAttempts, examAttempts = [] }: MatrixInput): ClassMatrix {
  const sorted = [...assignments].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title));
  const lessons = indexBy(lessonProgress, (r) => `${r.userId}\u0000${r.lessonSlug}`);
  const attempts = indexBy(labAttempts, (r) => `${r.userId}\u0000${r.labSlug}`);
  // An exam set counts like a lab: the best finished attempt, done once one reaches the minimum.
  const examsAsAttempts = examAttempts.map((e): MatrixAttemptRow => ({ userId: e.userId, labSlug: e.kind, percent: e.percent, createdAt: e.finishedAt }));
  const exams = indexBy(examsAsAttempts, (r) => `${r.userId}\u0000${r.labSlug}`);
  const examActivity = indexBy(examsAsAttempts, (r) => r.userId);
  const lessonActivity = indexBy(lessonProgress, (r) => r.userId);
  const attemptActivity = indexBy(labAttempts, (r) => r.userId);
  const inactiveBefore = new Date(now.getTime() - AT_RISK_INACTIVE_DAYS * DAY_MS);

  const rows = members.map((m): MatrixRow => {
    const key = (a: MatrixAssignment) => `${m.userId}\u0000${a.ref}`;
    const cells = sorted.map((a) => {
      switch (a.kind) {
        case "lesson":
          return lessonCell(a, lessons.get(key(a))?.[0], now);
        case "lab":
          return labCell(a, attempts.get(key(a)), now);
        case "exam":
          return labCell(a, exams.get(key(a)), now);
        default:
          return a.kind satisfies never;
      }
    });
    let lastActivity = m.lastActiveAt;
    for (const r of lessonActivity.get(m.userId) ?? []) lastActivity = later(lastActivity, later(r.startedAt, r.completedAt));
    for (const r of attemptActivity.get(m.userId) ?? []) lastActivity = later(lastActivity, r.createdAt);
    for (const r of examActivity.get(m.userId) ?? []) lastActivity = later(lastActivity, r.createdAt);
    const behind = cells.filter((c) => c.overdue).length;
    const riskReasons: RiskReason[] = [];
    if (behind >= AT_RISK_BEHIND) riskReasons.push("behind");
    // A learner who joined this week is not inactive yet: their clock starts when they join.
    if ((later(lastActivity, m.joinedAt) ?? m.joinedAt) < inactiveBefore) riskReasons.push("inactive");
    const total = sorted.length === 0 ? 0 : round1(cells.reduce((sum, c) => sum + (c.score ?? 0), 0) / sorted.length);
    return {
      userId: m.userId,
      email: m.email,
      name: m.name,
      joinedAt: m.joinedAt.toISOString(),
      lastActivityAt: lastActivity?.toISOString() ?? null,
      cells,
      behind,
      atRisk: riskReasons.length > 0,
      riskReasons,
      total,
    };
  });
  return { assignments: sorted, rows: sortRows(rows, "risk", "asc") };
}

export const MATRIX_SORTS = ["risk", "name", "activity", "total", "behind"] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];
export type SortDirection = "asc" | "desc";

function compareBy(sort: MatrixSort): (a: MatrixRow, b: MatrixRow) => number {
  const byName = (a: MatrixRow, b: MatrixRow) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
  switch (sort) {
    case "risk":
      // At-risk learners first, the furthest behind first among them.
      return (a, b) => Number(b.atRisk) - Number(a.atRisk) || b.behind - a.behind || byName(a, b);
    case "name":
      return byName;
    case "activity":
      return (a, b) => (a.lastActivityAt ?? "").localeCompare(b.lastActivityAt ?? "") || byName(a, b);
    case "total":
      return (a, b) => a.total - b.total || byName(a, b);
    case "behind":
      return (a, b) => a.behind - b.behind || byName(a, b);
    default:
      return sort satisfies never;
  }
}

export function sortRows(rows: readonly MatrixRow[], sort: MatrixSort, direction: SortDirection): MatrixRow[] {
  const compare = compareBy(sort);
  return [...rows].sort((a, b) => (direction === "asc" ? compare(a, b) : compare(b, a)));
}

export type MatrixFilter = { query?: string; atRiskOnly?: boolean; assignmentId?: string; status?: CellStatus | "overdue" };

/** Narrows the rows: a name or email fragment, at-risk learners only, or one assignment's status. */
export function filterRows(rows: readonly MatrixRow[], filter: MatrixFilter): MatrixRow[] {
  const query = filter.query?.trim().toLowerCase() ?? "";
  return rows.filter((row) => {
    if (query && !row.name.toLowerCase().includes(query) && !row.email.toLowerCase().includes(query)) return false;
    if (filter.atRiskOnly && !row.atRisk) return false;
    if (filter.status) {
      const cells = filter.assignmentId ? row.cells.filter((c) => c.assignmentId === filter.assignmentId) : row.cells;
      const wanted = filter.status;
      if (!cells.some((c) => (wanted === "overdue" ? c.overdue : c.status === wanted))) return false;
    }
    return true;
  });
}
