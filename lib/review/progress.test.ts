import { describe, expect, it } from "vitest";
import { accuracyByTopic, computeStreak, weakestTopics, weeklyAccuracyByDomain, weekStart, type AnswerEvent } from "./progress";
import { addDays } from "./scheduler";
import { listLessons } from "@/lib/course/lessons";
import { listLabs } from "@/lib/labs";
import { loadTopicLabs, parseTopicLabs } from "./topic-labs";

const NOW = new Date("2026-03-12T15:00:00Z"); // a Thursday

const event = (daysAgo: number, lesson: string, domain: string, correct: boolean): AnswerEvent => ({ at: addDays(NOW, -daysAgo), lesson, domain, correct });

describe("progress", () => {
  it("counts a streak of days in a row, still alive until today is over", () => {
    expect(computeStreak([addDays(NOW, -1), addDays(NOW, -2), addDays(NOW, -4)], NOW)).toEqual({ current: 2, longest: 2, activeToday: false });
    expect(computeStreak([NOW, addDays(NOW, -1), addDays(NOW, -2), addDays(NOW, -2.1)], NOW)).toEqual({ current: 3, longest: 3, activeToday: true });
    expect(computeStreak([addDays(NOW, -3)], NOW).current).toBe(0);
    expect(computeStreak([], NOW)).toEqual({ current: 0, longest: 0, activeToday: false });
  });

  it("buckets accuracy by domain per week starting on Monday", () => {
    expect(weekStart(NOW).toISOString()).toBe("2026-03-09T00:00:00.000Z");
    const weeks = weeklyAccuracyByDomain([event(0, "subnets", "1", true), event(1, "subnets", "1", false), event(7, "vpc-peering", "2", true), event(100, "subnets", "1", true), event(0, "subnets", "", false)], NOW, ["1", "2", "3", "4"], 4);
    expect(weeks.map((w) => w.week)).toEqual(["2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09"]);
    expect(weeks[3]?.byDomain["1"]).toEqual({ correct: 1, total: 2 });
    expect(weeks[2]?.byDomain["2"]).toEqual({ correct: 1, total: 1 });
    expect(weeks[0]?.byDomain["1"]).toEqual({ correct: 0, total: 0 });
  });

  it("names the weakest topics, judged on recent answers once there are enough", () => {
    const events = [
      ...[1, 2, 3].map((d) => event(d, "vpc-peering", "2", false)),
      ...[1, 2, 3].map((d) => event(d, "subnets", "1", d !== 1)),
      ...[40, 41, 42].map((d) => event(d, "route-tables", "1", false)),
      ...[1, 2, 3].map((d) => event(d, "route-tables", "1", true)),
      ...[1, 2, 3, 4].map((d) => event(d, "transit-gateway", "2", d > 2)),
      event(1, "client-vpn", "2", false),
    ];
    const topics = accuracyByTopic(events, NOW);
    expect(topics.find((t) => t.lesson === "route-tables")).toMatchObject({ earlier: { correct: 0, total: 3 }, recent: { correct: 3, total: 3 } });
    // route-tables was weak but is right lately; client-vpn has too few answers to judge.
    expect(weakestTopics(topics).map((t) => t.lesson)).toEqual(["vpc-peering", "transit-gateway", "subnets"]);
  });

  it("checks which labs practise which lesson against the labs and lessons that exist", () => {
    const labs = new Set(["fix-a-broken-peering-mesh"]);
    const lessons = new Set(["vpc-peering", "route-tables"]);
    const ok = parseTopicLabs("fix-a-broken-peering-mesh: [vpc-peering, route-tables]\n", labs, lessons);
    expect(ok.ok && Object.fromEntries(ok.byLesson)).toEqual({ "vpc-peering": ["fix-a-broken-peering-mesh"], "route-tables": ["fix-a-broken-peering-mesh"] });
    expect(parseTopicLabs("no-such-lab: [vpc-peering]\n", labs, lessons)).toMatchObject({ ok: false, error: expect.stringContaining('"no-such-lab" is not a lab') });
    expect(parseTopicLabs("fix-a-broken-peering-mesh: [nope]\n", labs, lessons)).toMatchObject({ ok: false, error: expect.stringContaining('names "nope", which is not a lesson') });
    expect(parseTopicLabs("fix-a-broken-peering-mesh: [", labs, lessons)).toMatchObject({ ok: false, error: expect.stringContaining("not valid YAML") });
  });

  it("links every lab in content/labs/lessons-practised.yaml to lessons that exist", async () => {
    const [labs, lessons] = await Promise.all([listLabs(), listLessons()]);
    const byLesson = await loadTopicLabs(new Set(labs.map((l) => l.slug)), new Set(lessons.map((l) => l.slug)));
    expect(new Set([...byLesson.values()].flat())).toEqual(new Set(labs.map((l) => l.slug)));
  });
});
