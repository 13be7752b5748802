import type { Metadata } from "next";
import Link from "next/link";
import { ScoreTrend } from "@/components/exams/score-trend";
import { authorize, currentActor, enforceOnPage } from "@/lib/authz";
import { EXAM_KIND_IDS, SCALED_PASS, examKind, listExamAttempts, systemClock, type ExamAttemptSummary } from "@/lib/exams";
import { startExam } from "./actions";

export const metadata: Metadata = { title: "Exam simulations" };

type Props = { searchParams: Promise<{ error?: string | string[] }> };

const START_ERRORS: Record<string, string> = {
  "unknown-set": "That exam set does not exist. Choose one of the sets below.",
  draw: "The question bank does not hold enough questions for that set just now. Try another set.",
};

const when = (d: Date) => d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

function statusText(a: ExamAttemptSummary): string {
  if (a.status === "in_progress") return "In progress";
  if (a.status === "expired") return "Time ran out";
  return "Submitted";
}

export default async function ExamsPage({ searchParams }: Props) {
  const actor = await currentActor();
  enforceOnPage(authorize("exams.view", actor), "/exams");
  if (actor.kind !== "user") return null;
  const { error } = await searchParams;
  const attempts = await listExamAttempts(actor.user.id, systemClock());
  const inProgress = attempts.filter((a) => a.status === "in_progress");
  const finished = attempts.filter((a) => a.status !== "in_progress" && a.score !== null);
  const trend = [...finished].reverse().map((a, i) => ({ label: `#${i + 1}`, score: a.score ?? 0 }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Exam simulations</h1>
        <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
          Timed sets drawn from our question bank by the ANS-C01 exam guide&apos;s domain weights. The clock runs on the server: leave, reload or
          switch devices and you resume with the time that is left. Answers and explanations appear only after you submit.
        </p>
        {typeof error === "string" && Object.hasOwn(START_ERRORS, error) ? <p role="alert" className="mt-3 text-red-700 dark:text-red-400">{START_ERRORS[error]}</p> : null}
      </div>

      {inProgress.length > 0 ? (
        <section aria-labelledby="resume-heading" className="rounded-lg border border-amber-400 p-5">
          <h2 id="resume-heading" className="text-xl font-semibold">In progress</h2>
          <ul className="mt-2 space-y-1">
            {inProgress.map((a) => (
              <li key={a.id}>
                <Link className="text-sky-700 underline dark:text-sky-300" href={`/exams/${a.id}`}>Resume {a.title}</Link>
                {` — started ${when(a.startedAt)}, ends ${when(a.deadline)}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="choose-heading">
        <h2 id="choose-heading" className="text-xl font-semibold">Choose a set</h2>
        <ul className="mt-3 grid gap-4 sm:grid-cols-3">
          {EXAM_KIND_IDS.map((id) => {
            const kind = examKind(id);
            const open = inProgress.find((a) => a.kind === id);
            return (
              <li key={id} className="flex flex-col rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                <h3 className="font-semibold">{kind.title}</h3>
                <p className="mt-1 flex-1 text-sm text-slate-700 dark:text-slate-300">{kind.description}</p>
                <form action={startExam} className="mt-3">
                  <input type="hidden" name="kind" value={id} />
                  <button type="submit" className="w-full rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800" aria-label={`${open ? "Resume" : "Start"} ${kind.title}`}>
                    {open ? "Resume" : "Start"}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          Scores use AWS&apos;s 100–1,000 scale with {SCALED_PASS} to pass, but the conversion is <strong>our estimate, not AWS&apos;s method</strong>:
          72 % right maps to {SCALED_PASS}, linearly on either side. Multiple-response questions count only when every choice is right.
        </p>
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-xl font-semibold">Your attempts</h2>
        {attempts.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">No attempts yet. The lunch-break set is a good first try.</p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            {trend.length > 1 ? <ScoreTrend points={trend} /> : null}
            <table className="w-full border-collapse text-sm">
              <caption className="mb-1 text-left text-slate-600 dark:text-slate-400">Every attempt, newest first</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left dark:border-slate-700">
                  <th scope="col" className="py-1 pr-2">Set</th>
                  <th scope="col" className="py-1 pr-2">Started</th>
                  <th scope="col" className="py-1 pr-2">Status</th>
                  <th scope="col" className="py-1 pr-2">Score</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a) => (
                  <tr key={a.id} className="border-b border-slate-200 dark:border-slate-800">
                    <td className="py-1 pr-2">
                      <Link className="underline" href={a.status === "in_progress" ? `/exams/${a.id}` : `/exams/${a.id}/result`}>{a.title}</Link>
                    </td>
                    <td className="py-1 pr-2">{when(a.startedAt)}</td>
                    <td className="py-1 pr-2">{statusText(a)}</td>
                    <td className="py-1 pr-2">
                      {a.score === null ? "—" : `${a.score} (${a.passed ? "pass" : "fail"}, ${a.rightCount ?? 0}/${a.questionCount})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
