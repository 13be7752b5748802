import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Production `next start` processes for tests and benchmarks that need the real app over
 * HTTP: the multi-process test, the load test and the grading benchmark. Needs `next build`.
 */
export type AppServer = { base: string; port: number; pid: number | undefined; stop(): Promise<void>; log(): string };

export const TEST_SECRET = "multi-process-and-load-only-secret-0123456789abcdef";

export function requireBuild(): void {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build found: run `npx next build` first.");
}

/** `nodeArgs` go to Node itself (for example `--cpu-prof`, which NODE_OPTIONS may not carry). */
export async function startAppServer(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<AppServer> {
  requireBuild();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXTAUTH_SECRET: TEST_SECRET, NEXTAUTH_URL: base, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start on port ${port} exited:\n${output}`);
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).ok) return { base, port, pid: child.pid, stop, log: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start on port ${port} did not answer within a minute:\n${output}`);
}

/** Cookies as a browser keeps them: name=value pairs, later ones replacing earlier ones. */
export function mergeCookies(...lists: string[][]): string {
  const jar = new Map<string, string>();
  for (const list of lists) for (const c of list) {
    const pair = c.split(";")[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

export type SignInAnswer = { ok: true; cookie: string } | { ok: false; error: string };

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signInOverHttp(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInAnswer> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: mergeCookies(csrfCookies), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookies = response.headers.getSetCookie();
  const cookie = mergeCookies(csrfCookies, cookies);
  if (cookies.some((c) => /^(__Secure-)?next-auth\.session-token=/.test(c))) return { ok: true, cookie };
  const answer = (await response.json().catch(() => null)) as { url?: string } | null;
  const error = answer?.url ? new URL(answer.url).searchParams.get("error") : null;
  return { ok: false, error: error ?? `HTTP ${response.status}` };
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
