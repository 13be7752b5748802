import { flowLogRecords, parseTopology, type FlowLogRecord, type Topology } from "@/lib/network";
import { analyzePacket, applyChange, claimHolds, describeFlow, evaluateFlow } from "./evaluate";
import { explainChange, explainClaim, explainFlow, explainRecord, type Repair } from "./explain";
import { createRng, type Rng } from "./prng";
import { isTaught, type AnyQuestionTemplate, type ChangeSpec, type DraftOf, type QuestionTemplate, type RecordSeen, type TemplateDraft } from "./template";
import type { Change, Evidence, FlowOutcome, GeneratedAnswer, GeneratedQuestion, LabeledFlow, OptionVerdict, PublicGeneratedQuestion, PublicOption, QuestionKind } from "./types";

/**
 * The engine: a template's draft in, a question out, its key and every explanation computed
 * by the evaluator. A variant that would be trivial or ambiguous is rejected and the next
 * derived seed is tried, deterministically, up to MAX_ATTEMPTS times.
 */
export const MAX_ATTEMPTS = 24;

/** Option counts follow the question bank's rules (bank-schema.ts): 4 for one answer, 5 for "choose two". */
const OPTION_COUNT: Record<QuestionKind, number> = { "can-reach": 4, "first-block": 4, "single-change": 4, "choose-two": 5, "flow-log-record": 4 };
const CORRECT_COUNT: Record<QuestionKind, 1 | 2> = { "can-reach": 1, "first-block": 1, "single-change": 1, "choose-two": 2, "flow-log-record": 1 };
const OPTION_IDS = ["a", "b", "c", "d", "e", "f"] as const;

/** Why a question could not be generated: a bad address, or no unambiguous variant within MAX_ATTEMPTS tries. */
export type GenerateErrorCode = "INVALID_SEED" | "UNKNOWN_TEMPLATE" | "NO_VARIANT";
export type GenerateResult =
  | { ok: true; question: GeneratedQuestion; attempts: number; rejections: string[] }
  | { ok: false; code: GenerateErrorCode; error: string; rejections: string[] };

export function isValidSeed(seed: number): boolean {
  return Number.isSafeInteger(seed) && seed >= 0;
}

/** The random source of one attempt: a pure function of the template id, the seed and the attempt number. */
export function attemptRng(templateId: string, seed: number, attempt: number): Rng {
  return createRng(`${templateId}/${seed}/${attempt}`);
}

export function generateQuestion(template: AnyQuestionTemplate, seed: number): GenerateResult {
  if (!isValidSeed(seed)) return { ok: false, code: "INVALID_SEED", error: `the seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${seed}`, rejections: [] };
  const rejections: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rng = attemptRng(template.id, seed, attempt);
    const draft: TemplateDraft = template.build(rng);
    if (draft.kind !== template.kind) throw new Error(`question template "${template.id}" is a ${template.kind} template but built a ${draft.kind} draft`);
    const result = assemble(template, seed, draft, rng);
    if (result.ok) return { ok: true, question: result.question, attempts: attempt + 1, rejections };
    rejections.push(result.reason);
  }
  const last = rejections.slice(-3).join("; ");
  return { ok: false, code: "NO_VARIANT", error: `template "${template.id}" found no unambiguous variant for seed ${seed} in ${MAX_ATTEMPTS} tries (last rejections: ${last})`, rejections };
}

/** What the checks below need to know of a template. */
type Facts = Pick<QuestionTemplate, "id" | "teaches">;

type Assembled = { ok: true; question: GeneratedQuestion } | { ok: false; reason: string };
type UnplacedOption = PublicOption extends infer O ? (O extends PublicOption ? Omit<O, "id"> : never) : never;
type Evaluated = { verdicts: Omit<OptionVerdict, "optionId">[]; options: UnplacedOption[]; flows: Evidence[]; records?: string[] };
type Rejection = { reason: string };

const reject = (reason: string): Rejection => ({ reason });
const isRejection = (value: Evaluated | Rejection): value is Rejection => "reason" in value;

function parseDraftTopology(template: Facts, draft: TemplateDraft): Topology {
  const parsed = parseTopology(draft.topology);
  if (!parsed.ok) throw new Error(`question template "${template.id}" built an invalid topology: ${parsed.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return parsed.topology;
}

function resolveChange(template: Facts, topology: Topology, spec: ChangeSpec, text: string): Change {
  try {
    return { patch: spec(topology) };
  } catch (error) {
    throw new Error(`question template "${template.id}": the change "${text}" cannot be built: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function apply(template: Facts, topology: Topology, change: Change, text: string): Topology {
  const result = applyChange(topology, change);
  if (!result.ok) throw new Error(`question template "${template.id}": the change "${text}" is broken: ${result.error}`);
  return result.topology;
}

function assemble(template: AnyQuestionTemplate, seed: number, draft: TemplateDraft, rng: Rng): Assembled {
  const topology = parseDraftTopology(template, draft);
  const kind = draft.kind;
  const texts = (draft.kind === "flow-log-record" ? [] : draft.options).map((o) => o.text.trim().toLowerCase());
  if (new Set(texts).size !== texts.length) return { ok: false, reason: "two options have the same text" };

  const evaluated = evaluateDraft(template, topology, draft);
  if (isRejection(evaluated)) return { ok: false, reason: evaluated.reason };
  if (evaluated.options.length !== OPTION_COUNT[kind]) throw new Error(`question template "${template.id}" proposed ${evaluated.options.length} options; a ${kind} question has ${OPTION_COUNT[kind]}`);
  const correct = evaluated.verdicts.filter((v) => v.correct).length;
  if (correct !== CORRECT_COUNT[kind]) return { ok: false, reason: `${correct} options are right, the question needs exactly ${CORRECT_COUNT[kind]}` };
  const optionTexts = evaluated.options.map((o) => o.text.trim().toLowerCase());
  if (new Set(optionTexts).size !== optionTexts.length) return { ok: false, reason: "two options have the same text" };

  const order = rng.shuffle(evaluated.options.map((_, i) => i));
  const options: PublicOption[] = [];
  const verdicts: OptionVerdict[] = [];
  order.forEach((from, position) => {
    const id = OPTION_IDS[position] as string;
    options.push({ ...(evaluated.options[from] as PublicOption), id });
    verdicts.push({ optionId: id, ...(evaluated.verdicts[from] as Omit<OptionVerdict, "optionId">) });
  });

  const flows: LabeledFlow[] = draft.kind === "choose-two" ? draft.options.map((o) => ({ label: o.text, flow: o.flow })) : [draft.flow];
  const publicPart: PublicGeneratedQuestion = {
    id: `${template.id}/${seed}`,
    templateId: template.id,
    seed,
    kind,
    response: CORRECT_COUNT[kind] === 1 ? "single" : "multiple",
    choose: CORRECT_COUNT[kind],
    lesson: template.lesson,
    section: template.section,
    domain: template.domain,
    task: template.task,
    difficulty: draft.difficulty ?? template.difficulty,
    docs: [...template.docs],
    stem: draft.stem,
    facts: draft.facts(topology),
    topology,
    flows,
    keep: draft.kind === "single-change" ? draft.keep : [],
    ...(draft.kind === "flow-log-record" ? { capture: draft.capture } : {}),
    options,
  };
  const answer: GeneratedAnswer = {
    correctOptionIds: verdicts.filter((v) => v.correct).map((v) => v.optionId),
    options: verdicts,
    flows: evaluated.flows,
    ...(evaluated.records ? { records: evaluated.records } : {}),
  };
  return { ok: true, question: { public: publicPart, answer } };
}

function evaluateDraft(template: Facts, topology: Topology, draft: TemplateDraft): Evaluated | Rejection {
  switch (draft.kind) {
    case "can-reach":
      return evaluateCanReach(template, topology, draft);
    case "first-block":
      return evaluateFirstBlock(template, topology, draft);
    case "single-change":
      return evaluateSingleChange(template, topology, draft);
    case "choose-two":
      return evaluateChooseTwo(template, topology, draft);
    case "flow-log-record":
      return evaluateFlowLog(template, topology, draft);
    default:
      return draft satisfies never;
  }
}

const blockedText = (outcome: FlowOutcome) => `${outcome.code} at ${outcome.blockedBy}`;

function distinctClaims(draft: DraftOf<"can-reach"> | DraftOf<"first-block">): boolean {
  const keys = draft.options.map((o) => JSON.stringify(o.claim));
  return new Set(keys).size === keys.length;
}

function evaluateCanReach(template: Facts, topology: Topology, draft: DraftOf<"can-reach">): Evaluated | Rejection {
  if (!distinctClaims(draft)) return reject("two options make the same claim");
  const outcome = evaluateFlow(topology, draft.flow.flow);
  if (!outcome.works && !isTaught(template, outcome)) return reject(`the flow is blocked by ${blockedText(outcome)}, not by the rule the template teaches`);
  // The verdict must turn on the taught rule: changing that rule must change the right answer.
  const pivoted = evaluateFlow(apply(template, topology, resolveChange(template, topology, draft.pivot, "pivot"), "pivot"), draft.flow.flow);
  const before = draft.options.map((o) => claimHolds(o.claim, outcome));
  const after = draft.options.map((o) => claimHolds(o.claim, pivoted));
  if (before.every((b, i) => b === after[i])) return reject("the answer does not depend on the rule the template teaches (the pivot change leaves it as it is)");
  const evidence: Evidence = { label: draft.flow.label, outcome };
  return {
    verdicts: draft.options.map((o, i) => ({ correct: before[i] === true, explanation: explainClaim(o.claim, outcome, o.note), evidence: [evidence] })),
    options: draft.options.map((o) => ({ kind: "claim", text: o.text, claim: o.claim })),
    flows: [evidence],
  };
}

function evaluateFirstBlock(template: Facts, topology: Topology, draft: DraftOf<"first-block">): Evaluated | Rejection {
  if (!distinctClaims(draft)) return reject("two options name the same hop");
  if (draft.options.some((o) => o.claim.works)) throw new Error(`question template "${template.id}": a first-block option must name a blocking hop`);
  const outcome = evaluateFlow(topology, draft.flow.flow);
  if (outcome.works) return reject("the flow is not blocked");
  if (!isTaught(template, outcome)) return reject(`the flow is blocked by ${blockedText(outcome)}, not by the rule the template teaches`);
  // What blocks next as each misconfiguration is repaired, in path order, for the explanations.
  const repairs: Repair[] = [];
  let current = topology;
  for (const repair of draft.repairs ?? []) {
    current = apply(template, current, resolveChange(template, current, repair.change, repair.text), repair.text);
    repairs.push({ text: repair.text, outcome: evaluateFlow(current, draft.flow.flow) });
  }
  const evidence: Evidence = { label: draft.flow.label, outcome };
  return {
    verdicts: draft.options.map((o) => ({ correct: claimHolds(o.claim, outcome), explanation: explainClaim(o.claim, outcome, o.note, repairs), evidence: [evidence] })),
    options: draft.options.map((o) => ({ kind: "claim", text: o.text, claim: o.claim })),
    flows: [evidence],
  };
}

function evaluateSingleChange(template: Facts, topology: Topology, draft: DraftOf<"single-change">): Evaluated | Rejection {
  const outcome = evaluateFlow(topology, draft.flow.flow);
  if (outcome.works) return reject("the flow already works");
  if (!isTaught(template, outcome)) return reject(`the flow is blocked by ${blockedText(outcome)}, not by the rule the template teaches`);
  for (const kept of draft.keep) {
    const now = evaluateFlow(topology, kept.flow);
    if (now.works !== kept.mustWork) return reject(`the listed flow "${kept.label}" ${now.works ? "works" : "is blocked"} before any change, but the stem says it ${kept.mustWork ? "works" : "is blocked"}`);
  }
  const original = JSON.stringify(topology);
  const seen = new Set<string>();
  const verdicts: Omit<OptionVerdict, "optionId">[] = [];
  const options: UnplacedOption[] = [];
  for (const option of draft.options) {
    const change = resolveChange(template, topology, option.change, option.text);
    const changed = apply(template, topology, change, option.text);
    const key = JSON.stringify(changed);
    if (key === original) return reject(`the change "${option.text}" changes nothing`);
    if (seen.has(key)) return reject(`two changes have the same effect ("${option.text}")`);
    seen.add(key);
    const after = evaluateFlow(changed, draft.flow.flow);
    // The listed flows matter only once the change makes the asked flow work.
    const kept = after.works ? draft.keep.map((k) => ({ kept: k, outcome: evaluateFlow(changed, k.flow) })) : [];
    const broken = kept.filter((k) => k.outcome.works !== k.kept.mustWork);
    verdicts.push({
      correct: after.works && broken.length === 0,
      explanation: explainChange(outcome, after, kept, option.note),
      evidence: [{ label: `${draft.flow.label} (after: ${option.text})`, outcome: after }, ...kept.map((k) => ({ label: `${k.kept.label} (after: ${option.text})`, outcome: k.outcome }))],
    });
    options.push({ kind: "change", text: option.text, change });
  }
  return { verdicts, options, flows: [{ label: draft.flow.label, outcome }] };
}

function evaluateChooseTwo(template: Facts, topology: Topology, draft: DraftOf<"choose-two">): Evaluated | Rejection {
  const keys = draft.options.map((o) => JSON.stringify(o.flow));
  if (new Set(keys).size !== keys.length) return reject("two options are the same flow");
  const outcomes = draft.options.map((o) => evaluateFlow(topology, o.flow));
  const untaught = outcomes.findIndex((o) => !o.works && !isTaught(template, o));
  if (untaught >= 0) {
    const o = outcomes[untaught] as FlowOutcome;
    return reject(`option "${draft.options[untaught]?.text}" is blocked by ${blockedText(o)}, not by the rule the template teaches`);
  }
  const evidence = outcomes.map((outcome, i) => ({ label: draft.options[i]?.text ?? "", outcome }));
  return {
    verdicts: draft.options.map((o, i) => {
      const outcome = outcomes[i] as FlowOutcome;
      return { correct: outcome.works, explanation: explainFlow(outcome, o.note), evidence: [evidence[i] as Evidence] };
    }),
    options: draft.options.map((o) => ({ kind: "flow", text: o.text, flow: o.flow })),
    flows: evidence,
  };
}

function seen(record: FlowLogRecord): RecordSeen {
  return { line: record.line, fields: record.line.split(" "), path: record.path, direction: record.direction, action: record.action, networkInterfaceId: record.networkInterfaceId };
}

function evaluateFlowLog(template: Facts, topology: Topology, draft: DraftOf<"flow-log-record">): Evaluated | Rejection {
  const analysis = analyzePacket(topology, draft.flow.flow);
  const outcome = evaluateFlow(topology, draft.flow.flow);
  if (!outcome.works && !isTaught(template, outcome)) return reject(`the flow is blocked by ${blockedText(outcome)}, not by the rule the template teaches`);
  const { capture } = draft;
  const records = flowLogRecords(topology, analysis, { start: capture.start, end: capture.end, packets: capture.packets, bytes: capture.bytes })
    .filter((r) => r.flowLogId === capture.flowLogId)
    .map(seen);
  if (records.length === 0) return reject(`flow log ${capture.flowLogId} records nothing for ${describeFlow(draft.flow.flow)}`);
  const proposed = draft.options(records);
  const lines = proposed.map((o) => o.record);
  if (new Set(lines).size !== lines.length) return reject("two options are the same record");
  const evidence: Evidence = { label: draft.flow.label, outcome };
  return {
    verdicts: proposed.map((o) => ({ correct: records.some((r) => r.line === o.record), explanation: explainRecord(o.record, records, capture.flowLogId, outcome, o.note), evidence: [evidence] })),
    options: proposed.map((o) => ({ kind: "record", text: o.text, record: o.record })),
    flows: [evidence],
    records: records.map((r) => r.line),
  };
}
