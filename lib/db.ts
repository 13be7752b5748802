import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { databaseTarget, type DatabaseProvider } from "./db-url";

/** One Prisma client per process (kept on globalThis so dev-mode reloads do not open new ones). */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Connections each process keeps to PostgreSQL (pg's pool); SQLite has one file handle. */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/**
 * A client for DATABASE_URL: SQLite (file:) or PostgreSQL (postgresql://). Both clients are
 * generated from one set of models (scripts/prisma-schemas.mjs), so they expose the same
 * methods and types; the PostgreSQL one is typed as the SQLite one, which is the narrower of
 * the two (no provider-only features such as case-insensitive filters are used).
 */
export function createPrismaClient(url?: string): PrismaClient {
  const target = databaseTarget(url);
  if (target.provider === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: POSTGRES_POOL_SIZE }) });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
}

/**
 * Options for every interactive transaction. Prisma's defaults (wait 2 s for a connection, 5 s
 * to finish) turn a burst of requests into errors once the pool is busy; under load a request
 * should queue for its turn instead (the load test, scripts/load-test.ts, runs 200 learners
 * against pools of 10 connections).
 */
export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/** The database in use, for the few places where SQL differs (raw queries, backups). */
export function databaseProvider(): DatabaseProvider {
  return databaseTarget().provider;
}
