/**
 * The server owns the clock: an attempt's deadline is fixed when it starts, and every decision
 * (may this answer be saved, is this attempt over) compares it with the server's `now`, which
 * callers pass in so tests can move time.
 */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export function deadlineFor(startedAt: Date, minutes: number): Date {
  return new Date(startedAt.getTime() + minutes * 60_000);
}

/** An answer saved at the deadline itself is late: the time is up when the countdown shows 0:00. */
export function isPastDeadline(deadline: Date, now: Date): boolean {
  return now.getTime() >= deadline.getTime();
}

export function remainingMs(deadline: Date, now: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/** "1:05:09" or "4:07": how the countdown and the history show a duration. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** The moments screen readers are told how much time is left. */
export const TIME_WARNINGS = [
  { ms: 10 * 60_000, text: "10 minutes left." },
  { ms: 60_000, text: "1 minute left." },
] as const;

/**
 * The warnings to announce now that `remaining` ms are left, given those already announced
 * (which this adds to). Only the most urgent of those crossed at once is returned, so a page
 * opened with 30 seconds left says "1 minute left." once rather than both.
 */
export function dueTimeWarning(remaining: number, announced: Set<number>): string | null {
  const crossed = TIME_WARNINGS.filter((w) => remaining <= w.ms && !announced.has(w.ms));
  for (const w of crossed) announced.add(w.ms);
  return crossed.at(-1)?.text ?? null;
}
