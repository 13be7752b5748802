import fc from "fast-check";
import { layoutTopology } from "@/lib/course/topology-diagram";
import { generateQuestion } from "../generate";
import type { AnyQuestionTemplate } from "../template";
import type { GeneratedQuestion } from "../types";
import { checkQuestion } from "./check-question";

/**
 * Test support: the property every template must keep, run over many seeds with fast-check.
 * For each seed the template must produce a question (no NO_VARIANT), the evaluator, asked
 * afresh, must confirm its key and refute every distractor (check-question.ts), the topology
 * must lay out as a diagram with the asked flow's endpoints on it, and the question must be the
 * same when generated again. fast-check's own seed is fixed per template, so a run is
 * reproducible; set QUESTIONS_PROPERTY_SEED to explore other seeds.
 */

export type TemplateRun = {
  /** How often each option id was the key (single-response questions). */
  keyPositions: Record<string, number>;
  /** The asked flows' outcomes, as "works" or "CODE@leg", with how often each came up. */
  outcomes: Record<string, number>;
  questions: number;
};

function fastCheckSeed(templateId: string): number {
  const fromEnv = Number(process.env.QUESTIONS_PROPERTY_SEED);
  if (Number.isInteger(fromEnv)) return fromEnv;
  let h = 0;
  for (const c of templateId) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

function onDiagram(question: GeneratedQuestion): string[] {
  const nodes = new Set(layoutTopology(question.public.topology).nodes.map((n) => n.id));
  const ends = question.public.flows.flatMap(({ flow }) => (flow.kind === "packet" ? [flow.source, flow.destination] : [flow.endpointId]));
  return ends.filter((id): id is string => id !== undefined && /^(i|nat|vpce|onprem)-/.test(id) && !nodes.has(id));
}

export function checkTemplate(template: AnyQuestionTemplate, runs: number): TemplateRun {
  const run: TemplateRun = { keyPositions: {}, outcomes: {}, questions: 0 };
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      const result = generateQuestion(template, seed);
      if (!result.ok) throw new Error(`seed ${seed}: ${result.error}`);
      const question = result.question;
      // Laying out the diagram costs as much as a check; every fourth question is enough to catch a template that hides its endpoints.
      const problems = [...checkQuestion(question, template.teaches), ...(seed % 4 === 0 ? onDiagram(question).map((id) => `${id} is not on the diagram`) : [])];
      if (problems.length > 0) throw new Error(`${template.id}/${seed}: ${problems.join("; ")}`);
      run.questions += 1;
      if (question.public.choose === 1) {
        const key = question.answer.correctOptionIds[0] ?? "?";
        run.keyPositions[key] = (run.keyPositions[key] ?? 0) + 1;
      }
      for (const f of question.answer.flows) {
        const o = f.outcome;
        const label = o.works ? "works" : `${o.code}@${o.leg}`;
        run.outcomes[label] = (run.outcomes[label] ?? 0) + 1;
      }
      // Reproducible from its address: the same (template, seed) gives the same question.
      if (seed % 16 === 0) {
        const again = generateQuestion(template, seed);
        if (!again.ok || JSON.stringify(again.question) !== JSON.stringify(question)) throw new Error(`${template.id}/${seed} is not reproducible`);
      }
    }),
    { numRuns: runs, seed: fastCheckSeed(template.id), endOnFailure: true },
  );
  return run;
}

/** Option ids that were the key less often than a fair share allows (each of four should be about 25%). */
export function rarelyTheKey(run: TemplateRun, atLeast = 0.12): string[] {
  const total = Object.values(run.keyPositions).reduce((a, b) => a + b, 0);
  return ["a", "b", "c", "d"].filter((id) => (run.keyPositions[id] ?? 0) < total * atLeast);
}
