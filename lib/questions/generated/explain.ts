import { claimHolds } from "./evaluate";
import { FLOW_LOG_FIELDS } from "./flow-log-fields";
import type { RecordSeen } from "./template";
import type { AcceleratorOutcomeCode, Claim, FlowOutcome, KeptFlow } from "./types";

/**
 * Every option's explanation, written from what the evaluator found: the hop-by-hop path, or
 * the code, the resource and the evaluator's own sentence for the block. A template's note,
 * when there is one, follows as the teaching remark.
 */

export type Repair = { text: string; outcome: FlowOutcome };

const LEG = { forward: "request", return: "reply" } as const;
const ACCELERATOR_CODES = new Set<string>(["UNKNOWN_ACCELERATOR", "ACCELERATOR_DISABLED", "NO_LISTENER", "NO_ENDPOINT", "OTHER_ENDPOINT_GROUP"] satisfies AcceleratorOutcomeCode[]);
/** Components whose notes say where a packet was sent and why. */
const ROUTING = new Set(["route-table", "vpn-connection", "direct-connect-virtual-interface", "transit-gateway", "endpoint-group"]);

function withNote(text: string, note: string | undefined): string {
  return note ? `${text} ${note}` : text;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** "The reply is stopped at acl-web (SUBNET_ACL_RESTRICTION): <the evaluator's message>." */
export function blockSentence(outcome: FlowOutcome): string {
  if (outcome.code !== undefined && ACCELERATOR_CODES.has(outcome.code)) return `Global Accelerator does not send the connection there (${outcome.code}): ${sentence(outcome.message)}`;
  return `The ${LEG[outcome.leg ?? "forward"]} is stopped at ${outcome.blockedBy} (${outcome.code}): ${sentence(outcome.message)}`;
}

/** For a flow that works, the evaluator's path ("The request follows … and the reply …") or the accelerator's choice. */
function works(outcome: FlowOutcome): string {
  return outcome.message;
}

function noteOf(outcome: FlowOutcome, id: string, leg?: "forward" | "return"): string | undefined {
  return outcome.steps.find((s) => s.id === id && (leg === undefined || s.leg === leg))?.note;
}

function summary(outcome: FlowOutcome): string {
  return outcome.works ? works(outcome) : blockSentence(outcome);
}

/** A claim ("it works via X", "X blocks it first") against the evaluator's outcome. */
export function explainClaim(claim: Claim, outcome: FlowOutcome, note?: string, repairs: Repair[] = []): string {
  if (claimHolds(claim, outcome)) return withNote(`Correct. ${summary(outcome)}`, note);
  if (claim.works) {
    if (!outcome.works) return withNote(`No: the flow does not get through. ${blockSentence(outcome)}`, note);
    const missing = claim.via.filter((id) => !outcome.steps.some((s) => s.id === id) && !outcome.hops.includes(id));
    const decisions = outcome.steps.filter((s) => s.leg === "forward" && ROUTING.has(s.type)).map((s) => sentence(s.note));
    return withNote(`It does get through, but not that way: it never crosses ${missing.join(", ")}. ${[...decisions, works(outcome)].join(" ")}`, note);
  }
  const suspect = claim.blockedBy;
  if (outcome.works) {
    const passed = noteOf(outcome, suspect, claim.leg);
    return withNote(`Nothing blocks this flow. ${works(outcome)}${passed ? ` At ${suspect}: ${passed}` : ""}`, note);
  }
  // What the suspect would do once the earlier blocks are repaired (first-block questions).
  const at = repairs.findIndex((r) => !r.outcome.works && r.outcome.blockedBy === suspect && (claim.leg === undefined || r.outcome.leg === claim.leg));
  const later = repairs[at];
  const fixed = repairs.slice(0, at + 1).map((r) => r.text).join("; ");
  const next = later ? ` Once the earlier ${at === 0 ? "block is" : "blocks are"} fixed (${fixed}), ${suspect} would stop it too (${later.outcome.code}): ${sentence(later.outcome.message)}` : "";
  if (outcome.blockedBy === suspect) {
    return withNote(`${suspect} does stop this flow, but on the ${LEG[outcome.leg ?? "forward"]}, not on the ${LEG[claim.leg ?? "forward"]}. ${blockSentence(outcome)}${next}`, note);
  }
  const passed = noteOf(outcome, suspect, claim.leg);
  if (passed) return withNote(`${suspect} lets it through: ${passed} ${blockSentence(outcome)}`, note);
  return withNote(`The ${LEG[claim.leg ?? "forward"]} never gets that far. ${blockSentence(outcome)}${next}`, note);
}

/** A proposed change: does the flow work afterwards, and does every listed flow keep its verdict? */
export function explainChange(before: FlowOutcome, after: FlowOutcome, kept: { kept: KeptFlow; outcome: FlowOutcome }[], note?: string): string {
  const broken = kept.filter((k) => k.outcome.works !== k.kept.mustWork);
  if (!after.works) {
    const same = after.blockedBy === before.blockedBy && after.code === before.code && after.leg === before.leg;
    return withNote(`Not enough: after this change the flow is still blocked${same ? " at the same place" : ""}. ${blockSentence(after)}`, note);
  }
  if (broken.length > 0) {
    const first = broken[0] as { kept: KeptFlow; outcome: FlowOutcome };
    return withNote(`It makes the flow work, but it breaks a listed flow: "${first.kept.label}" must ${first.kept.mustWork ? "keep working" : "stay blocked"}, and ${first.outcome.works ? "now it gets through." : `now it is blocked. ${blockSentence(first.outcome)}`}`, note);
  }
  const keeps = kept.length > 0 ? ` Every listed flow keeps its verdict: ${kept.map((k) => `"${k.kept.label}" ${k.kept.mustWork ? "still works" : "stays blocked"}`).join("; ")}.` : "";
  return withNote(`Correct. After this change the flow works. ${works(after)}${keeps}`, note);
}

/** A flow offered in a "choose two" question. */
export function explainFlow(outcome: FlowOutcome, note?: string): string {
  return withNote(outcome.works ? `Allowed. ${works(outcome)}` : `Not allowed. ${blockSentence(outcome)}`, note);
}


function describeRecord(r: RecordSeen): string {
  return `the ${LEG[r.path]} ${r.direction === "ingress" ? "entering" : "leaving"} ${r.networkInterfaceId} (${r.action})`;
}

/** A flow-log line: one the flow log writes for this flow, or which fields differ from the closest one it writes. */
export function explainRecord(line: string, records: RecordSeen[], flowLogId: string, outcome: FlowOutcome, note?: string): string {
  const match = records.find((r) => r.line === line);
  if (match) return withNote(`Correct. ${flowLogId} writes this record for ${describeRecord(match)}. ${summary(outcome)}`, note);
  const fields = line.split(" ");
  const diffs = (r: RecordSeen) => FLOW_LOG_FIELDS.map((name, i) => ({ name, mine: fields[i], theirs: r.fields[i] })).filter((d) => d.mine !== d.theirs);
  const closest = [...records].sort((a, b) => diffs(a).length - diffs(b).length)[0] as RecordSeen;
  const differences = diffs(closest).map((d) => `${d.name} is ${d.mine ?? "missing"} where the evaluator writes ${d.theirs ?? "nothing"}`).join(", ");
  return withNote(`${flowLogId} writes no such record. The closest one it writes is "${closest.line}", for ${describeRecord(closest)}; here ${differences}. ${summary(outcome)}`, note);
}
