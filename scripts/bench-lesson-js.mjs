#!/usr/bin/env node
// JavaScript a browser downloads for a lesson page, gzip-compressed, read from the
// production build's pre-rendered HTML (run `npx next build` first).
//   node scripts/bench-lesson-js.mjs [lesson-slug ...]
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const slugs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["route-tables", "nat-instance-and-nat-gateway", "transit-gateway"];
for (const [label, html] of [["home", ".next/server/app/index.html"], ["outline", ".next/server/app/lessons.html"], ...slugs.map((s) => [`lesson ${s}`, `.next/server/app/lessons/${s}.html`])]) {
  if (!existsSync(html)) {
    console.error(`${html} is missing: run \`npx next build\` first.`);
    process.exit(2);
  }
  const page = readFileSync(html, "utf8");
  const scripts = [...new Set([...page.matchAll(/\/_next\/(static\/chunks\/[^"']+\.js)/g)].map((m) => m[1]))];
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const body = readFileSync(`.next/${s}`);
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const htmlGz = gzipSync(page).length;
  console.log(`${label.padEnd(44)} ${String(scripts.length).padStart(2)} scripts  ${(raw / 1024).toFixed(0).padStart(5)} kB raw  ${(gz / 1024).toFixed(0).padStart(4)} kB gzip   (HTML ${(htmlGz / 1024).toFixed(0)} kB gzip)`);
}
