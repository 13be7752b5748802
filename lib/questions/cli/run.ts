import { parseArgs } from "node:util";
import { formatBankIssue, readQuestionBank } from "../bank";
import { generate, listQuestionTemplates, type GeneratedQuestion, type TemplateSummary } from "../generated";
import { bankStats } from "../stats";

export type Io = { out(text: string): void; err(text: string): void };

const USAGE = `Usage: npm run --silent questions -- <command>

Commands:
  stats [--json]       the bank's size by ANS-C01 domain, response kind and lesson
  validate             check every file in content/questions/ (exit 1 and list the problems when one is broken)
  templates [--json]   the templates that generate questions from the reachability evaluator:
                       id, topic (a lesson slug), and what each asks
  generate --template ID --seed N [--json]
                       the question at (template, seed): stem, facts, options, the key, every
                       option's explanation; with --json also the topology it is asked on
                       (N is a whole number from 0 to ${Number.MAX_SAFE_INTEGER}; the same pair
                       always gives the same question)

Exit status: 0 on success, 1 when the bank is invalid or no question could be generated, 2 for bad usage.
`;

/** The question bank's command line; returns the exit code (0 ok, 1 invalid bank or no question, 2 bad usage). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "stats":
    case "validate": {
      const unknown = rest.filter((a) => a !== "--json" || command !== "stats");
      if (unknown.length > 0) {
        io.err(`Unknown argument for ${command}: ${unknown.join(" ")}\n${USAGE}`);
        return 2;
      }
      const { questions, issues } = await readQuestionBank();
      if (issues.length > 0) {
        io.err(`The question bank has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${issues.map(formatBankIssue).join("\n")}\n`);
        return 1;
      }
      const stats = bankStats(questions);
      if (command === "validate") io.out(`The question bank is valid: ${stats.total} questions.\n`);
      else if (rest.includes("--json")) io.out(`${JSON.stringify(stats)}\n`);
      else io.out(formatStats(stats));
      return 0;
    }
    case "templates":
      return templates(rest, io);
    case "generate":
      return generateCommand(rest, io);
    case undefined:
    case "help":
    case "--help":
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

/** One line on stderr, exit 2: what was wrong with the arguments, and where the usage is. */
function usageError(io: Io, message: string): number {
  io.err(`questions: ${message} (see: npm run --silent questions -- help)\n`);
  return 2;
}

function parse(args: readonly string[], options: Record<string, { type: "string" | "boolean" }>, io: Io): { values: Record<string, string | boolean | undefined> } | number {
  // "--seed -3" would read as an unknown flag: keep a dash-led value with its flag, so the seed check can name it.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const next = args[i + 1];
    if (arg.startsWith("--") && options[arg.slice(2)]?.type === "string" && next?.startsWith("-")) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  try {
    const { values } = parseArgs({ args: joined, options, allowPositionals: false, strict: true });
    return { values };
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message.split("\n")[0] ?? "bad arguments" : "bad arguments");
  }
}

function templates(args: readonly string[], io: Io): number {
  const parsed = parse(args, { json: { type: "boolean" } }, io);
  if (typeof parsed === "number") return parsed;
  const list = listQuestionTemplates();
  if (parsed.values.json) {
    io.out(`${JSON.stringify(list)}\n`);
    return 0;
  }
  io.out(formatTemplates(list));
  return 0;
}

function generateCommand(args: readonly string[], io: Io): number {
  const parsed = parse(args, { template: { type: "string" }, seed: { type: "string" }, json: { type: "boolean" } }, io);
  if (typeof parsed === "number") return parsed;
  const { template, seed, json } = parsed.values;
  if (typeof template !== "string" || template === "") return usageError(io, "--template ID is required; list the templates with: npm run --silent questions -- templates");
  if (typeof seed !== "string" || seed === "") return usageError(io, "--seed N is required");
  if (!/^[0-9]+$/.test(seed) || !Number.isSafeInteger(Number(seed))) return usageError(io, `--seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not "${seed}"`);
  const result = generate(template, Number(seed));
  if (!result.ok) {
    if (result.code === "NO_VARIANT") {
      io.err(`questions: ${result.error}\n`);
      return 1;
    }
    return usageError(io, result.error);
  }
  io.out(json ? `${JSON.stringify(result.question)}\n` : formatQuestion(result.question));
  return 0;
}

function formatTemplates(list: TemplateSummary[]): string {
  const width = Math.max(...list.map((t) => t.id.length));
  const kindWidth = Math.max(...list.map((t) => t.kind.length));
  const lines = list.map((t) => `${t.id.padEnd(width)}  ${t.kind.padEnd(kindWidth)}  ${t.topic}#${t.section}`);
  return `${list.length} templates (id, what it asks, lesson#section):\n${lines.join("\n")}\n`;
}

function formatQuestion(question: GeneratedQuestion): string {
  const q = question.public;
  const verdicts = new Map(question.answer.options.map((v) => [v.optionId, v]));
  const lines = [
    `${q.id} — ${q.kind}, ${q.response} response, ANS-C01 task ${q.task}, ${q.difficulty}; lesson ${q.lesson}#${q.section}`,
    "",
    q.stem,
    "",
    ...q.facts.map((f) => `  - ${f}`),
    "",
    ...q.options.map((o) => `  ${o.id}) ${o.text}`),
    "",
    `Key: ${question.answer.correctOptionIds.join(", ")}`,
    "",
    ...q.options.map((o) => `  ${o.id}) ${verdicts.get(o.id)?.correct ? "right" : "wrong"}: ${verdicts.get(o.id)?.explanation ?? ""}`),
    "",
    `Topology: ${count(q.topology.vpcs.length, "VPC")}, ${count(q.topology.subnets.length, "subnet")}, ${count(q.topology.instances.length, "instance")} (--json prints it in full).`,
  ];
  return `${lines.join("\n")}\n`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function formatStats(stats: ReturnType<typeof bankStats>): string {
  const pct = (n: number) => `${((100 * n) / Math.max(stats.total, 1)).toFixed(1)}%`;
  const lines = [
    `${stats.total} questions`,
    `by domain: ${Object.entries(stats.byDomain).map(([d, n]) => `${d}: ${n} (${pct(n)})`).join(", ")}`,
    `by response: single ${stats.byResponse.single}, multiple ${stats.byResponse.multiple} (${pct(stats.byResponse.multiple)})`,
    "by lesson:",
    ...Object.entries(stats.byLesson).map(([slug, n]) => `  ${slug}: ${n}`),
  ];
  return `${lines.join("\n")}\n`;
}
