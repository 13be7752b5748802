#!/usr/bin/env node
// Writes .env.local with a random NEXTAUTH_SECRET the first time, so `npm start` works on a
// fresh clone without hand-editing anything. An existing file or variable is never changed.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const file = ".env.local";
const current = existsSync(file) ? readFileSync(file, "utf8") : "";
const lines = [];
if (!process.env.NEXTAUTH_SECRET && !/^NEXTAUTH_SECRET=/m.test(current)) {
  lines.push(`NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`);
}
if (!process.env.NEXTAUTH_URL && !/^NEXTAUTH_URL=/m.test(current)) {
  lines.push(`NEXTAUTH_URL=http://localhost:${process.env.PORT ?? 3000}`);
}
if (lines.length > 0) {
  writeFileSync(file, `${current}${current && !current.endsWith("\n") ? "\n" : ""}${lines.join("\n")}\n`);
  console.log(`Wrote ${lines.map((l) => l.split("=")[0]).join(" and ")} to ${file}`);
}
