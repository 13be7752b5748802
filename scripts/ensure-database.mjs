#!/usr/bin/env node
/* global URL */
// Before migrations: on PostgreSQL, creates the database DATABASE_URL names if it does not
// exist yet (when the role may), so `DATABASE_URL=postgresql://… npm start` works on an empty
// server. SQLite files are created by the migrations themselves.
import pg from "pg";

const url = process.env.DATABASE_URL;
if (url && /^postgres(ql)?:\/\//.test(url)) {
  const redacted = url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
    if (code !== "3D000") {
      console.error(`Cannot connect to PostgreSQL at ${redacted}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    try {
      await client.connect();
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created the PostgreSQL database "${name}".`);
    } catch (createError) {
      console.error(`The database "${name}" does not exist and could not be created (${createError instanceof Error ? createError.message : String(createError)}). Create it, or give the role CREATEDB.`);
      process.exit(1);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
