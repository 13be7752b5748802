import { z } from "zod";
import { db, TRANSACTION_OPTIONS } from "@/lib/db";

/** A graded attempt as the pages and the API show it (the submitted topology only on request). */
export type LabAttemptSummary = {
  id: string;
  labSlug: string;
  createdAt: string;
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean;
  checks: StoredCheckResult[];
};

export type LabBest = { labSlug: string; bestPercent: number; attempts: number; lastAttemptAt: string };

export type GradedAttemptInput = { score: number; maxScore: number; percent: number; checks: StoredCheckResult[] };

// Stored results are our own JSON; still parsed rather than cast, so an old row with another
// shape shows as "no details" instead of crashing the history. `kind` stays a string: a
// check kind may be renamed after an attempt was stored.
const storedCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  kind: z.string(),
  passed: z.boolean(),
  earned: z.number(),
  explanation: z.string(),
  counterexample: z
    .object({
      source: z.string(),
      sourceIp: z.string().optional(),
      destination: z.string().optional(),
      destinationIp: z.string().optional(),
      protocol: z.string(),
      destinationPort: z.number().optional(),
      description: z.string(),
      explanationCodes: z.array(z.string()),
    })
    .optional(),
});

/** One check's result as stored with an attempt (lib/labs' CheckResult, read back). */
export type StoredCheckResult = z.infer<typeof storedCheckSchema>;

function parseStoredChecks(text: string): StoredCheckResult[] {
  try {
    const parsed = z.array(storedCheckSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

type AttemptRow = { id: string; labSlug: string; createdAt: Date; score: number; maxScore: number; percent: number; results: string };

function toSummary(row: AttemptRow): LabAttemptSummary {
  return {
    id: row.id,
    labSlug: row.labSlug,
    createdAt: row.createdAt.toISOString(),
    score: row.score,
    maxScore: row.maxScore,
    percent: row.percent,
    passed: row.percent >= 100,
    checks: parseStoredChecks(row.results),
  };
}

const summaryFields = { id: true, labSlug: true, createdAt: true, score: true, maxScore: true, percent: true, results: true } as const;

export type SavedLabAttempt = { attempt: LabAttemptSummary; failedAttempts: number; bestPercent: number; attemptCount: number; replayed: boolean };

/**
 * Stores one graded attempt, marks the learner active, and, in the same transaction, counts the learner's failed
 * attempts at this lab (for the next hint) and reads their best score, so the numbers the
 * learner sees include this attempt even when other submissions arrive at the same time.
 * With a submission key (the client's Idempotency-Key), a second request with the same key
 * stores nothing and answers with the attempt the first one stored (`replayed`).
 */
export async function saveLabAttempt(
  userId: string,
  labSlug: string,
  topologyJson: string,
  graded: GradedAttemptInput,
  submissionKey: string | null = null,
): Promise<SavedLabAttempt> {
  return db.$transaction(async (tx) => {
    // Written first: on PostgreSQL the update locks the learner's row until commit, so their
    // concurrent submissions take turns, each sees the attempts stored before it, and a
    // doubled request finds the attempt its twin stored.
    await tx.user.update({ where: { id: userId }, data: { lastActiveAt: new Date() }, select: { id: true } });
    const earlier = submissionKey ? await tx.labAttempt.findUnique({ where: { userId_submissionKey: { userId, submissionKey } }, select: summaryFields }) : null;
    const row =
      earlier ??
      (await tx.labAttempt.create({
        data: {
          userId,
          labSlug,
          topology: topologyJson,
          score: graded.score,
          maxScore: graded.maxScore,
          percent: graded.percent,
          results: JSON.stringify(graded.checks),
          submissionKey,
        },
        select: summaryFields,
      }));
    const counts = await labCounts(userId, row.labSlug, tx);
    return { attempt: toSummary(row), ...counts, replayed: earlier !== null };
  }, TRANSACTION_OPTIONS);
}

/** The learner's failed attempts, attempts and best percent at one lab. */
export async function labCounts(
  userId: string,
  labSlug: string,
  client: Pick<typeof db, "labAttempt"> = db,
): Promise<{ failedAttempts: number; attemptCount: number; bestPercent: number }> {
  const [failedAttempts, attemptCount, best] = await Promise.all([
    client.labAttempt.count({ where: { userId, labSlug, percent: { lt: 100 } } }),
    client.labAttempt.count({ where: { userId, labSlug } }),
    client.labAttempt.aggregate({ where: { userId, labSlug }, _max: { percent: true } }),
  ]);
  return { failedAttempts, attemptCount, bestPercent: best._max.percent ?? 0 };
}

/** The attempt a learner's earlier request with this submission key stored, if any. */
export async function findLabAttemptByKey(userId: string, submissionKey: string): Promise<LabAttemptSummary | null> {
  const row = await db.labAttempt.findUnique({ where: { userId_submissionKey: { userId, submissionKey } }, select: summaryFields });
  return row ? toSummary(row) : null;
}

/** The learner's attempts at one lab, newest first. */
export async function listLabAttempts(userId: string, labSlug: string, limit = 50): Promise<LabAttemptSummary[]> {
  const rows = await db.labAttempt.findMany({
    where: { userId, labSlug },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: summaryFields,
  });
  return rows.map(toSummary);
}

/** The topology of one of the learner's own attempts (ownership in the query), or null. */
export async function getLabAttemptTopology(userId: string, attemptId: string): Promise<string | null> {
  const row = await db.labAttempt.findFirst({ where: { id: attemptId, userId }, select: { topology: true } });
  return row?.topology ?? null;
}

export async function countFailedLabAttempts(userId: string, labSlug: string): Promise<number> {
  return db.labAttempt.count({ where: { userId, labSlug, percent: { lt: 100 } } });
}

/** Best percent, attempt count and last attempt per lab the learner has tried. */
export async function listLabBests(userId: string): Promise<LabBest[]> {
  const groups = await db.labAttempt.groupBy({
    by: ["labSlug"],
    where: { userId },
    _max: { percent: true, createdAt: true },
    _count: { _all: true },
  });
  return groups
    .map((g) => ({
      labSlug: g.labSlug,
      bestPercent: g._max.percent ?? 0,
      attempts: g._count._all,
      lastAttemptAt: (g._max.createdAt ?? new Date(0)).toISOString(),
    }))
    .sort((a, b) => b.lastAttemptAt.localeCompare(a.lastAttemptAt));
}

/** An attempt with the exact topology submitted, for an instructor's read-only review (lib/classes). */
export type LabAttemptWithTopology = LabAttemptSummary & { topology: string };

/** A learner's attempts at every lab, newest first, each with its submitted topology. */
export async function listLabAttemptsWithTopology(userId: string, limit = 100): Promise<LabAttemptWithTopology[]> {
  const rows = await db.labAttempt.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...summaryFields, topology: true },
  });
  return rows.map((row) => ({ ...toSummary(row), topology: row.topology }));
}
