import type { ExplanationCode, Topology } from "@/lib/network";
import type { Difficulty, ResponseKind } from "../bank-schema";
import type { DomainId, TaskStatementId } from "../exam-guide";

/**
 * The shapes of a generated question. A question is addressed by (template id, seed) and comes
 * in two parts: `public`, everything a learner may see before answering (safe to send to the
 * browser), and `answer`, the key and every option's explanation, computed by the evaluator.
 */

/** What a template asks. */
export const QUESTION_KINDS = ["can-reach", "first-block", "single-change", "choose-two", "flow-log-record"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_ASKS: Record<QuestionKind, string> = {
  "can-reach": "Can A reach B on this port?",
  "first-block": "Which hop blocks it first?",
  "single-change": "Which single change makes this flow work (and breaks nothing listed)?",
  "choose-two": "Which of these flows are allowed? (Choose two.)",
  "flow-log-record": "Which flow-log record will you see?",
};

/** One packet (and its reply) for `analyze`: the fields of its query the question fixes. */
export type PacketFlow = {
  kind: "packet";
  source: string;
  destination?: string;
  sourceIp?: string;
  destinationIp?: string;
  protocol: "tcp" | "udp" | "icmp";
  destinationPort?: number;
  sourcePort?: number;
};

/** A client connecting to a Global Accelerator listener; it "works" when the accelerator sends it to `endpointId`. */
export type AcceleratorFlow = {
  kind: "accelerator";
  acceleratorArn: string;
  protocol: "TCP" | "UDP";
  port: number;
  clientRegion: string;
  endpointId: string;
};

export type Flow = PacketFlow | AcceleratorFlow;
export type LabeledFlow = { label: string; flow: Flow };
/** A flow a "single change" must not break: it must keep working, or stay blocked. */
export type KeptFlow = LabeledFlow & { mustWork: boolean };

/** One RFC 6902 operation on the question's topology (as `public.topology` holds it). */
export type PatchOperation = { op: "add" | "replace"; path: string; value: unknown } | { op: "remove"; path: string };
export type Change = { patch: PatchOperation[] };

/**
 * What an option of a "can reach" or "first block" question claims about the asked flow:
 * it works (crossing every component in `via`), or the first thing that stops it is `blockedBy`
 * (on the request or on the reply, when `leg` says).
 */
export type Claim = { works: true; via: string[] } | { works: false; blockedBy: string; leg?: "forward" | "return" };

type OptionBase = { id: string; text: string };
export type PublicOption =
  | (OptionBase & { kind: "claim"; claim: Claim })
  | (OptionBase & { kind: "change"; change: Change })
  | (OptionBase & { kind: "flow"; flow: Flow })
  | (OptionBase & { kind: "record"; record: string });

/** Capture details of a flow-log question: which flow log, and the record fields the question fixes. */
export type FlowLogCapture = { flowLogId: string; start: number; end: number; packets: number; bytes: number };

export type PublicGeneratedQuestion = {
  /** `<template id>/<seed>`: the address that regenerates this question. */
  id: string;
  templateId: string;
  seed: number;
  kind: QuestionKind;
  response: ResponseKind;
  /** How many options to choose. */
  choose: 1 | 2;
  /** The lesson (content/lessons slug) and the `##`/`###` heading id the question practises. */
  lesson: string;
  section: string;
  domain: DomainId;
  task: TaskStatementId;
  difficulty: Difficulty;
  /** AWS documentation pages for the rules the question turns on. */
  docs: string[];
  stem: string;
  /** The configuration the learner needs, one line per resource. */
  facts: string[];
  /** The topology the question is asked on, for the diagram (`layoutTopology`) and for re-analysis. */
  topology: Topology;
  /** The flows the stem asks about. */
  flows: LabeledFlow[];
  /** For "single change" questions: the flows the change must not break. */
  keep: KeptFlow[];
  /** For flow-log questions. */
  capture?: FlowLogCapture;
  options: PublicOption[];
};

/** Codes a Global Accelerator flow can end with (besides the evaluator's explanation codes for packets). */
export type AcceleratorOutcomeCode = "UNKNOWN_ACCELERATOR" | "ACCELERATOR_DISABLED" | "NO_LISTENER" | "NO_ENDPOINT" | "OTHER_ENDPOINT_GROUP";
export type OutcomeCode = ExplanationCode | AcceleratorOutcomeCode;

/** One step of a path as the evaluator describes it (`type` is the component type, e.g. "route-table"). */
export type Step = { id: string; type: string; leg: "forward" | "return"; note: string };

/** What the evaluator says about one flow on one topology. */
export type FlowOutcome = {
  works: boolean;
  /** For a blocked flow: the code, the component that blocked it, on which leg and in which direction. */
  code?: OutcomeCode;
  blockedBy?: string;
  leg?: "forward" | "return";
  direction?: "ingress" | "egress";
  /** The evaluator's sentence: why it is blocked, or what carries it. */
  message: string;
  documentation?: string;
  /** The nodes a hop-by-hop trace names, for the request and the reply. */
  hops: string[];
  returnHops: string[];
  /** Every component the request and the reply crossed, with the evaluator's note. */
  steps: Step[];
};

export type Evidence = { label: string; outcome: FlowOutcome };

export type OptionVerdict = {
  optionId: string;
  correct: boolean;
  /** Why this option is right or wrong, in the evaluator's words (codes and resource ids included). */
  explanation: string;
  /** The evaluator's results the explanation rests on (the asked flow, after a change where there is one, and the listed flows). */
  evidence: Evidence[];
};

export type GeneratedAnswer = {
  correctOptionIds: string[];
  options: OptionVerdict[];
  /** The asked flows on the topology as given. */
  flows: Evidence[];
  /** For flow-log questions: every record the flow log holds for the asked flow. */
  records?: string[];
};

export type GeneratedQuestion = { public: PublicGeneratedQuestion; answer: GeneratedAnswer };
