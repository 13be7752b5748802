import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, signInOverHttp, startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { createPostgresDatabase, dropPostgresDatabases, migrate, testDatabaseProvider, uniqueDatabaseName } from "../setup/test-database";
import { newUserInput } from "../factories";

/**
 * Sessions, sign-in throttling, the lab submission limit and idempotent submissions hold when
 * requests alternate between two app processes on one PostgreSQL database.
 */
if (testDatabaseProvider() !== "postgresql") throw new Error("The multi-process test needs TEST_POSTGRES_URL=postgresql://… (a role that may create databases).");

const LAB = "three-tier-vpc-with-nat";
const solution = JSON.stringify({ topology: JSON.parse(readFileSync(`tests/labs/solutions/${LAB}.json`, "utf8")) });
const database = uniqueDatabaseName("reachable_test_multi");
let a: AppServer;
let b: AppServer;
let learner: { email: string; password: string };

beforeAll(async () => {
  const url = await createPostgresDatabase(database);
  migrate(url);
  process.env.DATABASE_URL = url;
  const { upsertUser } = await import("@/lib/auth/credentials");
  const input = newUserInput();
  await upsertUser({ ...input, role: "learner" });
  learner = input;
  const env = { DATABASE_URL: url, LAB_SUBMISSIONS_PER_MINUTE: "3" };
  [a, b] = await Promise.all([startAppServer(await freePort(), env), startAppServer(await freePort(), env)]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await dropPostgresDatabases([database]);
});

async function progress(server: AppServer, cookie: string) {
  const response = await fetch(`${server.base}/api/progress`, { headers: { cookie } });
  return (await response.json()) as { signedIn: boolean };
}

function submit(server: AppServer, cookie: string, key?: string) {
  return fetch(`${server.base}/api/labs/${LAB}/attempts`, {
    method: "POST",
    headers: { cookie, origin: server.base, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body: solution,
  });
}

describe("two app processes on one PostgreSQL", () => {
  it("accept each other's sessions", async () => {
    const signedIn = await signInOverHttp(a.base, learner.email, learner.password);
    if (!signedIn.ok) throw new Error(signedIn.error);
    expect(await progress(b, signedIn.cookie)).toMatchObject({ signedIn: true });
    expect(await progress(a, signedIn.cookie)).toMatchObject({ signedIn: true });
  });

  it("count failed sign-ins together, whichever process gets them", async () => {
    const other = newUserInput();
    const { upsertUser } = await import("@/lib/auth/credentials");
    await upsertUser({ ...other, role: "learner" });
    for (const server of [a, b, a]) expect((await signInOverHttp(server.base, other.email, "wrong-password-42")).ok).toBe(false);
    const fourth = await signInOverHttp(b.base, other.email, other.password);
    expect(fourth).toMatchObject({ ok: false });
    if (!fourth.ok) expect(fourth.error).toMatch(/Too many failed sign-ins/);
  });

  it("share one lab submission limit", async () => {
    const cookie = await freshLearnerCookie(b);
    for (const server of [a, b, a]) expect((await submit(server, cookie)).status).toBe(201);
    const limited = await submit(b, cookie);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await submit(a, cookie)).status).toBe(429);
  });

  it("store a submission sent to both processes at once a single time", async () => {
    const cookie = await freshLearnerCookie(a);
    const twins = await Promise.all([submit(a, cookie, "twin-submission-1"), submit(b, cookie, "twin-submission-1")]);
    expect(twins.map((r) => r.status).sort()).toEqual([200, 201]);
    const bodies = (await Promise.all(twins.map((r) => r.json()))) as Array<{ attempt: { id: string }; attemptCount: number }>;
    expect(bodies[0]?.attempt.id).toBe(bodies[1]?.attempt.id);
    expect(bodies.map((x) => x.attemptCount)).toEqual([1, 1]);
  });
});

async function freshLearnerCookie(server: AppServer): Promise<string> {
  const input = newUserInput();
  const { upsertUser } = await import("@/lib/auth/credentials");
  await upsertUser({ ...input, role: "learner" });
  const signedIn = await signInOverHttp(server.base, input.email, input.password);
  if (!signedIn.ok) throw new Error(signedIn.error);
  return signedIn.cookie;
}
