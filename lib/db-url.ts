/**
 * Which database the app, the seed, the scripts and the Prisma CLI use: DATABASE_URL decides.
 * `file:…` is SQLite (the default, `file:./prisma/dev.db`); `postgresql://…` or `postgres://…`
 * is PostgreSQL (docs/decisions/006-postgresql-beside-sqlite.md). Nothing else changes.
 */
export type DatabaseProvider = "sqlite" | "postgresql";
export type DatabaseTarget = { provider: DatabaseProvider; url: string };

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function databaseTarget(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith("file:")) return { provider: "sqlite", url };
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL (got "${redactUrl(url)}")`);
}

/** The SQLite or PostgreSQL URL in use. */
export function databaseUrl(): string {
  return databaseTarget().url;
}

/** A URL fit for logs and error messages: the password replaced by "***". */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
