"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { findLesson } from "@/lib/course/lessons";
import { gradeLessonCheck, lessonCheckSubmissionSchema, saveLessonCheck, type GradedCheck } from "@/lib/progress/lesson-check";

export type LessonCheckResponse = { ok: true; graded: GradedCheck; saved: boolean } | { ok: false; error: string };

/** Grades a lesson check on the server and, for a signed-in learner, saves answers and progress. */
export async function submitLessonCheck(input: unknown): Promise<LessonCheckResponse> {
  const parsed = lessonCheckSubmissionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "These answers could not be read. Reload the page and try again." };
  const lesson = await findLesson(parsed.data.lessonSlug);
  if (!lesson) return { ok: false, error: "This lesson no longer exists." };
  const graded = gradeLessonCheck(lesson.quiz, parsed.data.answers);
  const user = await getCurrentUser();
  if (!user) return { ok: true, graded, saved: false };
  try {
    await saveLessonCheck(user.id, lesson.slug, graded);
    return { ok: true, graded, saved: true };
  } catch {
    return { ok: false, error: "Your answers could not be saved just now. Nothing you saved before was lost; please try again." };
  }
}
