import { db } from "@/lib/db";

export type LabDraft = { topology: string; updatedAt: string };

/** Saves the learner's work in progress (one draft per learner and lab; the newest wins). */
export async function saveLabDraft(userId: string, labSlug: string, topologyJson: string): Promise<LabDraft> {
  const row = await db.labDraft.upsert({
    where: { userId_labSlug: { userId, labSlug } },
    create: { userId, labSlug, topology: topologyJson },
    update: { topology: topologyJson },
    select: { topology: true, updatedAt: true },
  });
  return { topology: row.topology, updatedAt: row.updatedAt.toISOString() };
}

export async function getLabDraft(userId: string, labSlug: string): Promise<LabDraft | null> {
  const row = await db.labDraft.findUnique({ where: { userId_labSlug: { userId, labSlug } }, select: { topology: true, updatedAt: true } });
  return row ? { topology: row.topology, updatedAt: row.updatedAt.toISOString() } : null;
}

/** "Reset to start" forgets the draft; attempts are never deleted. */
export async function deleteLabDraft(userId: string, labSlug: string): Promise<void> {
  await db.labDraft.deleteMany({ where: { userId, labSlug } });
}
