"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { submitLessonCheck } from "@/app/lessons/actions";
import type { QuizQuestion } from "@/lib/course/lesson-frontmatter";
import type { GradedCheck } from "@/lib/progress/lesson-check";

type Props = { lessonSlug: string; quiz: QuizQuestion[] };

/** The check at the end of a lesson: graded on the server, saved for signed-in learners. */
export function LessonCheck({ lessonSlug, quiz }: Props) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [graded, setGraded] = useState<GradedCheck | null>(null);
  const [status, setStatus] = useState<{ kind: "saved" | "anonymous" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [completedAt, setCompletedAt] = useState<string | null>(null);
  // The pre-rendered radios stay disabled until React owns them, so an early click is never lost.
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    setHydrated(true);
    let cancelled = false;
    fetch(`/api/progress?lesson=${encodeURIComponent(lessonSlug)}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((data: { signedIn?: boolean; lesson?: { answers: Record<string, number>; completedAt: string | null } | null } | null) => {
        if (cancelled || !data?.lesson) return;
        // Saved answers fill in, but never undo a choice the learner made while they loaded.
        const saved = data.lesson.answers;
        setAnswers((current) => ({ ...saved, ...current }));
        setCompletedAt(data.lesson.completedAt);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [lessonSlug]);

  async function onSubmit(event: React.FormEvent) {
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

  return (
    <section aria-labelledby="lesson-check" className="mt-12 rounded-lg border border-slate-200 p-5 dark:border-slate-800">
      <h2 id="lesson-check" className="text-2xl font-semibold">Check your understanding</h2>
      {completedAt ? <p className="mt-1 text-sm text-emerald-700 dark:text-emerald-400">Completed on {new Date(completedAt).toLocaleDateString("en-GB", { dateStyle: "long" })}.</p> : null}
      <form onSubmit={onSubmit} className="mt-4 space-y-6">
        {quiz.map((question, qi) => {
          const result = graded?.results.find((r) => r.questionId === question.id);
          return (
            <fieldset key={question.id} className="space-y-2">
              <legend className="font-medium">{qi + 1}. {question.prompt}</legend>
              {question.options.map((option, oi) => {
                const id = `${question.id}-${oi}`;
                const chosen = answers[question.id] === oi;
                const reveal = result && (chosen || option.correct);
                return (
                  <div key={id} className={`rounded-md border p-2 ${reveal ? (option.correct ? "border-emerald-500" : "border-red-500") : "border-slate-200 dark:border-slate-700"}`}>
                    <label htmlFor={id} className="flex cursor-pointer items-start gap-2">
                      <input id={id} type="radio" name={question.id} className="mt-1" checked={chosen} disabled={!hydrated} onChange={() => setAnswers((a) => ({ ...a, [question.id]: oi }))} />
                      <span>{option.text}</span>
                    </label>
                    {result ? (
                      <p className="mt-1 pl-6 text-sm text-slate-700 dark:text-slate-300">
                        <strong>{option.correct ? "Correct answer. " : chosen ? "Not quite. " : ""}</strong>
                        {option.explanation}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={pending || !hydrated} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">
            {pending ? "Checking…" : "Check my answers"}
          </button>
          {graded ? <p aria-live="polite" className="font-medium">{graded.score} of {graded.total} correct.</p> : null}
        </div>
        {status ? (
          <p role={status.kind === "error" ? "alert" : "status"} className={status.kind === "error" ? "text-red-700 dark:text-red-400" : ""}>
            {status.text} {status.kind === "anonymous" ? <Link className="underline" href={`/sign-in?callbackUrl=${encodeURIComponent(`/lessons/${lessonSlug}`)}`}>Sign in</Link> : null}
          </p>
        ) : null}
      </form>
    </section>
  );
}
