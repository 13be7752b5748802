#!/usr/bin/env node
// Where a V8 CPU profile's time went: self time grouped by the code it ran (Next.js, Prisma,
// the pg driver, next-auth's JWT, the app's own compiled code, Node's internals, garbage
// collection, idle), then the functions with the most self time. For the profiles that
// `npm run bench:load -- --profile DIR` writes.
//
//   node scripts/cpu-profile-summary.mjs DIR/*.cpuprofile [--top 25]
import { readFileSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args[topIndex + 1]) || 25 : 25;
const files = args.filter((a, i) => !a.startsWith("--") && (topIndex < 0 || i !== topIndex + 1));
if (files.length === 0) {
  console.error("usage: node scripts/cpu-profile-summary.mjs PROFILE.cpuprofile [...] [--top N]");
  process.exit(2);
}

/** The group a function's source belongs to, from its script URL and name. */
export function groupOf(url, name) {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)") return "V8 and native code (program)";
  if (!url) return "native / builtins";
  if (url.startsWith("node:")) return "Node.js internals";
  // The only WebAssembly the server runs is Prisma's query compiler (the queryCompiler preview).
  if (url.startsWith("wasm://")) return "Prisma query compiler (WebAssembly)";
  const rules = [
    [/node_modules\/(next-auth|jose|@panva|openid-client)\//, "next-auth session (JWT)"],
    [/node_modules\/(@prisma|\.prisma)\/|\/generated\/prisma/, "Prisma client"],
    [/node_modules\/(pg|pg-protocol|pg-pool|postgres-)/, "pg driver"],
    [/node_modules\/next\/dist\/compiled\/(react|react-dom|react-server)/, "React (server)"],
    [/node_modules\/next\//, "Next.js runtime"],
    [/node_modules\/zod\//, "zod"],
    [/\.next\/server\/chunks\/|\.next\/server\/app\//, "app code (compiled: lib/, routes, evaluator)"],
    [/node_modules\//, "other packages"],
  ];
  for (const [pattern, group] of rules) if (pattern.test(url)) return group;
  return "other";
}

const groups = new Map();
const functions = new Map();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id);
    if (!node) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const group = groupOf(url, name);
    groups.set(group, (groups.get(group) ?? 0) + micros);
    const key = `${name}  ${url ? `${path.basename(url)}:${lineNumber + 1}` : ""}  [${group}]`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
    total += micros;
  }
}

const busy = total - (groups.get("idle") ?? 0);
const pct = (micros, of) => ((100 * micros) / of).toFixed(1).padStart(5);
console.log(`${files.length} profile(s), ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
console.log("\nSelf time by group (% of busy time):");
for (const [group, micros] of [...groups].filter(([g]) => g !== "idle").sort((a, b) => b[1] - a[1])) {
  console.log(`  ${pct(micros, busy)} %  ${(micros / 1e6).toFixed(2).padStart(7)} s  ${group}`);
}
console.log(`\nTop ${top} functions by self time (% of busy time):`);
for (const [key, micros] of [...functions].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${pct(micros, busy)} %  ${key}`);
}
