import type { LabAttemptSummary, StoredCheckResult } from "@/lib/labs-store/attempts";

function formatPercent(p: number): string {
  return `${Math.round(p * 10) / 10}%`;
}

/** The same text on the server and in the browser (no time zone), so hydration never differs. */
function formatWhen(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** One graded attempt, check by check, as the server graded it. */
export function GradeResults({ attempt, hint }: { attempt: LabAttemptSummary; hint: string | null }) {
  const failed = attempt.checks.filter((c) => !c.passed);
  return (
    <section aria-labelledby="result-heading" className={`rounded-lg border-2 p-4 ${attempt.passed ? "border-emerald-400 dark:border-emerald-700" : "border-amber-400 dark:border-amber-700"}`}>
      <h3 id="result-heading" className="text-lg font-semibold">
        Score: {formatPoints(attempt.score)} of {formatPoints(attempt.maxScore)} points ({formatPercent(attempt.percent)})
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {attempt.passed ? "Every check passed. Well done." : `${failed.length} of ${attempt.checks.length} checks failed.`} Graded on the server at {formatWhen(attempt.createdAt)}.
      </p>
      {hint ? (
        <aside aria-label="Hint" className="mt-3 rounded-md border-l-4 border-sky-400 bg-sky-50 p-3 dark:border-sky-700 dark:bg-sky-950">
          <p className="font-semibold">Hint</p>
          <p>{hint}</p>
        </aside>
      ) : null}
      <ul className="mt-3 space-y-2" aria-label="Checks">
        {attempt.checks.map((c) => <CheckRow key={c.id} check={c} />)}
      </ul>
    </section>
  );
}

function CheckRow({ check }: { check: StoredCheckResult }) {
  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-check={check.id} data-passed={check.passed}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-bold ${check.passed ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" : "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"}`}>
          {check.passed ? "Passed" : "Failed"}
        </span>
        <span className="font-medium">{check.title}</span>
        <span className="ml-auto text-sm text-slate-600 dark:text-slate-400">{formatPoints(check.earned)} / {formatPoints(check.weight)} points</span>
      </div>
      <p className="mt-1 text-sm">{check.explanation}</p>
      {check.counterexample ? (
        <div className="mt-2 rounded bg-red-50 p-2 text-sm dark:bg-red-950">
          <p className="font-semibold">Counterexample</p>
          <p>{check.counterexample.description}</p>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            <code>{check.counterexample.source}</code> → <code>{check.counterexample.destination ?? check.counterexample.destinationIp ?? "?"}</code>
            {" "}{check.counterexample.protocol.toUpperCase()}
            {check.counterexample.destinationPort !== undefined ? ` port ${check.counterexample.destinationPort}` : ""}
            {check.counterexample.explanationCodes.length > 0 ? <> · {check.counterexample.explanationCodes.map((code) => <code key={code} className="mr-1">{code}</code>)}</> : null}
          </p>
        </div>
      ) : null}
    </li>
  );
}

/** Every attempt, newest first, with the best score on top. */
export function AttemptHistory({ attempts, bestPercent }: { attempts: LabAttemptSummary[]; bestPercent: number | null }) {
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 id="history-heading" className="font-semibold">Your attempts</h3>
      {bestPercent === null ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No attempts yet. Submit when your probes look right; you can submit as often as you like (up to 10 times a minute).</p>
      ) : (
        <p className="mt-1" data-testid="best-score">Best score: <strong>{formatPercent(bestPercent)}</strong> over {attempts.length} attempt{attempts.length === 1 ? "" : "s"}{attempts.length >= 50 ? " (latest 50 shown)" : ""}.</p>
      )}
      {attempts.length > 0 ? (
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700"><th className="py-1 font-medium">When</th><th className="py-1 font-medium">Score</th><th className="py-1 font-medium">Checks passed</th></tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1"><time dateTime={a.createdAt}>{formatWhen(a.createdAt)}</time></td>
                <td className="py-1">{formatPercent(a.percent)}</td>
                <td className="py-1">{a.checks.filter((c) => c.passed).length} / {a.checks.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
