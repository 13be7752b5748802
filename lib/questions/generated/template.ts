import type { Topology, TopologyInput } from "@/lib/network";
import { DIFFICULTIES, type Difficulty } from "../bank-schema";
import { TASK_STATEMENTS, domainOfTask, type DomainId, type TaskStatementId } from "../exam-guide";
import type { Rng } from "./prng";
import type { Claim, Flow, FlowLogCapture, FlowOutcome, KeptFlow, LabeledFlow, OutcomeCode, PatchOperation, QuestionKind } from "./types";

/**
 * The small API templates are written with (content/question-templates/*.ts). A template
 * builds one topology variant from a random source and proposes options; it never says
 * which option is right: the engine (generate.ts) asks the evaluator, and rejects variants
 * that come out trivial or ambiguous.
 */

/** A change, resolved against the parsed topology (so array positions are the real ones). */
export type ChangeSpec = (topology: Topology) => PatchOperation[];

/** Every option may carry a teaching note, added after the evaluator's explanation. */
type Noted = { text: string; note?: string };
export type ClaimDraft = Noted & { claim: Claim };
export type ChangeDraft = Noted & { change: ChangeSpec };
export type FlowDraft = Noted & { flow: Flow };
export type RecordDraft = Noted & { record: string };
/** One of the records the evaluator writes for the asked flow, as a template sees it to build options. */
export type RecordSeen = { line: string; fields: string[]; path: "forward" | "return"; direction: "ingress" | "egress"; action: "ACCEPT" | "REJECT"; networkInterfaceId: string };

type DraftBase = {
  topology: TopologyInput;
  /** The situation and the precise ask, in exam style. */
  stem: string;
  /** The configuration the learner needs, one line per resource (see describe.ts). */
  facts: (topology: Topology) => string[];
  /** Overrides the template's difficulty for a harder or easier variant. */
  difficulty?: Difficulty;
};

export type CanReachDraft = DraftBase & {
  kind: "can-reach";
  flow: LabeledFlow;
  /** Four claims about the flow; exactly one must match the evaluator. */
  options: ClaimDraft[];
  /** A change to the rule the template teaches: it must change which claim is right, or the question does not test that rule. */
  pivot: ChangeSpec;
};

export type FirstBlockDraft = DraftBase & {
  kind: "first-block";
  flow: LabeledFlow;
  /** Four suspects (`works: false` claims); exactly one must be where the evaluator stops the flow. */
  options: ClaimDraft[];
  /** Fixes for the misconfigurations the variant holds, in path order: they let explanations say what would block next. */
  repairs?: { text: string; change: ChangeSpec }[];
};

export type SingleChangeDraft = DraftBase & {
  kind: "single-change";
  flow: LabeledFlow;
  /** Flows the change must not break, with what they do now (checked against the evaluator). */
  keep: KeptFlow[];
  /** Four changes; exactly one must make the flow work and keep every listed flow as it is. */
  options: ChangeDraft[];
};

export type ChooseTwoDraft = DraftBase & {
  kind: "choose-two";
  /** Five flows; exactly two must be allowed. */
  options: FlowDraft[];
};

export type FlowLogDraft = DraftBase & {
  kind: "flow-log-record";
  flow: LabeledFlow & { flow: Extract<Flow, { kind: "packet" }> };
  capture: FlowLogCapture;
  /** Four record lines built from the evaluator's records; exactly one must be among them. */
  options: (records: RecordSeen[]) => RecordDraft[];
};

export type TemplateDraft = CanReachDraft | FirstBlockDraft | SingleChangeDraft | ChooseTwoDraft | FlowLogDraft;
export type DraftOf<K extends QuestionKind> = Extract<TemplateDraft, { kind: K }>;

export type QuestionTemplate<K extends QuestionKind = QuestionKind> = {
  /** Stable, kebab-case; part of every question's address. */
  id: string;
  title: string;
  kind: K;
  /** A lesson slug (content/lessons/NN-<slug>.mdx) and one of its `##`/`###` heading ids. */
  lesson: string;
  section: string;
  domain: DomainId;
  task: TaskStatementId;
  difficulty: Difficulty;
  docs: readonly string[];
  /** The rule the template teaches, as the evaluator reports it: a blocked flow the question turns on must end with one of these codes. */
  teaches: readonly OutcomeCode[];
  build(rng: Rng): DraftOf<K>;
};

/** Any template, whatever it asks. */
export type AnyQuestionTemplate = { [K in QuestionKind]: QuestionTemplate<K> }[QuestionKind];

export type TemplateSpec<K extends QuestionKind> = Omit<QuestionTemplate<K>, "domain"> & { domain?: DomainId };

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const AWS_DOCS = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//;

/** Checks a template's description once, at import time, so a broken template fails loudly and early. */
export function defineTemplate<K extends QuestionKind>(spec: TemplateSpec<K>): QuestionTemplate<K> {
  const problems: string[] = [];
  if (!KEBAB.test(spec.id)) problems.push("id must be kebab-case");
  if (!KEBAB.test(spec.lesson)) problems.push("lesson must be a lesson slug");
  if (!KEBAB.test(spec.section)) problems.push("section must be a heading id");
  if (!(spec.task in TASK_STATEMENTS)) problems.push(`task ${spec.task} is not an ANS-C01 task statement`);
  const domain = domainOfTask(spec.task);
  if (spec.domain !== undefined && spec.domain !== domain) problems.push(`task ${spec.task} belongs to domain ${domain}, not ${spec.domain}`);
  if (!DIFFICULTIES.includes(spec.difficulty)) problems.push(`difficulty must be one of ${DIFFICULTIES.join(", ")}`);
  if (spec.docs.length === 0 || spec.docs.some((u) => !AWS_DOCS.test(u))) problems.push("docs must list AWS documentation pages (https://docs.aws.amazon.com/…)");
  if (spec.teaches.length === 0) problems.push("teaches must name at least one outcome code");
  if (problems.length > 0) throw new Error(`question template "${spec.id}": ${problems.join("; ")}`);
  return Object.freeze({ ...spec, domain });
}

/** Whether a blocked outcome turns on the template's rule. */
export function isTaught(template: Pick<QuestionTemplate, "teaches">, outcome: FlowOutcome): boolean {
  return outcome.code !== undefined && template.teaches.includes(outcome.code);
}

/**
 * A place on a path a first-block question can break: what the option calls it, the claim
 * that it stops the flow, whether this variant misconfigures it, and the change that fixes it.
 */
export type Checkpoint = { text: string; claim: Extract<Claim, { works: false }>; broken: boolean; repair: { text: string; change: ChangeSpec }; note?: string };

/**
 * Options and repairs of a first-block question from the checkpoints of a path (in path
 * order): every broken checkpoint is offered (they are the tempting answers), then intact ones
 * until there are four. Which broken one the packet meets first is the evaluator's to say.
 */
export function checkpointOptions(rng: Rng, checkpoints: Checkpoint[]): { options: ClaimDraft[]; repairs: { text: string; change: ChangeSpec }[] } {
  const broken = checkpoints.filter((c) => c.broken);
  if (broken.length === 0 || broken.length > 4) throw new Error(`a first-block variant breaks 1 to 4 checkpoints, not ${broken.length}`);
  const intact = rng.pickMany(checkpoints.filter((c) => !c.broken), 4 - broken.length);
  return {
    options: [...broken, ...intact].map((c) => ({ text: c.text, claim: c.claim, ...(c.note ? { note: c.note } : {}) })),
    repairs: broken.map((c) => c.repair),
  };
}
