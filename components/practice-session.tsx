"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { rateReviewCard, submitPracticeAnswer } from "@/app/practice/actions";
import type { AnswerResponse } from "@/lib/practice/answer";
import type { PracticeFeedback, PracticeQuestionView } from "@/lib/practice/questions";
import { RATINGS, RATING_LABELS, type RatingName } from "@/lib/review/ratings";
import { TopologyDiagram } from "./topology-figure";

type Props = {
  questions: PracticeQuestionView[];
  lessonTitles: Record<string, string>;
  signedIn: boolean;
  /** "review": answers come from the /review queue. */
  mode: "practice" | "review";
  /** Where "start again" leads. */
  restartHref: string;
};

type Saved = { cardId: string; rating: RatingName | null; due: string };
type Answered = { feedback: PracticeFeedback; saved: Saved | null };

const DAY_MS = 86_400_000;

function dueText(iso: string): string {
  const days = Math.round((Date.parse(iso.slice(0, 10)) - Date.parse(new Date().toISOString().slice(0, 10))) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days (${new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" })})`;
}

/**
 * One question at a time. The page sends only what a learner may see before answering; the
 * server action grades each answer and returns the key and every option's explanation.
 */
export function PracticeSession({ questions, lessonTitles, signedIn, mode, restartHref }: Props) {
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [answers, setAnswers] = useState<(Answered | null)[]>(() => questions.map(() => null));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rating, setRating] = useState<{ text: string; kind: "ok" | "error" } | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);

  useEffect(() => setHydrated(true), []);

  const finished = index >= questions.length;
  const question = questions[index];
  const answered = answers[index] ?? null;

  function go(next: number) {
    setIndex(next);
    setChosen([]);
    setError(null);
    setRating(null);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!question || chosen.length !== question.choose) return;
    setPending(true);
    setError(null);
    const response: AnswerResponse | null = await submitPracticeAnswer({ key: question.key, chosen, fromQueue: mode === "review" }).catch(() => null);
    setPending(false);
    if (!response || !response.ok) {
      setError(response?.error ?? "Your answer could not be sent. Check your connection and try again.");
      return;
    }
    const saved = response.saved ? { cardId: response.cardId, rating: response.rating, due: response.due } : null;
    setAnswers((all) => all.map((a, i) => (i === index ? { feedback: response.feedback, saved } : a)));
    requestAnimationFrame(() => feedbackRef.current?.focus());
  }

  async function rate(value: RatingName) {
    if (!answered?.saved) return;
    const cardId = answered.saved.cardId;
    const result = await rateReviewCard({ cardId, rating: value }).catch(() => null);
    if (!result || !result.ok) {
      setRating({ kind: "error", text: result?.error ?? "Your rating could not be sent; try again." });
      return;
    }
    setAnswers((all) => all.map((a, i) => (i === index && a?.saved ? { ...a, saved: { ...a.saved, rating: result.rating, due: result.due } } : a)));
    setRating({ kind: "ok", text: `Rated ${RATING_LABELS[result.rating]}. Next review ${dueText(result.due)}.` });
  }

  if (questions.length === 0) return null;

  if (finished || !question) {
    const right = answers.filter((a) => a?.feedback.correct).length;
    const done = answers.filter(Boolean).length;
    return (
      <section aria-labelledby="summary-heading" className="space-y-4">
        <h2 id="summary-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
          {mode === "review" ? "Review finished" : "Set finished"}: {right} of {done} right
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          {questions.map((q, i) => {
            const a = answers[i];
            return (
              <li key={q.key}>
                <span className={a?.feedback.correct ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>{a ? (a.feedback.correct ? "Right" : "Wrong") : "Skipped"}</span>
                {" — "}
                {q.stem.length > 110 ? `${q.stem.slice(0, 110)}…` : q.stem}{" "}
                <Link className="underline" href={a?.feedback.lessonHref ?? `/lessons/${q.lesson}`}>{lessonTitles[q.lesson] ?? q.lesson}</Link>
              </li>
            );
          })}
        </ol>
        <p className="flex flex-wrap gap-4">
          <Link className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800" href={restartHref}>{mode === "review" ? "Back to the review page" : "Practise again"}</Link>
          {signedIn ? <Link className="underline" href="/review">Your review queue and progress</Link> : null}
        </p>
      </section>
    );
  }

  const multiple = question.choose > 1;
  const lessonTitle = lessonTitles[question.lesson] ?? question.lesson;
  return (
    <section aria-labelledby="question-heading" className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Question {index + 1} of {questions.length} · {lessonTitle}
        {question.domain ? ` · domain ${question.domain}` : ""}
        {question.difficulty ? ` · ${question.difficulty}` : ""}
        {question.source === "generated" ? " · written by the evaluator" : ""}
      </p>
      <h2 id="question-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">Question {index + 1}</h2>
      <p className="whitespace-pre-line">{question.stem}</p>
      {question.topology ? <TopologyDiagram topology={question.topology} label="The network this question is asked on" /> : null}
      {question.facts.length > 0 ? (
        <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700" open>
          <summary className="cursor-pointer font-medium">The configuration</summary>
          <ul className="mt-2 list-disc space-y-1 pl-6 font-mono text-sm">
            {question.facts.map((f) => <li key={f}>{f}</li>)}
          </ul>
        </details>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-3">
        <fieldset className="space-y-2">
          <legend className="font-medium">{multiple ? `Choose ${question.choose === 2 ? "two" : "three"}.` : "Choose one."}</legend>
          {question.options.map((option) => {
            const id = `${question.key}-${option.id}`;
            const checked = chosen.includes(option.id);
            const fb = answered?.feedback.options.find((o) => o.id === option.id);
            const border = fb ? (fb.correct ? "border-emerald-500" : fb.chosen ? "border-red-500" : "border-slate-200 dark:border-slate-700") : "border-slate-200 dark:border-slate-700";
            return (
              <div key={id} className={`rounded-md border p-2 ${border}`}>
                <label htmlFor={id} className="flex cursor-pointer items-start gap-2">
                  <input
                    id={id}
                    type={multiple ? "checkbox" : "radio"}
                    name={question.key}
                    className="mt-1"
                    checked={answered ? (fb?.chosen ?? false) : checked}
                    disabled={!hydrated || answered !== null}
                    onChange={() => setChosen((c) => (multiple ? (c.includes(option.id) ? c.filter((x) => x !== option.id) : [...c, option.id]) : [option.id]))}
                  />
                  <span>{option.text}</span>
                </label>
                {fb ? (
                  <p className="mt-1 pl-6 text-sm text-slate-700 dark:text-slate-300">
                    <strong>{fb.correct ? (fb.chosen ? "Correct answer, and your choice. " : "Correct answer. ") : fb.chosen ? "Your choice, not right. " : "Not right. "}</strong>
                    {fb.explanation}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        {answered ? null : (
          <button type="submit" disabled={pending || !hydrated || chosen.length !== question.choose} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">
            {pending ? "Checking…" : "Check my answer"}
          </button>
        )}
        {error ? <p role="alert" className="text-red-700 dark:text-red-400">{error}</p> : null}
      </form>
      {answered ? (
        <div ref={feedbackRef} tabIndex={-1} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <p role="status" className={`text-lg font-semibold ${answered.feedback.correct ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
            {answered.feedback.correct ? "Right." : "Not right."} Every option is explained above.
          </p>
          <p>
            Read more: <Link className="underline" href={answered.feedback.lessonHref}>{lessonTitle} (the lesson section)</Link>
            {answered.feedback.docs.map((href, i) => (
              <span key={href}>
                {" · "}
                <a className="underline" href={href} rel="noreferrer" target="_blank">AWS documentation{answered.feedback.docs.length > 1 ? ` ${i + 1}` : ""}</a>
              </span>
            ))}
          </p>
          {answered.saved ? (
            <div className="space-y-2">
              <p>
                {answered.saved.rating ? `Your answer rated this card ${RATING_LABELS[answered.saved.rating]}; ` : "You already answered this card today; "}
                next review {dueText(answered.saved.due)}. How well did you know it?
              </p>
              <div role="group" aria-label="Rate how well you knew it" className="flex flex-wrap gap-2">
                {RATINGS.map((r) => (
                  <button key={r} type="button" onClick={() => void rate(r)} aria-pressed={answered.saved?.rating === r} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 aria-pressed:bg-sky-100 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-sky-900">
                    {RATING_LABELS[r]}
                  </button>
                ))}
              </div>
              {rating ? <p role={rating.kind === "error" ? "alert" : "status"}>{rating.text}</p> : null}
            </div>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Not saved: you are not signed in. <Link className="underline" href="/sign-in?callbackUrl=%2Fpractice">Sign in</Link> to keep your answers and get them back for review.
            </p>
          )}
          <button type="button" onClick={() => go(index + 1)} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">
            {index + 1 < questions.length ? "Next question" : "See my results"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
