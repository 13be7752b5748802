import type { BankQuestion } from "@/lib/questions/bank-schema";
import { DOMAIN_IDS, DOMAINS, type DomainId } from "@/lib/questions/exam-guide";
import type { ExamKind } from "./kinds";

/**
 * Splits `total` questions across the domains by their weights with the largest-remainder
 * (Hamilton) method: everyone gets the floor of their exact share, then the seats left go to the
 * largest fractional parts (ties to the lower domain number). 65 by 30/26/20/24 → 19/17/13/16.
 */
export function allocateByWeight(total: number, weights: Record<DomainId, number> = domainWeights()): Record<DomainId, number> {
  if (!Number.isInteger(total) || total < 0) throw new Error(`allocateByWeight needs a whole number of questions, got ${total}`);
  const sum = DOMAIN_IDS.reduce((s, d) => s + weights[d], 0);
  const exact = DOMAIN_IDS.map((d) => ({ d, share: (total * weights[d]) / sum }));
  const result = Object.fromEntries(exact.map(({ d, share }) => [d, Math.floor(share)])) as Record<DomainId, number>;
  let left = total - DOMAIN_IDS.reduce((s, d) => s + result[d], 0);
  const byRemainder = [...exact].sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || Number(a.d) - Number(b.d));
  for (const { d } of byRemainder) {
    if (left === 0) break;
    result[d] += 1;
    left -= 1;
  }
  return result;
}

function domainWeights(): Record<DomainId, number> {
  return Object.fromEntries(DOMAIN_IDS.map((d) => [d, DOMAINS[d].weight])) as Record<DomainId, number>;
}

/** mulberry32: a small, fast, well-distributed 32-bit generator; the same seed draws the same exam. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export type DrawResult = { ok: true; questionIds: string[] } | { ok: false; error: string };

/**
 * Draws an attempt's questions: the exam's share of each domain (allocateByWeight), sampled
 * without replacement from the questions that fit the exam, then shuffled so domains mix. When
 * a domain has fewer questions than its share, the rest come from the other domains' leftovers,
 * so the set keeps its length; a bank too small for the set is an error, never a short exam.
 */
export function drawExamQuestions(bank: readonly BankQuestion[], kind: Pick<ExamKind, "exam" | "questionCount">, seed: number): DrawResult {
  const random = seededRandom(seed);
  const eligible = bank.filter((q) => q.exams.includes(kind.exam));
  if (eligible.length < kind.questionCount) {
    return { ok: false, error: `The question bank has ${eligible.length} questions for ${kind.exam}; this set needs ${kind.questionCount}.` };
  }
  const quota = allocateByWeight(kind.questionCount);
  const chosen: BankQuestion[] = [];
  const leftovers: BankQuestion[] = [];
  for (const d of DOMAIN_IDS) {
    const pool = shuffle(eligible.filter((q) => q.domain === d), random);
    chosen.push(...pool.slice(0, quota[d]));
    leftovers.push(...pool.slice(quota[d]));
  }
  chosen.push(...shuffle(leftovers, random).slice(0, kind.questionCount - chosen.length));
  return { ok: true, questionIds: shuffle(chosen, random).map((q) => q.id) };
}

/** A fresh seed for a new attempt, below 2^31 so it fits an INTEGER column on both databases (stored so the draw can be replayed). */
export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
