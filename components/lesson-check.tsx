"use client";

import { useEffect, useState, type FormEvent } from "react";
import { submitLessonCheck } from "@/app/lessons/actions";
import type { GradedCheck, PublicQuizQuestion } from "@/lib/progress/lesson-check";
import { LessonCheckView, type CheckStatus } from "./lesson-check-view";

/**
 * The check at the end of a lesson: graded on the server, saved for signed-in learners.
 * `pickedBeforeLoad` reads the options picked in the server's HTML before the check loaded
 * (lesson-check-island.tsx).
 */
export function LessonCheck({ lessonSlug, quiz, pickedBeforeLoad }: { lessonSlug: string; quiz: PublicQuizQuestion[]; pickedBeforeLoad: () => Record<string, number> }) {
  const [answers, setAnswers] = useState<Record<string, number>>(pickedBeforeLoad);
  const [graded, setGraded] = useState<GradedCheck | null>(null);
  const [status, setStatus] = useState<CheckStatus | null>(null);
  const [pending, setPending] = useState(false);
  const [completedAt, setCompletedAt] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const response = await submitLessonCheck({ lessonSlug, answers }).catch(() => null);
    setPending(false);
    if (!response || !response.ok) {
      setStatus({ kind: "error", text: response?.error ?? "The check could not be sent. Check your connection and try again." });
      return;
    }
    setGraded(response.graded);
    if (response.saved) {
      if (response.graded.isComplete) setCompletedAt((c) => c ?? new Date().toISOString());
      setStatus({ kind: "saved", text: response.graded.isComplete ? "Saved. This lesson is marked as completed." : "Saved. Answer every question to complete the lesson." });
    } else {
      setStatus({ kind: "anonymous", text: "Sign in to save your answers and progress." });
    }
  }

  useEffect(() => {
    let cancelled = false;
    fetch(`/api/progress?lesson=${encodeURIComponent(lessonSlug)}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((data: { signedIn?: boolean; lesson?: { answers: Record<string, number>; completedAt: string | null } | null } | null) => {
        if (cancelled || !data?.lesson) return;
        // Saved answers fill in, but never undo a choice the learner made while they loaded.
        const saved = data.lesson.answers;
        setAnswers((current) => ({ ...saved, ...current }));
        setCompletedAt((c) => c ?? data.lesson?.completedAt ?? null);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [lessonSlug]);

  return (
    <LessonCheckView
      lessonSlug={lessonSlug}
      quiz={quiz}
      answers={answers}
      graded={graded}
      status={status}
      pending={pending}
      completedAt={completedAt}
      interactive={{
        onChoose: (questionId, option) => setAnswers((a) => ({ ...a, [questionId]: option })),
        onSubmit: (event) => void onSubmit(event),
      }}
    />
  );
}
