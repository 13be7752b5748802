import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { listLabs } from "@/lib/labs";
import { listLabBests, type LabBest } from "@/lib/labs-store";

export const metadata: Metadata = { title: "Labs" };
export const dynamic = "force-dynamic";

export default async function LabsPage() {
  const [labs, user] = await Promise.all([listLabs(), getCurrentUser()]);
  const bests = new Map<string, LabBest>(user ? (await listLabBests(user.id)).map((b) => [b.labSlug, b]) : []);
  const completed = labs.filter((l) => (bests.get(l.slug)?.bestPercent ?? 0) >= 100).length;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Labs</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Build or repair a network in the editor; the server grades it with the same evaluator the lessons use, check by check, with a counterexample for every leak and a hint after each failed attempt.
      </p>
      {user ? (
        <p role="status" className="font-medium">{completed} of {labs.length} labs at 100%</p>
      ) : (
        <p><Link className="text-sky-700 underline dark:text-sky-300" href="/sign-in?callbackUrl=%2Flabs">Sign in</Link> to work on labs and keep your scores.</p>
      )}
      {labs.length === 0 ? <p>No labs are published yet.</p> : null}
      <ol className="space-y-4">
        {labs.map((lab) => {
          const best = bests.get(lab.slug);
          return (
            <li key={lab.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-lab={lab.slug}>
              <h2 className="text-lg font-semibold">
                <Link href={`/labs/${lab.slug}`} className="hover:underline">
                  <span className="mr-2 text-slate-500 dark:text-slate-400">{lab.order}.</span>
                  {lab.title}
                </Link>
                {best ? (
                  <span className={`ml-3 rounded-full px-2 py-0.5 text-xs font-medium ${best.bestPercent >= 100 ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200" : "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"}`}>
                    Best {Math.round(best.bestPercent)}%
                  </span>
                ) : null}
              </h2>
              <p className="mt-1 text-slate-700 dark:text-slate-300">{lab.summary}</p>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                {lab.difficulty} · about {lab.estimatedMinutes} minutes{best ? ` · ${best.attempts} attempt${best.attempts === 1 ? "" : "s"}` : ""}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
