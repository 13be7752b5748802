import type { Metadata } from "next";
import Link from "next/link";
import { PracticeSession } from "@/components/practice-session";
import { authorize, currentActor } from "@/lib/authz";
import { listLessons } from "@/lib/course/lessons";
import { buildPracticeSet } from "@/lib/practice/build";
import { parsePracticeFilters, PRACTICE_COUNTS, type PracticeFilters } from "@/lib/practice/select";
import { DIFFICULTIES } from "@/lib/questions/bank-schema";
import { DOMAINS, DOMAIN_IDS } from "@/lib/questions/exam-guide";

export const metadata: Metadata = { title: "Practice" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900";

export default async function PracticePage({ searchParams }: Props) {
  const params = await searchParams;
  const [actor, lessons] = await Promise.all([currentActor(), listLessons()]);
  const signedIn = actor.kind === "user";
  const parsed = parsePracticeFilters(params);
  const filters: PracticeFilters | null = parsed.success ? parsed.data : null;
  const lessonTitles = Object.fromEntries(lessons.map((l) => [l.slug, l.title]));

  let session: React.ReactNode = null;
  let problem: string | null = parsed.success ? null : `These practice settings could not be used: ${parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`).join("; ")}.`;
  if (filters?.lesson && !lessonTitles[filters.lesson]) problem = `There is no lesson "${filters.lesson}". Choose one from the list.`;

  if (filters?.start && !problem) {
    if (filters.missed && !authorize("practice.missed", actor).allowed) {
      problem = "Sign in to practise the questions you missed: answers are only remembered for signed-in learners.";
    } else {
      const set = await buildPracticeSet(filters, actor.kind === "user" ? actor.user.id : null, filters.seed ?? Math.floor(Math.random() * 2 ** 31));
      if (set.questions.length === 0) {
        problem = filters.missed ? "No missed questions match these settings: well done. Widen the settings or practise new questions." : "No question matches these settings. Widen them (any domain, any difficulty) and try again.";
      } else {
        session = (
          <>
            {set.notes.map((n) => <p key={n} className="text-sm text-slate-700 dark:text-slate-300">{n}</p>)}
            <PracticeSession questions={set.questions} lessonTitles={lessonTitles} signedIn={signedIn} mode="practice" restartHref={`/practice${filters.lesson ? `?lesson=${filters.lesson}` : ""}`} />
          </>
        );
      }
    }
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Practice</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Exam-style questions for ANS-C01 and SAA-C03, one at a time, with every option explained after you answer. Choose a lesson, a domain or a difficulty, or go back over the questions you missed.
        </p>
        {signedIn ? (
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">Your answers are saved, and every question you answer joins your <Link className="underline" href="/review">review queue</Link>.</p>
        ) : (
          <p className="mt-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:bg-amber-950">
            You are not signed in: you can practise, but nothing is saved — no history, no &quot;questions I missed&quot;, no review schedule. <Link className="underline" href="/sign-in?callbackUrl=%2Fpractice">Sign in</Link> to keep them.
          </p>
        )}
      </div>
      {problem ? <p role="alert" className="rounded-md border border-red-400 p-3 text-red-800 dark:text-red-300">{problem}</p> : null}
      {session ?? (
        <form method="get" action="/practice" className="grid gap-4 rounded-lg border border-slate-200 p-5 sm:grid-cols-2 dark:border-slate-800">
          <input type="hidden" name="start" value="1" />
          <label className="block">
            Lesson
            <select name="lesson" defaultValue={filters?.lesson ?? ""} className={select}>
              <option value="">Any lesson</option>
              {lessons.map((l) => <option key={l.slug} value={l.slug}>{l.order}. {l.title}</option>)}
            </select>
          </label>
          <label className="block">
            Domain (ANS-C01)
            <select name="domain" defaultValue={filters?.domain ?? ""} className={select}>
              <option value="">Any domain</option>
              {DOMAIN_IDS.map((d) => <option key={d} value={d}>{d}. {DOMAINS[d].name}</option>)}
            </select>
          </label>
          <label className="block">
            Difficulty
            <select name="difficulty" defaultValue={filters?.difficulty ?? ""} className={select}>
              <option value="">Any difficulty</option>
              {DIFFICULTIES.map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </label>
          <label className="block">
            How many questions
            <select name="count" defaultValue={String(filters?.count ?? 10)} className={select}>
              {PRACTICE_COUNTS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="missed" value="1" defaultChecked={filters?.missed ?? false} disabled={!signedIn} className="mt-1" />
            <span>Only questions I missed{signedIn ? "" : " (sign in first)"}</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="generated" value="1" defaultChecked={filters?.generated ?? false} className="mt-1" />
            <span>Include questions the evaluator writes (fresh &quot;will this packet get through?&quot; variants)</span>
          </label>
          <div className="sm:col-span-2">
            <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800">Start practice</button>
          </div>
        </form>
      )}
    </div>
  );
}
