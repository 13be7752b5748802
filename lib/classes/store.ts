import { db } from "@/lib/db";
import type { RateLimiter } from "@/lib/rate-limit";
import { titleIn, type Catalog } from "./catalog";
import { generateJoinCode, normalizeJoinCode } from "./join-code";
import { computeMatrix, type AssignmentKind, type ClassMatrix, type MatrixAssignment, type MatrixExamRow } from "./progress";
import { assignmentInputSchema, classDetailsSchema, fieldErrorsOf, instructorEmailSchema, type ClassResult } from "./schemas";

/**
 * Classes in the database. Callers have asked lib/authz first (routes, pages and server actions
 * stay thin); ownership still goes into each query (`where: { id, classId }`), so an id from
 * another class changes nothing.
 */

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

const ok = <T>(value: T): ClassResult<T> => ({ ok: true, value });
const fail = (error: string, fieldErrors?: Record<string, string[] | undefined>): ClassResult<never> => ({ ok: false, error, fieldErrors });

/** What lib/authz/rules/classes.ts needs to decide about one class and one user. */
export type ClassFacts = { exists: boolean; isInstructor: boolean; isMember: boolean; archived: boolean };

export async function loadClassFacts(classId: string, userId: string | null): Promise<ClassFacts> {
  const row = await db.classRoom.findUnique({
    where: { id: classId },
    select: {
      archivedAt: true,
      instructors: { where: { userId: userId ?? "" }, select: { userId: true } },
      members: { where: { userId: userId ?? "" }, select: { userId: true } },
    },
  });
  if (!row) return { exists: false, isInstructor: false, isMember: false, archived: false };
  return { exists: true, isInstructor: row.instructors.length > 0, isMember: row.members.length > 0, archived: row.archivedAt !== null };
}

/** Whether `learnerId` is enrolled in the class (for the drill-in's authorization). */
export async function isClassMember(classId: string, learnerId: string): Promise<boolean> {
  return (await db.classMember.count({ where: { classId, userId: learnerId } })) > 0;
}

async function withFreshJoinCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  // 2^59 codes make a collision unlikely; the unique index makes it harmless: draw again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export async function createClass(instructorId: string, input: unknown): Promise<ClassResult<{ id: string; joinCode: string }>> {
  const parsed = classDetailsSchema.safeParse(input);
  if (!parsed.success) return fail("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const created = await withFreshJoinCode((joinCode) =>
    db.classRoom.create({ data: { ...parsed.data, joinCode, instructors: { create: { userId: instructorId } } }, select: { id: true, joinCode: true } }),
  );
  return ok(created);
}

export async function updateClassDetails(classId: string, input: unknown): Promise<ClassResult> {
  const parsed = classDetailsSchema.safeParse(input);
  if (!parsed.success) return fail("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  await db.classRoom.update({ where: { id: classId }, data: parsed.data });
  return ok(null);
}

/** A new join code; the old one (and invite links made from it) stops working at once. */
export async function regenerateJoinCode(classId: string): Promise<ClassResult<string>> {
  const row = await withFreshJoinCode((joinCode) => db.classRoom.update({ where: { id: classId }, data: { joinCode }, select: { joinCode: true } }));
  return ok(row.joinCode);
}

export async function setClassArchived(classId: string, archived: boolean, now = new Date()): Promise<ClassResult> {
  await db.classRoom.update({ where: { id: classId }, data: { archivedAt: archived ? now : null } });
  return ok(null);
}

/** Adds a co-instructor by email: the account must exist and be an instructor (or an administrator). */
export async function addInstructorByEmail(classId: string, input: unknown): Promise<ClassResult<{ name: string }>> {
  const parsed = instructorEmailSchema.safeParse(input);
  if (!parsed.success) return fail("Enter the instructor's email address.", fieldErrorsOf(parsed.error));
  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, name: true, role: true } });
  if (!user || (user.role !== "instructor" && user.role !== "admin")) {
    return fail("There is no instructor account with this email. Ask an administrator to make the account an instructor first.", {
      email: ["No instructor account has this email."],
    });
  }
  await db.classInstructor.upsert({ where: { classId_userId: { classId, userId: user.id } }, create: { classId, userId: user.id }, update: {} });
  return ok({ name: user.name });
}

/** Removes a co-instructor; the last instructor stays, so a class is never left without one. */
export async function removeInstructor(classId: string, userId: string): Promise<ClassResult> {
  const count = await db.classInstructor.count({ where: { classId } });
  if (count <= 1) return fail("A class needs at least one instructor. Add another instructor before removing this one.");
  await db.classInstructor.deleteMany({ where: { classId, userId } });
  return ok(null);
}

/** Takes the learner off the roster. Their own work (attempts, lesson progress) stays theirs. */
export async function removeLearner(classId: string, userId: string): Promise<ClassResult> {
  const { count } = await db.classMember.deleteMany({ where: { classId, userId } });
  return count === 0 ? fail("This learner is not in the class.") : ok(null);
}

export async function leaveClass(classId: string, userId: string): Promise<ClassResult> {
  const { count } = await db.classMember.deleteMany({ where: { classId, userId } });
  return count === 0 ? fail("You are not in this class.") : ok(null);
}

export type JoinLimiters = { perUser: RateLimiter; perAddress: RateLimiter };
export type JoinOutcome = { classId: string; className: string; alreadyMember: boolean };

/**
 * Joins a class by its code. Every attempt counts against the user's and the address's limits
 * before the code is looked up, so guessing codes is slow whichever account or address guesses.
 */
export async function joinClassByCode(userId: string, codeInput: unknown, clientAddress: string, limiters: JoinLimiters): Promise<ClassResult<JoinOutcome>> {
  const [byUser, byAddress] = await Promise.all([limiters.perUser.take(userId), limiters.perAddress.take(clientAddress)]);
  if (!byUser.allowed || !byAddress.allowed) {
    const wait = Math.max(byUser.allowed ? 0 : byUser.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds);
    return fail(`Too many join attempts. Wait ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""} and try again, or ask your instructor for the invite link.`);
  }
  const code = typeof codeInput === "string" ? normalizeJoinCode(codeInput) : null;
  if (!code) return fail("A join code has 12 letters and digits, like ABCD-EFGH-JKMN. Check the code and try again.", { code: ["Enter the 12-character code."] });
  const found = await db.classRoom.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, archivedAt: true, instructors: { where: { userId }, select: { userId: true } } },
  });
  if (!found) return fail("No class has this code. Check it with your instructor: codes change when an instructor regenerates them.", { code: ["No class has this code."] });
  if (found.archivedAt) return fail("This class is archived and no longer takes new members.");
  if (found.instructors.length > 0) return fail("You teach this class, so you cannot also join it as a learner.");
  try {
    await db.classMember.create({ data: { classId: found.id, userId } });
    return ok({ classId: found.id, className: found.name, alreadyMember: false });
  } catch (error) {
    if (isUniqueViolation(error)) return ok({ classId: found.id, className: found.name, alreadyMember: true });
    throw error;
  }
}

/** Assigns a lesson or a lab, which must exist in the course. */
export async function addAssignment(classId: string, input: unknown, catalog: Catalog): Promise<ClassResult<{ id: string }>> {
  const parsed = assignmentInputSchema.safeParse(input);
  if (!parsed.success) return fail("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const { kind, ref, dueAt, minScore } = parsed.data;
  if (!titleIn(catalog, kind, ref)) return fail(`There is no ${kind} "${ref}" in the course.`, { ref: [`Choose a ${kind} from the list.`] });
  try {
    const row = await db.classAssignment.create({ data: { classId, kind, ref, dueAt, minScore }, select: { id: true } });
    return ok(row);
  } catch (error) {
    if (isUniqueViolation(error)) return fail(`This ${kind} is already assigned to the class: change its due date instead.`, { ref: ["Already assigned."] });
    throw error;
  }
}

export async function updateAssignment(classId: string, assignmentId: string, input: unknown): Promise<ClassResult> {
  const parsed = assignmentInputSchema.safeParse(input);
  if (!parsed.success) return fail("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const { count } = await db.classAssignment.updateMany({ where: { id: assignmentId, classId }, data: { dueAt: parsed.data.dueAt, minScore: parsed.data.minScore } });
  return count === 0 ? fail("This assignment is not in the class any more.") : ok(null);
}

export async function removeAssignment(classId: string, assignmentId: string): Promise<ClassResult> {
  const { count } = await db.classAssignment.deleteMany({ where: { id: assignmentId, classId } });
  return count === 0 ? fail("This assignment is not in the class any more.") : ok(null);
}

export type ClassSummary = { id: string; name: string; term: string; archived: boolean; learnerCount: number; assignmentCount: number };

/** The classes a user teaches and the classes they are enrolled in. */
export async function listClassesFor(userId: string): Promise<{ teaching: ClassSummary[]; enrolled: ClassSummary[] }> {
  const select = { id: true, name: true, term: true, archivedAt: true, _count: { select: { members: true, assignments: true } } } as const;
  const [teaching, enrolled] = await Promise.all([
    db.classRoom.findMany({ where: { instructors: { some: { userId } } }, select, orderBy: [{ archivedAt: "asc" }, { createdAt: "desc" }] }),
    db.classRoom.findMany({ where: { members: { some: { userId } } }, select, orderBy: { createdAt: "desc" } }),
  ]);
  const toSummary = (c: (typeof teaching)[number]): ClassSummary => ({
    id: c.id,
    name: c.name,
    term: c.term,
    archived: c.archivedAt !== null,
    learnerCount: c._count.members,
    assignmentCount: c._count.assignments,
  });
  return { teaching: teaching.map(toSummary), enrolled: enrolled.map(toSummary) };
}

export type ClassDetail = {
  id: string;
  name: string;
  term: string;
  description: string;
  joinCode: string;
  archivedAt: string | null;
  instructors: { userId: string; name: string; email: string }[];
};

export async function getClassDetail(classId: string): Promise<ClassDetail | null> {
  const row = await db.classRoom.findUnique({
    where: { id: classId },
    select: {
      id: true,
      name: true,
      term: true,
      description: true,
      joinCode: true,
      archivedAt: true,
      instructors: { select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { addedAt: "asc" } },
    },
  });
  if (!row) return null;
  return { ...row, archivedAt: row.archivedAt?.toISOString() ?? null, instructors: row.instructors.map((i) => ({ userId: i.user.id, name: i.user.name, email: i.user.email })) };
}

function toMatrixAssignment(row: { id: string; kind: string; ref: string; dueAt: Date; minScore: number | null }, catalog: Catalog): MatrixAssignment {
  const kind: AssignmentKind = row.kind === "lab" ? "lab" : row.kind === "exam" ? "exam" : "lesson";
  return { id: row.id, kind, ref: row.ref, title: titleIn(catalog, kind, row.ref) ?? `${row.ref} (no longer in the course)`, dueAt: row.dueAt, minScore: row.minScore };
}

/** The tables the matrix reads; tests and the benchmark pass a client that counts queries. */
export type MatrixClient = Pick<typeof db, "classAssignment" | "classMember" | "lessonProgress" | "labAttempt" | "examAttempt">;

/** Finished exam attempts (submitted, or finalized when time ran out) at the assigned sets, as matrix rows. */
async function finishedExamRows(client: Pick<typeof db, "examAttempt">, kinds: string[], where: object): Promise<MatrixExamRow[]> {
  if (kinds.length === 0) return [];
  const rows = await client.examAttempt.findMany({
    where: { ...where, kind: { in: kinds }, status: { not: "in_progress" }, score: { not: null } },
    select: { userId: true, kind: true, result: true, submittedAt: true, deadline: true },
  });
  return rows.flatMap((r) => {
    const percent = percentRight(r.result);
    return percent === null ? [] : [{ userId: r.userId, kind: r.kind, percent, finishedAt: r.submittedAt ?? r.deadline }];
  });
}

/** The share of questions right from a stored exam result (lib/exams ExamScore); null if unreadable. */
function percentRight(result: string | null): number | null {
  if (!result) return null;
  try {
    const parsed: unknown = JSON.parse(result);
    if (typeof parsed === "object" && parsed !== null && "percent" in parsed && typeof parsed.percent === "number") return parsed.percent;
  } catch {
    // a damaged row counts as not handed in rather than breaking the class page
  }
  return null;
}

/**
 * The class's progress matrix in four queries, whatever its size: members, assignments, the
 * members' progress on the assigned lessons, their attempts at the assigned labs. The members
 * are selected by a join in the database, not by a list of ids, so 500 learners is one query.
 */
export async function loadClassMatrix(classId: string, catalog: Catalog, now = new Date(), client: MatrixClient = db): Promise<ClassMatrix> {
  const assignmentRows = await client.classAssignment.findMany({ where: { classId }, select: { id: true, kind: true, ref: true, dueAt: true, minScore: true } });
  const assignments = assignmentRows.map((a) => toMatrixAssignment(a, catalog));
  const lessonRefs = assignments.filter((a) => a.kind === "lesson").map((a) => a.ref);
  const labRefs = assignments.filter((a) => a.kind === "lab").map((a) => a.ref);
  const examRefs = assignments.filter((a) => a.kind === "exam").map((a) => a.ref);
  const inClass = { classesJoined: { some: { classId } } };
  const [members, lessonProgress, labAttempts, examAttempts] = await Promise.all([
    client.classMember.findMany({ where: { classId }, select: { joinedAt: true, user: { select: { id: true, email: true, name: true, lastActiveAt: true } } } }),
    lessonRefs.length === 0
      ? Promise.resolve([])
      : client.lessonProgress.findMany({
          where: { lessonSlug: { in: lessonRefs }, user: inClass },
          select: { userId: true, lessonSlug: true, startedAt: true, completedAt: true, quizScore: true, quizTotal: true },
        }),
    labRefs.length === 0
      ? Promise.resolve([])
      : client.labAttempt.findMany({ where: { labSlug: { in: labRefs }, user: inClass }, select: { userId: true, labSlug: true, percent: true, createdAt: true } }),
    finishedExamRows(client, examRefs, { user: inClass }),
  ]);
  return computeMatrix({
    now,
    assignments,
    members: members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, joinedAt: m.joinedAt, lastActiveAt: m.user.lastActiveAt })),
    lessonProgress,
    labAttempts,
    examAttempts,
  });
}

export type LearnerClassView = {
  id: string;
  name: string;
  term: string;
  archived: boolean;
  matrix: ClassMatrix;
};

/**
 * A learner's own view of each of their classes: the assignments and their own results only
 * (the matrix computed with one member, themselves). Three queries for all their classes.
 */
export async function loadLearnerClasses(userId: string, catalog: Catalog, now = new Date()): Promise<LearnerClassView[]> {
  const memberships = await db.classMember.findMany({
    where: { userId },
    select: {
      joinedAt: true,
      user: { select: { email: true, name: true, lastActiveAt: true } },
      class: { select: { id: true, name: true, term: true, archivedAt: true, assignments: { select: { id: true, kind: true, ref: true, dueAt: true, minScore: true } } } },
    },
    orderBy: { joinedAt: "desc" },
  });
  const all = memberships.flatMap((m) => m.class.assignments);
  const lessonRefs = [...new Set(all.filter((a) => a.kind === "lesson").map((a) => a.ref))];
  const labRefs = [...new Set(all.filter((a) => a.kind === "lab").map((a) => a.ref))];
  const examRefs = [...new Set(all.filter((a) => a.kind === "exam").map((a) => a.ref))];
  const [lessonProgress, labAttempts, examAttempts] = await Promise.all([
    lessonRefs.length === 0
      ? Promise.resolve([])
      : db.lessonProgress.findMany({ where: { userId, lessonSlug: { in: lessonRefs } }, select: { userId: true, lessonSlug: true, startedAt: true, completedAt: true, quizScore: true, quizTotal: true } }),
    labRefs.length === 0 ? Promise.resolve([]) : db.labAttempt.findMany({ where: { userId, labSlug: { in: labRefs } }, select: { userId: true, labSlug: true, percent: true, createdAt: true } }),
    finishedExamRows(db, examRefs, { userId }),
  ]);
  return memberships.map((m) => ({
    id: m.class.id,
    name: m.class.name,
    term: m.class.term,
    archived: m.class.archivedAt !== null,
    matrix: computeMatrix({
      now,
      assignments: m.class.assignments.map((a) => toMatrixAssignment(a, catalog)),
      members: [{ userId, email: m.user.email, name: m.user.name, joinedAt: m.joinedAt, lastActiveAt: m.user.lastActiveAt }],
      lessonProgress,
      labAttempts,
      examAttempts,
    }),
  }));
}
