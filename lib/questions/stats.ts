import type { BankQuestion } from "./bank-schema";
import { DOMAIN_IDS, type DomainId } from "./exam-guide";

export type BankStats = {
  total: number;
  byDomain: Record<DomainId, number>;
  byResponse: { single: number; multiple: number };
  byLesson: Record<string, number>;
};

/** The bank's shape, as `npm run questions -- stats --json` prints it. */
export function bankStats(questions: readonly BankQuestion[]): BankStats {
  const byDomain = Object.fromEntries(DOMAIN_IDS.map((d) => [d, 0])) as Record<DomainId, number>;
  const byResponse = { single: 0, multiple: 0 };
  const byLesson: Record<string, number> = {};
  for (const q of questions) {
    byDomain[q.domain] += 1;
    byResponse[q.response] += 1;
    byLesson[q.lesson] = (byLesson[q.lesson] ?? 0) + 1;
  }
  return { total: questions.length, byDomain, byResponse, byLesson };
}
