import jsonPatch, { type Operation } from "fast-json-patch";
import { analyze, flowLogRecords, parseTopology, selectAcceleratorEndpoint, type AnalysisSuccess, type Topology } from "@/lib/network";
import type { Claim, Flow, GeneratedQuestion, OutcomeCode, PacketFlow, PublicOption } from "../types";

/**
 * Test support: checks a generated question against the evaluator without trusting anything
 * the generator computed. Only the question's public part is read (its topology, flows, listed
 * flows and options); every verdict is recomputed with `analyze`, `flowLogRecords` and
 * `selectAcceleratorEndpoint`, and every change is re-applied with fast-json-patch and
 * re-validated with `parseTopology`. The key it derives must equal the generator's key.
 * Returns the problems found, so a failing property names them.
 */

type Verdict = { works: boolean; code: OutcomeCode | undefined; blockedBy: string | undefined; leg: "forward" | "return" | undefined; components: string[] };

function analysed(topology: Topology, flow: PacketFlow): AnalysisSuccess {
  const { kind: _kind, ...query } = flow;
  const result = analyze(topology, query);
  if (!result.ok) throw new Error(`analyze refused ${JSON.stringify(query)}: ${result.error}`);
  return result;
}

function verdictOf(topology: Topology, flow: Flow): Verdict {
  if (flow.kind === "accelerator") {
    const selection = selectAcceleratorEndpoint(topology, { acceleratorArn: flow.acceleratorArn, protocol: flow.protocol, port: flow.port, clientRegion: flow.clientRegion });
    if (!selection.ok) return { works: false, code: selection.code, blockedBy: flow.acceleratorArn, leg: "forward", components: [] };
    const works = selection.endpoints.some((e) => e.endpointId === flow.endpointId && e.share > 0);
    return { works, code: works ? undefined : "OTHER_ENDPOINT_GROUP", blockedBy: works ? undefined : selection.endpointGroupArn, leg: works ? undefined : "forward", components: selection.endpoints.map((e) => e.endpointId) };
  }
  const r = analysed(topology, flow);
  const components = [...r.forwardPathComponents, ...r.returnPathComponents].flatMap((c) => [c.component.id, ...(c.hop ? [c.hop] : [])]);
  const first = r.explanations[0];
  return { works: r.networkPathFound, code: first?.explanationCode, blockedBy: first?.component.id, leg: r.blockedOn, components };
}

function holds(claim: Claim, v: Verdict): boolean {
  if (claim.works) return v.works && claim.via.every((id) => v.components.includes(id));
  return !v.works && v.blockedBy === claim.blockedBy && (claim.leg === undefined || claim.leg === v.leg);
}

function applied(topology: Topology, patch: Operation[]): Topology {
  const document: unknown = jsonPatch.applyPatch(structuredClone(topology), patch, true, true).newDocument;
  const parsed = parseTopology(document);
  if (!parsed.ok) throw new Error(`the change does not give a valid topology: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return parsed.topology;
}

/** Which options the evaluator, asked afresh, says are right. */
export function keyFromEvaluator(question: GeneratedQuestion): { correct: string[]; problems: string[] } {
  const q = question.public;
  const problems: string[] = [];
  const topology = q.topology;
  const asked = q.flows[0]?.flow;
  const correct: string[] = [];
  const right = (o: PublicOption, isRight: boolean) => {
    if (isRight) correct.push(o.id);
  };
  switch (q.kind) {
    case "can-reach":
    case "first-block": {
      if (!asked) return { correct, problems: ["no asked flow"] };
      const v = verdictOf(topology, asked);
      if (q.kind === "first-block" && v.works) problems.push("a first-block question whose flow works");
      for (const o of q.options) {
        if (o.kind !== "claim") problems.push(`option ${o.id} is a ${o.kind}, not a claim`);
        else right(o, holds(o.claim, v));
      }
      break;
    }
    case "choose-two":
      for (const o of q.options) {
        if (o.kind !== "flow") problems.push(`option ${o.id} is a ${o.kind}, not a flow`);
        else right(o, verdictOf(topology, o.flow).works);
      }
      break;
    case "single-change": {
      if (!asked) return { correct, problems: ["no asked flow"] };
      if (verdictOf(topology, asked).works) problems.push("the flow already works before any change");
      for (const k of q.keep) if (verdictOf(topology, k.flow).works !== k.mustWork) problems.push(`listed flow "${k.label}" does not do what the stem says before any change`);
      for (const o of q.options) {
        if (o.kind !== "change") {
          problems.push(`option ${o.id} is a ${o.kind}, not a change`);
          continue;
        }
        const changed = applied(topology, o.change.patch as Operation[]);
        right(o, verdictOf(changed, asked).works && q.keep.every((k) => verdictOf(changed, k.flow).works === k.mustWork));
      }
      break;
    }
    case "flow-log-record": {
      if (!asked || asked.kind !== "packet" || !q.capture) return { correct, problems: ["a flow-log question needs a packet flow and a capture"] };
      const { capture } = q;
      const lines = new Set(
        flowLogRecords(topology, analysed(topology, asked), { start: capture.start, end: capture.end, packets: capture.packets, bytes: capture.bytes })
          .filter((r) => r.flowLogId === capture.flowLogId)
          .map((r) => r.line),
      );
      for (const o of q.options) {
        if (o.kind !== "record") problems.push(`option ${o.id} is a ${o.kind}, not a record`);
        else right(o, lines.has(o.record));
      }
      break;
    }
    default:
      problems.push(`unknown kind ${String(q.kind satisfies never)}`);
  }
  return { correct, problems };
}

/** Everything a generated question must satisfy, checked from the outside. */
export function checkQuestion(question: GeneratedQuestion, teaches: readonly OutcomeCode[]): string[] {
  const q = question.public;
  const problems: string[] = [];
  const { correct, problems: keyProblems } = keyFromEvaluator(question);
  problems.push(...keyProblems);
  const expected = q.kind === "choose-two" ? 2 : 1;
  if (correct.length !== expected) problems.push(`the evaluator finds ${correct.length} right options (${correct.join(", ")}), expected ${expected}`);
  if ([...correct].sort().join() !== [...question.answer.correctOptionIds].sort().join()) problems.push(`the generator's key ${question.answer.correctOptionIds.join(", ")} differs from the evaluator's ${correct.join(", ")}`);
  if (q.choose !== expected || q.response !== (expected === 2 ? "multiple" : "single")) problems.push("choose/response do not match the kind");
  if (q.options.length !== (q.kind === "choose-two" ? 5 : 4)) problems.push(`${q.options.length} options`);

  const texts = q.options.map((o) => o.text.trim().toLowerCase());
  if (new Set(texts).size !== texts.length) problems.push("two options have the same text");
  const payloads = q.options.map((o) => JSON.stringify(o.kind === "claim" ? o.claim : o.kind === "change" ? o.change : o.kind === "flow" ? o.flow : o.record));
  if (new Set(payloads).size !== payloads.length) problems.push("two options are the same claim, change, flow or record");
  const ids = q.options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) problems.push("two options share an id");

  // Every option is explained, right ones and wrong ones, with the evaluator's evidence.
  for (const o of q.options) {
    const verdict = question.answer.options.find((v) => v.optionId === o.id);
    if (!verdict) problems.push(`option ${o.id} has no explanation`);
    else if (verdict.explanation.length < 30 || verdict.evidence.length === 0) problems.push(`option ${o.id} is explained too thinly`);
    else if (!verdict.correct && !/\([A-Z_]{6,}\)|never crosses|writes no such record|Nothing blocks this flow|breaks a listed flow/.test(verdict.explanation)) problems.push(`option ${o.id}'s explanation gives no reason from the evaluator`);
  }

  // A blocked asked flow must be blocked by the rule the template teaches.
  const asked = q.kind === "choose-two" ? q.options.flatMap((o) => (o.kind === "flow" ? [o.flow] : [])) : q.flows.map((f) => f.flow);
  for (const flow of asked) {
    const v = verdictOf(q.topology, flow);
    if (!v.works && (v.code === undefined || !teaches.includes(v.code))) problems.push(`a flow the question turns on is blocked by ${v.code} at ${v.blockedBy}, which the template does not teach`);
  }

  // The public part must not give the key away.
  const published = JSON.stringify(q);
  if (/"correct"|"correctOptionIds"|"explanation"|"evidence"/.test(published)) problems.push("the public part carries answer fields");
  return problems;
}
