import { learnerNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { PracticeSession } from "@/components/practice-session";
import { ReviewProgress } from "@/components/review-progress";
import { authorize, currentActor, enforceOnPage } from "@/lib/authz";
import { listLessons } from "@/lib/course/lessons";
import { listLabs } from "@/lib/labs";
import { loadQuestionSources } from "@/lib/practice/answer";
import { DOMAINS, DOMAIN_IDS } from "@/lib/questions/exam-guide";
import { loadProgress } from "@/lib/review/progress";
import { getReviewQueue, getUpcomingCards } from "@/lib/review/queue";
import { daysFromToday } from "@/lib/review/scheduler";
import { buildReviewSession, describeCard } from "@/lib/review/session";
import type { CardRow } from "@/lib/review/store";
import { loadTopicLabs } from "@/lib/review/topic-labs";

export const metadata: Metadata = { title: "Review" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function dueLabel(due: Date, now: Date): string {
  const days = daysFromToday(due, now);
  if (days < 0) return `overdue by ${-days} day${days === -1 ? "" : "s"}`;
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

export default async function ReviewPage({ searchParams }: Props) {
  const actor = await currentActor();
  enforceOnPage(authorize("review.view", actor), "/review");
  if (actor.kind !== "user") return null;
  const userId = actor.user.id;
  const params = await searchParams;
  const start = typeof params.start === "string" ? params.start : null;
  const now = learnerNow(actor.user.email);
  const [queue, upcoming, sources, lessons] = await Promise.all([getReviewQueue(userId, now), getUpcomingCards(userId, now, 20), loadQuestionSources(), listLessons()]);
  const lessonTitles = Object.fromEntries(lessons.map((l) => [l.slug, l.title]));

  if (start === "today" || start === "ahead") {
    const cards = start === "today" ? queue.cards : upcoming.slice(0, 10);
    const items = buildReviewSession(cards, sources);
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{start === "today" ? "Today's review" : "Reviewing ahead"}</h1>
        {items.length === 0 ? (
          <p>
            Nothing to review {start === "today" ? "today" : "ahead"}. <Link className="underline" href="/review">Back to the review page</Link>
          </p>
        ) : (
          <PracticeSession questions={items.map((i) => i.question)} lessonTitles={lessonTitles} signedIn mode="review" restartHref="/review" />
        )}
      </div>
    );
  }

  const labs = await listLabs();
  const labTitles = Object.fromEntries(labs.map((l) => [l.slug, l.title]));
  const [progress, labsByLesson] = await Promise.all([loadProgress(userId, now, DOMAIN_IDS), loadTopicLabs(new Set(labs.map((l) => l.slug)), new Set(lessons.map((l) => l.slug)))]);
  const domains = DOMAIN_IDS.map((id) => ({ id, name: DOMAINS[id].name }));

  const list = (cards: CardRow[], caption: string) => (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-700">
          <th scope="col" className="py-1 pr-3">Question</th>
          <th scope="col" className="py-1 pr-3">Lesson</th>
          <th scope="col" className="py-1">Due</th>
        </tr>
      </thead>
      <tbody>
        {cards.map((c) => (
          <tr key={c.id} className="border-b border-slate-100 align-top dark:border-slate-800">
            <td className="py-1 pr-3">{describeCard(c, sources)}</td>
            <td className="py-1 pr-3"><Link className="underline" href={`/lessons/${c.lesson}`}>{lessonTitles[c.lesson] ?? c.lesson}</Link></td>
            <td className="py-1 whitespace-nowrap">{dueLabel(c.due, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Review</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Every question you answer — lesson checks, practice questions, questions the evaluator writes — comes back on a schedule computed by FSRS: a miss the next day, what you know well less and less often.
        </p>
      </div>
      <section aria-labelledby="today-heading" className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
        <h2 id="today-heading" className="text-xl font-semibold">Today</h2>
        <p className="mt-2 text-lg">
          <strong>{queue.cards.length}</strong> due today
          {queue.heldBack > 0 ? ` (${queue.heldBack} more wait for another day: at most ${queue.newToday.limit} new cards join the queue each day)` : ""}.
        </p>
        {queue.cards.length > 0 ? (
          <>
            <p className="mt-3">
              <Link className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800" href="/review?start=today">Start today&apos;s review</Link>
            </p>
            {list(queue.cards, "Cards due today")}
          </>
        ) : (
          <p className="mt-2 text-slate-700 dark:text-slate-300">Nothing due. <Link className="underline" href="/practice">Practise</Link> to add cards.</p>
        )}
      </section>
      <section aria-labelledby="upcoming-heading" className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
        <h2 id="upcoming-heading" className="text-xl font-semibold">Coming up</h2>
        {upcoming.length === 0 ? (
          <p className="mt-2 text-slate-700 dark:text-slate-300">No cards scheduled after today.</p>
        ) : (
          <>
            <p className="mt-2">
              The next {upcoming.length} card{upcoming.length === 1 ? "" : "s"}. Short of time later?{" "}
              <Link className="underline" href="/review?start=ahead">Review ahead</Link> (the schedule counts an early review as one).
            </p>
            {list(upcoming, "Cards due after today")}
          </>
        )}
      </section>
      <ReviewProgress progress={progress} domains={domains} lessonTitles={lessonTitles} labTitles={labTitles} labsByLesson={Object.fromEntries(labsByLesson)} />
    </div>
  );
}
