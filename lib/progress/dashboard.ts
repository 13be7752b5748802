import { db } from "@/lib/db";
import { listLabBests, type LabBest } from "@/lib/labs-store";

export type LessonProgressSummary = { lessonSlug: string; startedAt: Date; completedAt: Date | null; quizScore: number | null; quizTotal: number | null };

/** What the dashboard shows a learner, straight from the database. */
export async function getDashboard(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, role: true, createdAt: true, lessonProgress: { orderBy: { startedAt: "desc" } } },
  });
  if (!user) return null;
  const completed = user.lessonProgress.filter((p) => p.completedAt !== null);
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    memberSince: user.createdAt,
    progress: user.lessonProgress satisfies LessonProgressSummary[],
    completedCount: completed.length,
  };
}

/** The learner's best score per lab they have tried, most recent first, for the dashboard's labs section. */
export async function getLabProgress(userId: string): Promise<LabBest[]> {
  return listLabBests(userId);
}
