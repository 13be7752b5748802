import Link from "next/link";
import { percent, type Progress, type Tally } from "@/lib/review/progress";
import { DomainAccuracyChart, TopicAccuracyChart, type DomainPoint } from "./progress-charts";

type Props = {
  progress: Progress;
  domains: { id: string; name: string }[];
  lessonTitles: Record<string, string>;
  labTitles: Record<string, string>;
  labsByLesson: Record<string, string[]>;
};

function cell(t: Tally | undefined): string {
  const p = t ? percent(t) : null;
  return p === null || !t ? "—" : `${p}% (${t.correct}/${t.total})`;
}

/** Streak, accuracy by domain and topic over time (a chart and a table each), and the weakest topics. */
export function ReviewProgress({ progress, domains, lessonTitles, labTitles, labsByLesson }: Props) {
  const { streak, weeks, topics, weakest, totals } = progress;
  const domainData: DomainPoint[] = weeks.map((w) => ({ week: w.week, ...Object.fromEntries(domains.map((d) => [`d${d.id}`, w.byDomain[d.id] ? percent(w.byDomain[d.id] as Tally) : null])) }));
  const topicData = topics.slice(0, 12).map((t) => ({ topic: lessonTitles[t.lesson] ?? t.lesson, earlier: percent(t.earlier), recent: percent(t.recent) }));
  return (
    <section aria-labelledby="progress-heading" className="space-y-6 rounded-lg border border-slate-200 p-5 dark:border-slate-800">
      <h2 id="progress-heading" className="text-xl font-semibold">Your progress</h2>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Streak</dt>
          <dd className="text-2xl font-bold">{streak.current} day{streak.current === 1 ? "" : "s"}</dd>
          <dd className="text-sm">{streak.activeToday ? "You have practised today." : streak.current > 0 ? "Answer a question today to keep it." : "Answer a question to start one."} Longest: {streak.longest}.</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Answers in the last year</dt>
          <dd className="text-2xl font-bold">{totals.total}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Accuracy</dt>
          <dd className="text-2xl font-bold">{percent(totals) === null ? "—" : `${percent(totals)}%`}</dd>
        </div>
      </dl>

      {totals.total === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">Charts of your accuracy appear once you have answered questions. <Link className="underline" href="/practice">Start practising</Link>.</p>
      ) : (
        <>
          <div>
            <h3 className="text-lg font-semibold">Weakest topics</h3>
            {weakest.length === 0 ? (
              <p className="mt-1 text-slate-700 dark:text-slate-300">No weak topic yet: a topic needs at least three answers, and you have missed none of them.</p>
            ) : (
              <ol className="mt-2 list-decimal space-y-2 pl-6">
                {weakest.map((t) => (
                  <li key={t.lesson}>
                    <Link className="font-medium underline" href={`/lessons/${t.lesson}`}>{lessonTitles[t.lesson] ?? t.lesson}</Link> — {cell(t.recent.total >= 3 ? t.recent : t.all)}
                    {" · "}
                    <Link className="underline" href={`/practice?lesson=${t.lesson}`}>practise it</Link>
                    {(labsByLesson[t.lesson] ?? []).map((lab) => (
                      <span key={lab}>
                        {" · lab: "}
                        <Link className="underline" href={`/labs/${lab}`}>{labTitles[lab] ?? lab}</Link>
                      </span>
                    ))}
                  </li>
                ))}
              </ol>
            )}
          </div>

          <div>
            <h3 className="text-lg font-semibold">Accuracy by domain, week by week</h3>
            <div className="mt-2 grid gap-4 lg:grid-cols-2">
              <DomainAccuracyChart data={domainData} domains={domains} />
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Accuracy by ANS-C01 domain for each week (week starting Monday, UTC)</caption>
                  <thead>
                    <tr className="border-b border-slate-200 dark:border-slate-700">
                      <th scope="col" className="py-1 pr-2">Week of</th>
                      {domains.map((d) => <th key={d.id} scope="col" className="py-1 pr-2">Domain {d.id}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {weeks.map((w) => (
                      <tr key={w.week} className="border-b border-slate-100 dark:border-slate-800">
                        <th scope="row" className="py-1 pr-2 font-normal">{w.week}</th>
                        {domains.map((d) => <td key={d.id} className="py-1 pr-2">{cell(w.byDomain[d.id])}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>

          <div>
            <h3 className="text-lg font-semibold">Accuracy by topic, earlier and in the last four weeks</h3>
            <div className="mt-2 grid gap-4 lg:grid-cols-2">
              <TopicAccuracyChart data={topicData} />
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Accuracy by topic (lesson), before and during the last four weeks</caption>
                  <thead>
                    <tr className="border-b border-slate-200 dark:border-slate-700">
                      <th scope="col" className="py-1 pr-2">Topic</th>
                      <th scope="col" className="py-1 pr-2">Earlier</th>
                      <th scope="col" className="py-1 pr-2">Last 4 weeks</th>
                      <th scope="col" className="py-1">All</th>
                    </tr>
                  </thead>
                  <tbody>
                    {topics.map((t) => (
                      <tr key={t.lesson} className="border-b border-slate-100 dark:border-slate-800">
                        <th scope="row" className="py-1 pr-2 font-normal"><Link className="underline" href={`/lessons/${t.lesson}`}>{lessonTitles[t.lesson] ?? t.lesson}</Link></th>
                        <td className="py-1 pr-2">{cell(t.earlier)}</td>
                        <td className="py-1 pr-2">{cell(t.recent)}</td>
                        <td className="py-1">{cell(t.all)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
