/** The SQLite database the app and the Prisma CLI use; DATABASE_URL overrides it (tests use throw-away files). */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL (got "${url}")`);
  }
  return url;
}
