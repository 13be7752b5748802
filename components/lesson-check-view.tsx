import type { FormEvent } from "react";
import type { GradedCheck, PublicQuizQuestion } from "@/lib/progress/lesson-check";

export type CheckStatus = { kind: "saved" | "anonymous" | "error"; text: string };

export type LessonCheckViewProps = {
  lessonSlug: string;
  quiz: PublicQuizQuestion[];
  answers: Record<string, number>;
  graded: GradedCheck | null;
  status: CheckStatus | null;
  pending: boolean;
  completedAt: string | null;
  /** Handlers once the check runs in the browser; absent in the server's HTML. */
  interactive?: { onChoose(questionId: string, option: number): void; onSubmit(event: FormEvent): void };
};

/**
 * The check at the end of a lesson as plain markup. Rendered on the server with no answers
 * (the HTML a lesson arrives with: its radios are the browser's own until the check loads, and
 * its button waits for the check) and in the browser by components/lesson-check.tsx. Which
 * option is right, and why, arrive only with the grade. No directive: each side imports it.
 */
export function LessonCheckView({ lessonSlug, quiz, answers, graded, status, pending, completedAt, interactive }: LessonCheckViewProps) {
  return (
    <section aria-labelledby="lesson-check" className="mt-12 rounded-lg border border-slate-200 p-5 dark:border-slate-800">
      <h2 id="lesson-check" className="text-2xl font-semibold">Check your understanding</h2>
      {completedAt ? <p className="mt-1 text-sm text-emerald-700 dark:text-emerald-400">Completed on {new Date(completedAt).toLocaleDateString("en-GB", { dateStyle: "long" })}.</p> : null}
      <form onSubmit={interactive?.onSubmit} className="mt-4 space-y-6">
        {quiz.map((question, qi) => {
          const result = graded?.results.find((r) => r.questionId === question.id);
          return (
            <fieldset key={question.id} className="space-y-2">
              <legend className="font-medium">{qi + 1}. {question.prompt}</legend>
              {question.options.map((text, oi) => {
                const id = `${question.id}-${oi}`;
                const chosen = answers[question.id] === oi;
                const correct = result?.correctIndex === oi;
                const reveal = result && (chosen || correct);
                return (
                  <div key={id} className={`rounded-md border p-2 ${reveal ? (correct ? "border-emerald-500" : "border-red-500") : "border-slate-200 dark:border-slate-700"}`}>
                    <label htmlFor={id} className="flex cursor-pointer items-start gap-2">
                      {interactive ? (
                        <input id={id} type="radio" name={question.id} value={oi} className="mt-1" checked={chosen} onChange={() => interactive.onChoose(question.id, oi)} />
                      ) : (
                        <input id={id} type="radio" name={question.id} value={oi} className="mt-1" defaultChecked={chosen} />
                      )}
                      <span>{text}</span>
                    </label>
                    {result ? (
                      <p className="mt-1 pl-6 text-sm text-slate-700 dark:text-slate-300">
                        <strong>{correct ? "Correct answer. " : chosen ? "Not quite. " : ""}</strong>
                        {result.explanations?.[oi]}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
        <div className="flex flex-wrap items-center gap-4">
          {/* Until the check's code has loaded (it does as the learner scrolls near it, or picks an
              option) the button is disabled, so a press is never silently dropped. */}
          <button type={interactive ? "submit" : "button"} disabled={pending || !interactive} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">
            {pending ? "Checking…" : "Check my answers"}
          </button>
          {graded ? <p aria-live="polite" className="font-medium">{graded.score} of {graded.total} correct.</p> : null}
        </div>
        {status ? (
          <p role={status.kind === "error" ? "alert" : "status"} className={status.kind === "error" ? "text-red-700 dark:text-red-400" : ""}>
            {status.text} {status.kind === "anonymous" ? <a className="underline" href={`/sign-in?callbackUrl=${encodeURIComponent(`/lessons/${lessonSlug}`)}`}>Sign in</a> : null}
          </p>
        ) : null}
      </form>
    </section>
  );
}
