import { loadLessonSources } from "@/lib/course/lessons";
import { db } from "@/lib/db";
import { listLabAttemptsWithTopology, type LabAttemptWithTopology } from "@/lib/labs-store";
import type { Catalog } from "./catalog";

export type LessonAnswerDetail = { questionId: string; prompt: string; chosen: string; correct: boolean; answeredAt: string };

export type LessonDetail = {
  lessonSlug: string;
  title: string;
  startedAt: string;
  completedAt: string | null;
  /** From opening the lesson to finishing its check; null until finished (the only time measure we keep). */
  minutesToComplete: number | null;
  quizScore: number | null;
  quizTotal: number | null;
  answers: LessonAnswerDetail[];
};

export type LearnerDetail = {
  learner: { id: string; name: string; email: string; joinedAt: string; lastActiveAt: string | null };
  attempts: (LabAttemptWithTopology & { labTitle: string })[];
  lessons: LessonDetail[];
};

/**
 * Everything an instructor may review about one learner of their class: every lab attempt with
 * the exact topology submitted and the failed checks with their counterexamples, and every
 * lesson-check answer. Null when the user is not a member of the class (ownership in the query).
 */
export async function loadLearnerDetail(classId: string, learnerId: string, catalog: Catalog): Promise<LearnerDetail | null> {
  const membership = await db.classMember.findUnique({
    where: { classId_userId: { classId, userId: learnerId } },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true, lastActiveAt: true } } },
  });
  if (!membership) return null;
  const [attempts, progress, answers, lessonSources] = await Promise.all([
    listLabAttemptsWithTopology(learnerId),
    db.lessonProgress.findMany({ where: { userId: learnerId }, orderBy: { startedAt: "asc" } }),
    db.quizAnswer.findMany({ where: { userId: learnerId }, orderBy: { answeredAt: "asc" } }),
    loadLessonSources(),
  ]);
  const lessons = new Map(lessonSources.map((l) => [l.slug, l]));
  const labTitles = new Map(catalog.labs.map((l) => [l.slug, l.title]));
  return {
    learner: {
      id: membership.user.id,
      name: membership.user.name,
      email: membership.user.email,
      joinedAt: membership.joinedAt.toISOString(),
      lastActiveAt: membership.user.lastActiveAt?.toISOString() ?? null,
    },
    attempts: attempts.map((a) => ({ ...a, labTitle: labTitles.get(a.labSlug) ?? a.labSlug })),
    lessons: progress.map((p) => {
      const lesson = lessons.get(p.lessonSlug);
      return {
        lessonSlug: p.lessonSlug,
        title: lesson?.title ?? p.lessonSlug,
        startedAt: p.startedAt.toISOString(),
        completedAt: p.completedAt?.toISOString() ?? null,
        minutesToComplete: p.completedAt ? Math.max(0, Math.round((p.completedAt.getTime() - p.startedAt.getTime()) / 60_000)) : null,
        quizScore: p.quizScore,
        quizTotal: p.quizTotal,
        answers: answers
          .filter((a) => a.lessonSlug === p.lessonSlug)
          .map((a) => {
            const question = lesson?.quiz.find((q) => q.id === a.questionId);
            return {
              questionId: a.questionId,
              prompt: question?.prompt ?? a.questionId,
              chosen: question?.options[a.optionIndex]?.text ?? `option ${a.optionIndex + 1}`,
              correct: a.correct,
              answeredAt: a.answeredAt.toISOString(),
            };
          }),
      };
    }),
  };
}
