"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveAnswer, submitExam, type ExamActionResult } from "@/app/exams/actions";
import { TIME_WARNINGS, dueTimeWarning, formatDuration } from "@/lib/exams/clock";
import type { PublicQuestion } from "@/lib/exams/public-question";

type Answer = { chosen: number[]; flagged: boolean };
type SaveState = "saving" | "saved" | "error";

type Props = {
  attemptId: string;
  title: string;
  questions: PublicQuestion[];
  initialAnswers: Record<string, Answer>;
  /** The server's deadline and its clock when the page was rendered (ms since the epoch). */
  deadline: number;
  serverNow: number;
};

export const SHORTCUTS: [string, string][] = [
  ["1 – 6", "choose (or clear) that option"],
  ["F", "flag or unflag the question for review"],
  ["N or →", "next question"],
  ["P or ←", "previous question"],
  ["R", "open the review screen"],
];

/**
 * The question player. It only ever holds PublicQuestion (no correct flags, no explanations):
 * the score is computed on the server after submission. Every change is saved at once, in order,
 * through a server action; the countdown is the server's deadline corrected for this device's
 * clock, and when it reaches zero the attempt is submitted (the server would finalize it anyway).
 */
export function ExamPlayer({ attemptId, title, questions, initialAnswers, deadline, serverNow }: Props) {
  const router = useRouter();
  const [index, setIndex] = useState(0);
  const [reviewing, setReviewing] = useState(false);
  const [answers, setAnswers] = useState<Record<string, Answer>>(initialAnswers);
  // The latest answers, read by key presses and clicks that arrive before React re-renders.
  const answersRef = useRef(initialAnswers);
  const [saveState, setSaveState] = useState<Record<string, SaveState>>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const skew = useRef<number | null>(null);
  const [remaining, setRemaining] = useState(deadline - serverNow);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const finished = useRef(false);
  const failed = useRef(new Set<string>());
  const retry = useRef<(questionId: string) => void>(() => undefined);
  const question = questions[index];

  const finish = useCallback(async () => {
    if (finished.current) return;
    finished.current = true;
    setSubmitting(true);
    await queue.current;
    const result: ExamActionResult | null = await submitExam({ attemptId }).catch(() => null);
    if (!result?.ok) {
      finished.current = false;
      setSubmitting(false);
      setError(result?.error ?? "The exam could not be submitted. Check your connection and try again; your answers are saved.");
      return;
    }
    router.push(`/exams/${attemptId}/result`);
  }, [attemptId, router]);

  useEffect(() => {
    skew.current ??= serverNow - Date.now();
    // Warnings already passed when the page opens are not announced late: the timer says the time.
    const announced = new Set<number>(TIME_WARNINGS.filter((w) => deadline - serverNow <= w.ms).map((w) => w.ms));
    const tick = () => {
      const left = deadline - (Date.now() + (skew.current ?? 0));
      setRemaining(left);
      const warning = dueTimeWarning(left, announced);
      if (warning) setAnnouncement(warning);
      if (left <= 0) void finish();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, serverNow, finish]);

  const save = useCallback(
    (questionId: string, answer: Answer) => {
      setSaveState((s) => ({ ...s, [questionId]: "saving" }));
      queue.current = queue.current.then(async () => {
        const result = await saveAnswer({ attemptId, questionId, chosen: answer.chosen, flagged: answer.flagged }).catch(() => null);
        if (result?.ok) {
          setSaveState((s) => ({ ...s, [questionId]: "saved" }));
          if (failed.current.delete(questionId) && failed.current.size === 0) setError(null);
          return;
        }
        setSaveState((s) => ({ ...s, [questionId]: "error" }));
        if (result?.closed) {
          setError(result.error);
          router.push(`/exams/${attemptId}/result`);
        } else if (result) {
          setError(result.error);
        } else {
          // The request never got an answer (offline, server restarting): send the latest answer
          // to this question again shortly, unless a newer change has already been queued.
          failed.current.add(questionId);
          setError("Your last answer could not be saved yet. Check your connection; it is sent again every few seconds.");
          setTimeout(() => {
            if (failed.current.has(questionId) && !finished.current) retry.current(questionId);
          }, 5000);
        }
      });
    },
    [attemptId, router],
  );

  useEffect(() => {
    retry.current = (questionId) => save(questionId, answersRef.current[questionId] ?? { chosen: [], flagged: false });
  }, [save]);

  const update = useCallback(
    (questionId: string, change: (a: Answer) => Answer) => {
      const next = change(answersRef.current[questionId] ?? { chosen: [], flagged: false });
      answersRef.current = { ...answersRef.current, [questionId]: next };
      setAnswers(answersRef.current);
      save(questionId, next);
    },
    [save],
  );

  const choose = useCallback(
    (q: PublicQuestion, option: number) => {
      if (option < 0 || option >= q.options.length) return;
      update(q.id, (a) => {
        if (q.choose === 1) return { ...a, chosen: a.chosen.includes(option) ? [] : [option] };
        const chosen = a.chosen.includes(option) ? a.chosen.filter((c) => c !== option) : [...a.chosen, option].sort((x, y) => x - y);
        return { ...a, chosen };
      });
    },
    [update],
  );

  const go = useCallback((to: number) => {
    setReviewing(false);
    setIndex(Math.min(Math.max(to, 0), questions.length - 1));
  }, [questions.length]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || submitting) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.tagName === "TEXTAREA" || (target instanceof HTMLInputElement && target.type === "text"))) return;
      const key = event.key;
      if (/^[1-9]$/.test(key) && !reviewing && question) {
        event.preventDefault();
        choose(question, Number(key) - 1);
      } else if ((key === "f" || key === "F") && !reviewing && question) {
        event.preventDefault();
        update(question.id, (a) => ({ ...a, flagged: !a.flagged }));
      } else if (key === "n" || key === "N" || key === "ArrowRight") {
        event.preventDefault();
        go(reviewing ? index : index + 1);
      } else if (key === "p" || key === "P" || key === "ArrowLeft") {
        event.preventDefault();
        go(reviewing ? index : index - 1);
      } else if (key === "r" || key === "R") {
        event.preventDefault();
        setReviewing(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [choose, go, index, question, reviewing, submitting, update]);

  const answered = questions.filter((q) => (answers[q.id]?.chosen.length ?? 0) > 0);
  const flagged = questions.filter((q) => answers[q.id]?.flagged);
  const low = remaining <= 10 * 60_000;

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white/95 py-2 dark:border-slate-800 dark:bg-slate-950/95">
        <h1 className="text-lg font-semibold sm:text-xl">{title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {answered.length} of {questions.length} answered · {flagged.length} flagged
        </p>
        <p role="timer" aria-label="Time left" className={`ml-auto font-mono text-lg font-semibold tabular-nums ${low ? "text-red-700 dark:text-red-400" : ""}`}>
          {formatDuration(remaining)}
        </p>
      </div>
      <p aria-live="assertive" className="sr-only" data-testid="time-warning">{announcement}</p>
      {error ? <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">{error}</p> : null}

      {reviewing ? (
        <section aria-labelledby="review-heading" className="space-y-4">
          <h2 id="review-heading" className="text-2xl font-semibold">Review before you submit</h2>
          <p>
            <strong>{answered.length}</strong> answered, <strong>{questions.length - answered.length}</strong> unanswered, <strong>{flagged.length}</strong> flagged for review.
            Unanswered questions score as wrong. You can go back to any question until you submit or the time runs out.
          </p>
          <ol className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {questions.map((q, i) => {
              const a = answers[q.id];
              const status = (a?.chosen.length ?? 0) > 0 ? "Answered" : "Unanswered";
              return (
                <li key={q.id}>
                  <button type="button" onClick={() => go(i)} className="flex w-full items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-left hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
                    <span className="font-semibold">Question {i + 1}</span>
                    <span className={status === "Answered" ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}>{status}</span>
                    {a?.flagged ? <span className="ml-auto rounded bg-amber-100 px-2 text-amber-900 dark:bg-amber-900 dark:text-amber-100">Flagged</span> : null}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={() => go(index)} className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">Back to question {index + 1}</button>
            <button type="button" disabled={submitting} onClick={() => void finish()} className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60">
              {submitting ? "Submitting…" : "Submit exam"}
            </button>
          </div>
        </section>
      ) : question ? (
        <QuestionView
          key={question.id}
          number={index + 1}
          total={questions.length}
          question={question}
          answer={answers[question.id] ?? { chosen: [], flagged: false }}
          saveState={saveState[question.id]}
          onChoose={(option) => choose(question, option)}
          onFlag={() => update(question.id, (a) => ({ ...a, flagged: !a.flagged }))}
        />
      ) : null}

      {!reviewing ? (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0} className="rounded-md border border-slate-300 px-4 py-2 disabled:opacity-50 dark:border-slate-700">Previous</button>
          <button type="button" onClick={() => go(index + 1)} disabled={index === questions.length - 1} className="rounded-md border border-slate-300 px-4 py-2 disabled:opacity-50 dark:border-slate-700">Next</button>
          <button type="button" onClick={() => setReviewing(true)} className="ml-auto rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800">Review and submit</button>
        </div>
      ) : null}

      <nav aria-label="Questions" className="flex flex-wrap gap-1.5">
        {questions.map((q, i) => {
          const a = answers[q.id];
          const done = (a?.chosen.length ?? 0) > 0;
          return (
            <button
              key={q.id}
              type="button"
              onClick={() => go(i)}
              aria-current={!reviewing && i === index ? "step" : undefined}
              aria-label={`Question ${i + 1}${done ? ", answered" : ", unanswered"}${a?.flagged ? ", flagged" : ""}`}
              className={`h-9 w-9 rounded border text-sm ${!reviewing && i === index ? "border-sky-700 ring-2 ring-sky-600" : "border-slate-300 dark:border-slate-700"} ${done ? "bg-slate-200 dark:bg-slate-800" : ""} ${a?.flagged ? "underline decoration-amber-500 decoration-2" : ""}`}
            >
              {i + 1}
            </button>
          );
        })}
      </nav>

      <section aria-labelledby="shortcuts-heading" className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
        <h2 id="shortcuts-heading" className="font-semibold">Keyboard shortcuts</h2>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt className="font-mono">{keys}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

type QuestionViewProps = {
  number: number;
  total: number;
  question: PublicQuestion;
  answer: Answer;
  saveState: SaveState | undefined;
  onChoose: (option: number) => void;
  onFlag: () => void;
};

function QuestionView({ number, total, question, answer, saveState, onChoose, onFlag }: QuestionViewProps) {
  const multiple = question.choose > 1;
  return (
    <section aria-labelledby="question-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="question-heading" className="text-xl font-semibold">Question {number} of {total}</h2>
        <button type="button" onClick={onFlag} aria-pressed={answer.flagged} className={`rounded-md border px-3 py-1 text-sm ${answer.flagged ? "border-amber-500 bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" : "border-slate-300 dark:border-slate-700"}`}>
          {answer.flagged ? "Flagged for review" : "Flag for review"}
        </button>
        <span className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {saveState === "saving" ? "Saving…" : saveState === "saved" ? "Saved" : saveState === "error" ? "Not saved" : ""}
        </span>
      </div>
      <fieldset className="space-y-2">
        <legend className="whitespace-pre-line leading-7">{question.stem}</legend>
        {multiple ? <p className="text-sm text-slate-600 dark:text-slate-400">Choose {question.choose}. Selected {answer.chosen.length}.</p> : null}
        {question.options.map((text, i) => {
          const id = `${question.id}-option-${i}`;
          const checked = answer.chosen.includes(i);
          return (
            <label key={id} htmlFor={id} className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 ${checked ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-200 dark:border-slate-700"}`}>
              <input id={id} type={multiple ? "checkbox" : "radio"} name={question.id} className="mt-1" checked={checked} onChange={() => onChoose(i)} />
              <span>
                <span className="mr-2 font-mono text-sm text-slate-500">{i + 1}.</span>
                {text}
              </span>
            </label>
          );
        })}
      </fieldset>
    </section>
  );
}
