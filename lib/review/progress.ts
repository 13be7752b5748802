import { db } from "@/lib/db";
import { addDays, startOfDay } from "./scheduler";

/**
 * What a learner can see of their own progress: the streak, accuracy by domain and by topic
 * over time, and the weakest topics. The computations are pure over answer events, so tests
 * give them any history and any "now".
 */
export type AnswerEvent = { at: Date; lesson: string; domain: string; correct: boolean };
export type Tally = { correct: number; total: number };

const DAY_MS = 86_400_000;

function dayKey(date: Date): string {
  return startOfDay(date).toISOString().slice(0, 10);
}

/**
 * Days in a row with at least one answer, ending today (or yesterday: a streak is not broken
 * before the day is over). Days are UTC days, as the review queue's.
 */
export function computeStreak(activity: readonly Date[], now: Date): { current: number; longest: number; activeToday: boolean } {
  const days = new Set(activity.map(dayKey));
  const activeToday = days.has(dayKey(now));
  let current = 0;
  for (let day = activeToday ? startOfDay(now) : addDays(startOfDay(now), -1); days.has(dayKey(day)); day = addDays(day, -1)) current += 1;
  const sorted = [...days].sort();
  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const d of sorted) {
    const t = Date.parse(d);
    run = previous !== null && t - previous === DAY_MS ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = t;
  }
  return { current, longest, activeToday };
}

/** The Monday (UTC) that starts `date`'s week. */
export function weekStart(date: Date): Date {
  const day = startOfDay(date);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return addDays(day, -sinceMonday);
}

export type WeekRow = { week: string; byDomain: Record<string, Tally> };

/** Accuracy per ANS-C01 domain for each of the last `weeks` weeks (oldest first); lesson checks have no domain and are left out. */
export function weeklyAccuracyByDomain(events: readonly AnswerEvent[], now: Date, domains: readonly string[], weeks = 8): WeekRow[] {
  const first = addDays(weekStart(now), -7 * (weeks - 1));
  const rows: WeekRow[] = Array.from({ length: weeks }, (_, i) => ({ week: dayKey(addDays(first, 7 * i)), byDomain: Object.fromEntries(domains.map((d) => [d, { correct: 0, total: 0 }])) }));
  for (const e of events) {
    if (!e.domain || e.at < first) continue;
    const index = Math.floor((weekStart(e.at).getTime() - first.getTime()) / (7 * DAY_MS));
    const tally = rows[index]?.byDomain[e.domain];
    if (!tally) continue;
    tally.total += 1;
    if (e.correct) tally.correct += 1;
  }
  return rows;
}

export type TopicRow = { lesson: string; earlier: Tally; recent: Tally; all: Tally };

/** Accuracy per lesson topic, before and during the last `recentDays` days, most answered first. */
export function accuracyByTopic(events: readonly AnswerEvent[], now: Date, recentDays = 28): TopicRow[] {
  const cutoff = addDays(startOfDay(now), -recentDays + 1);
  const rows = new Map<string, TopicRow>();
  for (const e of events) {
    const row = rows.get(e.lesson) ?? { lesson: e.lesson, earlier: { correct: 0, total: 0 }, recent: { correct: 0, total: 0 }, all: { correct: 0, total: 0 } };
    for (const tally of [e.at >= cutoff ? row.recent : row.earlier, row.all]) {
      tally.total += 1;
      if (e.correct) tally.correct += 1;
    }
    rows.set(e.lesson, row);
  }
  return [...rows.values()].sort((a, b) => b.all.total - a.all.total || a.lesson.localeCompare(b.lesson));
}

export function percent(t: Tally): number | null {
  return t.total === 0 ? null : Math.round((100 * t.correct) / t.total);
}

/**
 * The `n` topics with the lowest accuracy among those with at least `minAnswers` answers;
 * recent answers (the last four weeks) count when there are enough of them, so a topic the
 * learner has since mastered stops being "weak".
 */
export function weakestTopics(rows: readonly TopicRow[], n = 3, minAnswers = 3): TopicRow[] {
  const score = (r: TopicRow) => {
    const t = r.recent.total >= minAnswers ? r.recent : r.all;
    return t.correct / t.total;
  };
  return rows
    .filter((r) => r.all.total >= minAnswers && score(r) < 1)
    .sort((a, b) => score(a) - score(b) || b.all.total - a.all.total)
    .slice(0, n);
}

export type Progress = {
  streak: ReturnType<typeof computeStreak>;
  weeks: WeekRow[];
  topics: TopicRow[];
  weakest: TopicRow[];
  totals: Tally;
};

/** The learner's answers in practice, review and lesson checks over the last year, and their progress. */
export async function loadProgress(userId: string, now: Date, domains: readonly string[]): Promise<Progress> {
  const since = addDays(startOfDay(now), -365);
  const [practice, checks, logs] = await Promise.all([
    db.practiceAnswer.findMany({ where: { userId, answeredAt: { gte: since } }, select: { answeredAt: true, lesson: true, domain: true, correct: true }, orderBy: { answeredAt: "desc" }, take: 20_000 }),
    db.quizAnswer.findMany({ where: { userId, answeredAt: { gte: since } }, select: { answeredAt: true, lessonSlug: true, correct: true } }),
    db.reviewLog.findMany({ where: { userId, review: { gte: since } }, select: { review: true }, orderBy: { review: "desc" }, take: 20_000 }),
  ]);
  const events: AnswerEvent[] = [
    ...practice.map((p) => ({ at: p.answeredAt, lesson: p.lesson, domain: p.domain, correct: p.correct })),
    ...checks.map((c) => ({ at: c.answeredAt, lesson: c.lessonSlug, domain: "", correct: c.correct })),
  ];
  const topics = accuracyByTopic(events, now);
  return {
    streak: computeStreak([...events.map((e) => e.at), ...logs.map((l) => l.review)], now),
    weeks: weeklyAccuracyByDomain(events, now, domains),
    topics,
    weakest: weakestTopics(topics),
    totals: { correct: events.filter((e) => e.correct).length, total: events.length },
  };
}
