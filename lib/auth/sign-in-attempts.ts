import { createHmac } from "node:crypto";
import { db, TRANSACTION_OPTIONS } from "@/lib/db";
import { env } from "@/lib/env";
import { judgeAttempt, recordFailure, throttleKeys, type ThrottleKey, type ThrottleState, type ThrottleVerdict } from "./throttle";

/**
 * The database side of sign-in throttling (policy in throttle.ts). An attempt is counted as a
 * failure BEFORE its password is checked, in the same transaction that decides whether it may
 * go ahead; a success then takes the count back. So 50 parallel guesses get exactly the free
 * attempts checked against the password, on one process or many.
 */

/** Client addresses are stored keyed, not in clear: enough to recognise a place, not to list where learners sign in from. */
export function hashAddress(address: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET ?? "reachable-sign-in-throttle").update(address).digest("hex").slice(0, 32);
}

const NO_FAILURE = new Date(0);

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

async function retryOnRace<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return run();
    throw error;
  }
}

export type Reservation = Exclude<ThrottleVerdict, { allowed: true }> | { allowed: true; counted: ThrottleKey[] };

/** Decides whether this attempt may check a password and, if so, counts it on every key, atomically. */
export async function reserveSignInAttempt(email: string, addressHash: string, now: Date): Promise<Reservation> {
  const trusted = await db.trustedSignInAddress.findUnique({ where: { email_addressHash: { email, addressHash } }, select: { email: true } });
  // Rows are always locked in the same (sorted) order, so two attempts never wait on each other in a cycle.
  const keys = throttleKeys(email, addressHash, trusted !== null).sort((a, b) => a.key.localeCompare(b.key));
  return retryOnRace(() =>
    db.$transaction(async (tx) => {
      const states: Array<(typeof keys)[number] & { state: ThrottleState | null }> = [];
      for (const k of keys) {
        // A real write, so PostgreSQL locks the row until this transaction ends.
        const row = await tx.signInThrottle.upsert({
          where: { key: k.key },
          create: { key: k.key, failures: 0, lastFailureAt: NO_FAILURE },
          update: { failures: { increment: 0 } },
        });
        states.push({ ...k, state: row.failures > 0 ? { failures: row.failures, lastFailureAt: row.lastFailureAt } : null });
      }
      const verdict = judgeAttempt(states, now);
      if (!verdict.allowed) return verdict;
      for (const { key, state } of states) {
        const next = recordFailure(state, now);
        await tx.signInThrottle.update({ where: { key }, data: { failures: next.failures, lastFailureAt: next.lastFailureAt } });
      }
      return { allowed: true, counted: keys };
    }, TRANSACTION_OPTIONS),
  );
}

/** The password was right: forget this place's streak, take back the attempt's count, and trust the address from now on. */
export async function recordSignInSuccess(email: string, addressHash: string, counted: readonly ThrottleKey[], now: Date): Promise<void> {
  await retryOnRace(() =>
    db.$transaction(async (tx) => {
      for (const { scope, key } of counted) {
        if (scope === "pair") await tx.signInThrottle.deleteMany({ where: { key } });
        else await tx.signInThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
      }
      await tx.trustedSignInAddress.upsert({
        where: { email_addressHash: { email, addressHash } },
        create: { email, addressHash, lastSuccessAt: now },
        update: { lastSuccessAt: now },
      });
    }, TRANSACTION_OPTIONS),
  );
}
