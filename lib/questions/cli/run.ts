import { formatBankIssue, readQuestionBank } from "../bank";
import { bankStats } from "../stats";

export type Io = { out(text: string): void; err(text: string): void };

const USAGE = `Usage: npm run --silent questions -- <command>

Commands:
  stats [--json]   the bank's size by ANS-C01 domain, response kind and lesson
  validate         check every file in content/questions/ (exit 1 and list the problems when one is broken)
`;

/** The question bank's command line; returns the exit code (0 ok, 1 invalid bank, 2 bad usage). */
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
