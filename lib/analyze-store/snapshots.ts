import { z } from "zod";
import type { Actor } from "@/lib/authz/actor";
import type { Decision } from "@/lib/authz/decision";
import { authorize } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { describeJsonProblem, parseJsonText } from "@/lib/http/json-body";
import { LIMITS, formatBytes } from "@/lib/http/limits";

/**
 * Snapshots a learner saves from /analyze: the files exactly as dropped, so opening one runs
 * the analysis again in their browser. Every function takes the actor and asks lib/authz; a
 * snapshot is read and deleted with its owner in the query as well.
 */

export const snapshotBodySchema = z.strictObject({
  name: z.string().trim().min(1, "Give the snapshot a name.").max(LIMITS.nameChars, `A name is at most ${LIMITS.nameChars} characters.`),
  files: z
    .array(
      z.strictObject({
        name: z.string().min(1, "Every file needs its name.").max(300, "A file name is at most 300 characters."),
        text: z.string(),
      }),
    )
    .min(1, "Drop at least one file before saving.")
    .max(5000, "A snapshot holds at most 5000 files."),
});

export type SnapshotFile = z.infer<typeof snapshotBodySchema>["files"][number];
export type SnapshotSummary = { id: string; name: string; fileCount: number; bytes: number; createdAt: string };
export type SnapshotOutcome<T> = { status: 200 | 201; body: T } | { status: 400 | 401 | 404 | 409 | 413; body: { kind: string; error: string } };

type Refusal = { status: 401 | 404; body: { kind: "unauthorized" | "not-found"; error: string } };

const notFound: Refusal = { status: 404, body: { kind: "not-found", error: "No saved snapshot has this id in your account." } };

/** The signed-in owner's id when the policy allows, else what to answer (a 403 is told as 404: nothing is revealed). */
function permitted(decision: Decision, actor: Actor): { ok: true; userId: string } | { ok: false; refusal: Refusal } {
  if (decision.allowed && actor.kind === "user") return { ok: true, userId: actor.user.id };
  if (!decision.allowed && decision.status === 401) return { ok: false, refusal: { status: 401, body: { kind: "unauthorized", error: decision.reason } } };
  return { ok: false, refusal: decision.allowed ? notFound : { status: 404, body: { kind: "not-found", error: decision.reason } } };
}

export function snapshotTooLarge(bytes: number) {
  return { status: 413, body: { kind: "too-large", error: `The snapshot is ${formatBytes(bytes)}; an account keeps snapshots up to ${formatBytes(LIMITS.savedSnapshotBytes)}. It is still analysed in your browser; save a smaller set of files (one VPC's, or leave out ip-ranges.json).` } } as const;
}

const summaryOf = (row: { id: string; name: string; fileCount: number; bytes: number; createdAt: Date }): SnapshotSummary => ({ ...row, createdAt: row.createdAt.toISOString() });
const summarySelect = { id: true, name: true, fileCount: true, bytes: true, createdAt: true } as const;

/** Saves the body of POST /api/snapshots (`{ name, files }`) for the actor. */
export async function saveSnapshot(actor: Actor, text: string): Promise<SnapshotOutcome<SnapshotSummary>> {
  const allowed = permitted(authorize("snapshot.save", actor), actor);
  if (!allowed.ok) return allowed.refusal;
  const parsed = parseJsonText(text, { maxBytes: LIMITS.savedSnapshotBytes });
  if (!parsed.ok) {
    if (parsed.problem.kind === "too-large") return snapshotTooLarge(parsed.problem.bytes);
    return { status: 400, body: { kind: "bad-request", error: describeJsonProblem(parsed.problem, "The snapshot") } };
  }
  const body = snapshotBodySchema.safeParse(parsed.value);
  if (!body.success) return { status: 400, body: { kind: "bad-request", error: body.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") } };
  const userId = allowed.userId;
  const count = await db.savedSnapshot.count({ where: { userId } });
  if (count >= LIMITS.savedSnapshotsPerUser) {
    return { status: 409, body: { kind: "too-many", error: `Your account keeps at most ${LIMITS.savedSnapshotsPerUser} snapshots: delete one to save another.` } };
  }
  const files = JSON.stringify(body.data.files);
  const row = await db.savedSnapshot.create({
    data: { userId, name: body.data.name, files, fileCount: body.data.files.length, bytes: Buffer.byteLength(files, "utf8") },
    select: summarySelect,
  });
  return { status: 201, body: summaryOf(row) };
}

/** The actor's own snapshots, newest first. */
export async function listSnapshots(actor: Actor): Promise<SnapshotOutcome<{ snapshots: SnapshotSummary[] }>> {
  const allowed = permitted(authorize("snapshot.list", actor), actor);
  if (!allowed.ok) return allowed.refusal;
  const rows = await db.savedSnapshot.findMany({ where: { userId: allowed.userId }, orderBy: { createdAt: "desc" }, select: summarySelect });
  return { status: 200, body: { snapshots: rows.map(summaryOf) } };
}

async function ownerOf(id: string): Promise<string | undefined> {
  if (id.length > 100) return undefined;
  const row = await db.savedSnapshot.findUnique({ where: { id }, select: { userId: true } });
  return row?.userId;
}

const storedFilesSchema = z.array(z.object({ name: z.string(), text: z.string() }));

/** One snapshot with its files, for its owner; 404 for anyone else. */
export async function openSnapshot(actor: Actor, id: string): Promise<SnapshotOutcome<SnapshotSummary & { files: SnapshotFile[] }>> {
  const allowed = permitted(authorize("snapshot.open", actor, { ownerId: await ownerOf(id) }), actor);
  if (!allowed.ok) return allowed.refusal;
  const row = await db.savedSnapshot.findFirst({ where: { id, userId: allowed.userId }, select: { ...summarySelect, files: true } });
  if (!row) return notFound;
  let stored: unknown = null;
  try {
    stored = JSON.parse(row.files);
  } catch {
    // reported below as unreadable
  }
  const files = storedFilesSchema.safeParse(stored);
  if (!files.success) return { status: 409, body: { kind: "unreadable", error: "This snapshot's stored files cannot be read back; delete it and save the files again." } };
  const { files: _text, ...summary } = row;
  return { status: 200, body: { ...summaryOf(summary), files: files.data } };
}

/** Deletes one of the actor's snapshots; 404 for anyone else's. */
export async function deleteSnapshot(actor: Actor, id: string): Promise<SnapshotOutcome<{ deleted: string }>> {
  const allowed = permitted(authorize("snapshot.delete", actor, { ownerId: await ownerOf(id) }), actor);
  if (!allowed.ok) return allowed.refusal;
  const { count } = await db.savedSnapshot.deleteMany({ where: { id, userId: allowed.userId } });
  if (count === 0) return notFound;
  return { status: 200, body: { deleted: id } };
}
