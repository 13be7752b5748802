import { learnerNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listLessons } from "@/lib/course/lessons";
import { listLabs } from "@/lib/labs";
import { getDashboard, getLabProgress } from "@/lib/progress/dashboard";
import { countDueToday } from "@/lib/review/queue";
import { ClassesSection } from "./classes-section";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const [dashboard, lessons, labs, labProgress, dueToday] = await Promise.all([getDashboard(user.id), listLessons(), listLabs(), getLabProgress(user.id), countDueToday(user.id, learnerNow(user.email))]);
  if (!dashboard) return <p role="alert">Your account could not be found. Sign out and sign in again.</p>;
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  const labTitles = new Map(labs.map((l) => [l.slug, l.title]));
  const labsAtFull = labProgress.filter((p) => p.bestPercent >= 100 && labTitles.has(p.labSlug)).length;
  const next = lessons.find((l) => !dashboard.progress.some((p) => p.lessonSlug === l.slug && p.completedAt));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Welcome, {dashboard.name}</h1>
        <p className="text-slate-600 dark:text-slate-400">
          {dashboard.email} · {dashboard.role} · member since {dashboard.memberSince.toLocaleDateString("en-GB", { dateStyle: "long" })}
        </p>
      </div>
      <ClassesSection userId={user.id} />
      <section aria-labelledby="progress-heading" className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
        <h2 id="progress-heading" className="text-xl font-semibold">Your progress</h2>
        <p className="mt-2">
          <strong>{dashboard.completedCount}</strong> of <strong>{lessons.length}</strong> lessons completed.
        </p>
        <progress className="mt-3 h-2 w-full" max={Math.max(lessons.length, 1)} value={dashboard.completedCount} aria-label="Lessons completed" />
        {next ? (
          <p className="mt-4">
            Next up: <Link className="text-sky-700 underline dark:text-sky-300" href={`/lessons/${next.slug}`}>{next.title}</Link>
          </p>
        ) : lessons.length > 0 ? <p className="mt-4">You have completed every lesson.</p> : null}
      </section>
      <section aria-labelledby="review-heading" className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
        <h2 id="review-heading" className="text-xl font-semibold">Review</h2>
        <p className="mt-2">
          <Link className="font-medium underline" href="/review"><strong>{dueToday}</strong> due today</Link>
          {dueToday === 0 ? " — every question you answer comes back here when it is time to recall it." : " — questions you answered before, back when you are about to forget them."}
        </p>
        <p className="mt-1"><Link className="underline" href="/practice">Practise exam-style questions</Link></p>
      </section>
      <section aria-labelledby="labs-heading" className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
        <h2 id="labs-heading" className="text-xl font-semibold">Labs</h2>
        <p className="mt-2">
          <strong>{labsAtFull}</strong> of <strong>{labs.length}</strong> labs at 100%.
        </p>
        {labProgress.length === 0 ? (
          <p className="mt-2 text-slate-700 dark:text-slate-300">No lab attempts yet. <Link className="underline" href="/labs">Pick a lab</Link> to build a network and have it graded.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {labProgress.map((p) => (
              <li key={p.labSlug}>
                <Link className="underline" href={`/labs/${p.labSlug}`}>{labTitles.get(p.labSlug) ?? p.labSlug}</Link>
                {` — best ${Math.round(p.bestPercent)}% after ${p.attempts} attempt${p.attempts === 1 ? "" : "s"}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="text-xl font-semibold">Recent activity</h2>
        {dashboard.progress.length === 0 ? (
          <p className="mt-2 text-slate-700 dark:text-slate-300">Nothing yet. Open a lesson from the <Link className="underline" href="/lessons">course outline</Link> to start.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {dashboard.progress.map((p) => (
              <li key={p.lessonSlug}>
                <Link className="underline" href={`/lessons/${p.lessonSlug}`}>{titles.get(p.lessonSlug) ?? p.lessonSlug}</Link>
                {" — "}
                {p.completedAt ? `completed${p.quizScore !== null && p.quizTotal ? `, check ${p.quizScore}/${p.quizTotal}` : ""}` : "started"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
