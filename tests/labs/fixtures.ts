import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import jsonPatch, { type Operation } from "fast-json-patch";
import { z } from "zod";

/**
 * Reference and wrong solutions, kept in the test suite and never shipped:
 * `solutions/<slug>.json` is a whole topology; `wrong/<slug>-<what>.json`
 * is a plausible mistake written as a JSON Patch on the reference solution,
 * with the ids of the checks it must lose.
 */
export const LAB_TESTS_DIR = path.join(process.cwd(), "tests", "labs");

const wrongSchema = z.strictObject({
  description: z.string().min(10),
  patch: z.array(z.record(z.string(), z.unknown())).min(1),
  expectedLostChecks: z.array(z.string()).min(1),
});

export type WrongSolution = { file: string; slug: string; description: string; topology: unknown; expectedLostChecks: string[] };

export function readSolution(slug: string): unknown {
  return JSON.parse(readFileSync(path.join(LAB_TESTS_DIR, "solutions", `${slug}.json`), "utf8"));
}

/** Every wrong solution of a lab, as a whole topology (the reference solution with the mistake applied). */
export function readWrongSolutions(slug: string): WrongSolution[] {
  const dir = path.join(LAB_TESTS_DIR, "wrong");
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${slug}-`) && name.endsWith(".json"))
    .map((name) => {
      const file = path.join("tests", "labs", "wrong", name);
      const parsed = wrongSchema.parse(JSON.parse(readFileSync(path.join(dir, name), "utf8")));
      const topology = jsonPatch.applyPatch(structuredClone(readSolution(slug)), parsed.patch as unknown as Operation[], true, false).newDocument;
      return { file, slug, description: parsed.description, topology, expectedLostChecks: parsed.expectedLostChecks };
    });
}
