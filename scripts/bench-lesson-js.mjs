#!/usr/bin/env node
// JavaScript a browser downloads for the home, outline and lesson pages, gzip-compressed. Pages
// are rendered per request (the CSP nonce), so their HTML comes from a running production
// server (`npx next build`, then `next start`); the scripts it names are read from .next/.
//   node scripts/bench-lesson-js.mjs [--url http://localhost:3000] [lesson-slug ...]
/* global fetch */
import { existsSync, readFileSync } from "node:fs";
import { URL } from "node:url";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const urlAt = args.indexOf("--url");
const base = urlAt === -1 ? "http://localhost:3000" : args.splice(urlAt, 2)[1];
const slugs = args.length > 0 ? args : ["route-tables", "nat-instance-and-nat-gateway", "transit-gateway"];
for (const [label, path] of [["home", "/"], ["outline", "/lessons"], ...slugs.map((s) => [`lesson ${s}`, `/lessons/${s}`])]) {
  let page;
  try {
    page = await (await fetch(new URL(path, base))).text();
  } catch {
    console.error(`No server at ${base}: run \`npx next build\`, then \`npx next start\` (or pass --url).`);
    process.exit(2);
  }
  const scripts = [...new Set([...page.matchAll(/\/_next\/(static\/chunks\/[^"']+\.js)/g)].map((m) => m[1]))];
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    if (!existsSync(`.next/${s}`)) {
      console.error(`.next/${s} is missing: is the server running this checkout's build?`);
      process.exit(2);
    }
    const body = readFileSync(`.next/${s}`);
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const htmlGz = gzipSync(page).length;
  console.log(`${label.padEnd(44)} ${String(scripts.length).padStart(2)} scripts  ${(raw / 1024).toFixed(0).padStart(5)} kB raw  ${(gz / 1024).toFixed(0).padStart(4)} kB gzip   (HTML ${(htmlGz / 1024).toFixed(0)} kB gzip)`);
}
