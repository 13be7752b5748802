import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { authorize, currentActor, deny, enforceOnPage } from "@/lib/authz";
import { SCALED_PASS, findExamAttemptOwner, getExamResult, systemClock, type ExamReviewItem } from "@/lib/exams";

export const metadata: Metadata = { title: "Exam result" };

type Props = { params: Promise<{ attemptId: string }> };

/** The result, after submission only: score, breakdown, and every question with every option's explanation. */
export default async function ExamResultPage({ params }: Props) {
  const { attemptId } = await params;
  const path = `/exams/${attemptId}/result`;
  const actor = await currentActor();
  enforceOnPage(authorize("exams.view", actor), path);
  const owner = await findExamAttemptOwner(attemptId);
  enforceOnPage(owner ? authorize("exam.attempt.viewResult", actor, owner) : deny(404, "This exam attempt does not exist."), path);
  if (actor.kind !== "user") return null;
  const result = await getExamResult(actor.user.id, attemptId, systemClock());
  // Still in progress (or its stored result unreadable): back to the player, which knows which.
  if (!result) redirect(`/exams/${attemptId}`);
  const { attempt, score, review } = result;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link className="underline" href="/exams">Exam simulations</Link> › {attempt.title}
        </p>
        <h1 className="mt-1 text-3xl font-bold">Your result</h1>
        {attempt.status === "expired" ? <p className="mt-1 text-amber-800 dark:text-amber-300">Time ran out; the attempt was scored from the answers saved before the deadline.</p> : null}
      </div>

      <section aria-labelledby="score-heading" className={`rounded-lg border-2 p-5 ${score.passed ? "border-emerald-600" : "border-red-600"}`}>
        <h2 id="score-heading" className="sr-only">Score</h2>
        <p className="text-4xl font-bold">
          <span data-testid="scaled-score">{score.scaled}</span>
          <span className="text-xl font-normal"> / 1000</span>{" "}
          <span className={score.passed ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>{score.passed ? "Pass" : "Fail"}</span>
        </p>
        <p className="mt-2">
          {score.correct} of {score.total} right ({score.percent} %), {score.answered} answered. {SCALED_PASS} is needed to pass.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          The scaled score is <strong>our estimate, not AWS&apos;s method</strong>: 72 % right maps to {SCALED_PASS}, 0 % to 100 and 100 % to 1,000,
          linearly in between. AWS equates exam forms and does not publish its conversion.
        </p>
      </section>

      <section aria-labelledby="domains-heading">
        <h2 id="domains-heading" className="text-xl font-semibold">By domain</h2>
        <table className="mt-2 w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left dark:border-slate-700">
              <th scope="col" className="py-1 pr-2">Domain</th>
              <th scope="col" className="py-1 pr-2">Right</th>
              <th scope="col" className="py-1 pr-2">Percent</th>
            </tr>
          </thead>
          <tbody>
            {score.byDomain.map((d) => (
              <tr key={d.domain} className="border-b border-slate-200 dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 text-left font-normal">{d.domain}. {d.name}</th>
                <td className="py-1 pr-2">{d.correct} / {d.total}</td>
                <td className="py-1 pr-2">
                  <span className="flex items-center gap-2">
                    <meter min={0} max={100} low={50} high={72} optimum={100} value={d.percent} aria-label={`Domain ${d.domain}: ${d.percent} percent`} className="h-2 w-24" />
                    {d.percent} %
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="text-xl font-semibold">By task statement</h2>
        <table className="mt-2 w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left dark:border-slate-700">
              <th scope="col" className="py-1 pr-2">Task statement</th>
              <th scope="col" className="py-1 pr-2">Right</th>
            </tr>
          </thead>
          <tbody>
            {score.byTask.map((t) => (
              <tr key={t.task} className="border-b border-slate-200 dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 text-left font-normal">{t.task} {t.statement}</th>
                <td className="py-1 pr-2 whitespace-nowrap">{t.correct} / {t.total} ({t.percent} %)</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="review-heading" className="space-y-6">
        <h2 id="review-heading" className="text-xl font-semibold">Every question, explained</h2>
        {result.missingQuestions > 0 ? <p className="text-sm">{result.missingQuestions} question(s) of this attempt have since been removed from the bank and are not shown.</p> : null}
        <ol className="space-y-6">
          {review.map((item, i) => (
            <ReviewQuestion key={item.question.id} item={item} number={i + 1} />
          ))}
        </ol>
      </section>
    </div>
  );
}

function ReviewQuestion({ item, number }: { item: ExamReviewItem; number: number }) {
  const { question, chosen, correct, flagged } = item;
  const answered = chosen.length > 0;
  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <article aria-labelledby={`q-${question.id}`}>
        <h3 id={`q-${question.id}`} className="font-semibold">
          Question {number}: <span className={correct ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>{correct ? "right" : answered ? "wrong" : "not answered"}</span>
          {flagged ? <span className="ml-2 text-sm font-normal text-amber-800 dark:text-amber-300">(you flagged it)</span> : null}
        </h3>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Domain {question.domain}, task {question.task} · {question.difficulty}</p>
        <p className="mt-2 whitespace-pre-line leading-7">{question.stem}</p>
        <ul className="mt-3 space-y-2">
          {question.options.map((option, oi) => {
            const picked = chosen.includes(oi);
            return (
              <li key={oi} className={`rounded-md border p-3 ${option.correct ? "border-emerald-600" : picked ? "border-red-600" : "border-slate-200 dark:border-slate-700"}`}>
                <p>
                  <span className="mr-2 font-mono text-sm text-slate-500">{oi + 1}.</span>
                  {option.text}
                </p>
                <p className="mt-1 text-sm">
                  <strong>{[option.correct ? "Correct answer." : "Wrong answer.", picked ? "You chose it." : ""].filter(Boolean).join(" ")}</strong> {option.explanation}
                </p>
              </li>
            );
          })}
        </ul>
        <p className="mt-3 text-sm">
          Study: <Link className="text-sky-700 underline dark:text-sky-300" href={`/lessons/${question.lesson}#${question.section}`}>the lesson section</Link>
          {question.docs.map((url, di) => (
            <span key={url}>
              {" · "}
              <a className="text-sky-700 underline dark:text-sky-300" href={url} rel="noreferrer">AWS documentation{question.docs.length > 1 ? ` ${di + 1}` : ""}</a>
            </span>
          ))}
        </p>
      </article>
    </li>
  );
}
