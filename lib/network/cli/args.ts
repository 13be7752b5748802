import { parseArgs } from "node:util";
import ipaddr from "ipaddr.js";
import { z } from "zod";

/**
 * Command-line arguments of `npm run reachability`, with the flag names of
 * `aws ec2 create-network-insights-path` (`--source`, `--destination`,
 * `--protocol`, `--destination-port`, `--source-ip`, `--destination-ip`).
 */

export const usage = `Usage:
  npm run --silent reachability -- analyze --snapshot PATH --source ID [--destination ID]
      [--protocol tcp|udp|icmp|all|-1|N] [--destination-port N] [--source-ip IP] [--destination-ip IP]
      [--format json|text]
  npm run --silent reachability -- matrix --snapshot PATH [--protocol tcp|udp|icmp|all|-1|N] [--destination-port N]

PATH is a folder (searched recursively) or one file of unmodified "aws ec2 describe-*" JSON outputs.
Sources and destinations are ids of instances, network interfaces, internet gateways, VPC endpoints,
VPN gateways, transit gateways, peering connections, NAT gateways, subnets, VPCs or load balancer ARNs;
--source internet (with --source-ip) is a host on the internet entering through the internet gateway;
--destination may be left out when --destination-ip names the address.
--protocol takes a name, "all" or AWS's spelling of all protocols, -1, or an IP protocol number (0-255).
Exit status: 0 when the analysis ran (whatever it found), 2 for bad input.`;

export class UsageError extends Error {}

/** Names AWS and IANA give the protocols the evaluator knows by name. */
const protocolNames: Record<string, Protocol> = { tcp: "tcp", "6": "tcp", udp: "udp", "17": "udp", icmp: "icmp", "1": "icmp", all: "all", "-1": "all" };

/**
 * A protocol as security group and network ACL rules write it: a name, "-1"
 * (AWS's "all protocols", e.g. `IpProtocol: "-1"`) or an IANA protocol number.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
export type Protocol = "tcp" | "udp" | "icmp" | "all" | `${number}`;

const protocolSchema = z
  .string()
  .transform((text, ctx): Protocol => {
    const lower = text.trim().toLowerCase();
    const named = protocolNames[lower];
    if (named) return named;
    if (/^[0-9]{1,3}$/.test(lower) && Number(lower) <= 255) return `${Number(lower)}`;
    ctx.addIssue({ code: "custom", message: "--protocol must be tcp, udp, icmp, all, -1 or an IP protocol number from 0 to 255" });
    return z.NEVER;
  });

function portFlag(flag: string) {
  return z
    .string()
    .regex(/^[0-9]+$/, { message: `${flag} must be a port number from 0 to 65535` })
    .transform(Number)
    .refine((n) => n <= 65535, { message: `${flag} must be a port number from 0 to 65535` });
}

// IPv6 is well-formed input; whether a path can carry it is for the evaluator to say.
function ipFlag(flag: string) {
  return z
    .string()
    .refine((s) => ipaddr.IPv4.isValidFourPartDecimal(s) || ipaddr.IPv6.isValid(s), { message: `${flag} must be an IP address like 10.0.1.25` });
}

const analyzeSchema = z
  .object({
    snapshot: z.string({ error: () => "--snapshot PATH is required" }).min(1, { message: "--snapshot PATH is required" }),
    source: z.string({ error: () => "--source ID is required" }).min(1, { message: "--source ID is required" }),
    destination: z.string().min(1).optional(),
    protocol: protocolSchema.default("tcp"),
    "destination-port": portFlag("--destination-port").optional(),
    "source-ip": ipFlag("--source-ip").optional(),
    "destination-ip": ipFlag("--destination-ip").optional(),
    format: z.enum(["json", "text"], { error: () => "--format must be json or text" }).default("text"),
  })
  .refine((a) => a.destination !== undefined || a["destination-ip"] !== undefined, {
    message: "--destination ID (or --destination-ip IP) is required",
  })
  .refine((a) => a["destination-port"] === undefined || a.protocol === "tcp" || a.protocol === "udp", {
    message: "--destination-port applies only to --protocol tcp or udp",
  });

const matrixSchema = z
  .object({
    snapshot: z.string({ error: () => "--snapshot PATH is required" }).min(1, { message: "--snapshot PATH is required" }),
    protocol: protocolSchema.default("tcp"),
    "destination-port": portFlag("--destination-port").optional(),
  })
  .refine((a) => a["destination-port"] === undefined || a.protocol === "tcp" || a.protocol === "udp", {
    message: "--destination-port applies only to --protocol tcp or udp",
  });

export type AnalyzeArgs = {
  command: "analyze";
  snapshot: string;
  source: string;
  destination?: string;
  protocol: Protocol;
  destinationPort?: number;
  sourceIp?: string;
  destinationIp?: string;
  format: "json" | "text";
};

export type MatrixArgs = {
  command: "matrix";
  snapshot: string;
  protocol: Protocol;
  destinationPort?: number;
};

export type CliArgs = AnalyzeArgs | MatrixArgs | { command: "help" };

const flagOptions = {
  snapshot: { type: "string" },
  source: { type: "string" },
  destination: { type: "string" },
  protocol: { type: "string" },
  "destination-port": { type: "string" },
  "source-ip": { type: "string" },
  "destination-ip": { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid arguments";
}

/**
 * `--protocol -1` as AWS writes it: node's parseArgs reads a value that starts
 * with a dash as a missing value, so a negative number after a flag that takes
 * a value is joined to it (`--protocol=-1`).
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name && name in flagOptions && flagOptions[name as keyof typeof flagOptions].type === "string" && next !== undefined && /^-[0-9]+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** Parse argv (without `node` and the script); throws UsageError with a one-line message. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options: flagOptions, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages ("Unknown option '--sorce'…") are clear; keep the first sentence.
    const message = error instanceof Error ? error.message.split(". ")[0] ?? error.message : String(error);
    throw new UsageError(message);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === "help" || command === undefined) {
    if (command === undefined && !values.help) throw new UsageError("missing command: analyze or matrix");
    return { command: "help" };
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);

  if (command === "analyze") {
    const result = analyzeSchema.safeParse(values);
    if (!result.success) throw new UsageError(firstIssue(result.error));
    const a = result.data;
    return {
      command,
      snapshot: a.snapshot,
      source: a.source,
      ...(a.destination !== undefined ? { destination: a.destination } : {}),
      protocol: a.protocol,
      ...(a["destination-port"] !== undefined ? { destinationPort: a["destination-port"] } : {}),
      ...(a["source-ip"] !== undefined ? { sourceIp: a["source-ip"] } : {}),
      ...(a["destination-ip"] !== undefined ? { destinationIp: a["destination-ip"] } : {}),
      format: a.format,
    };
  }
  if (command === "matrix") {
    const extra = (["source", "destination", "source-ip", "destination-ip", "format"] as const).find((f) => values[f] !== undefined);
    if (extra) throw new UsageError(`--${extra} does not apply to matrix`);
    const result = matrixSchema.safeParse(values);
    if (!result.success) throw new UsageError(firstIssue(result.error));
    const m = result.data;
    return {
      command,
      snapshot: m.snapshot,
      protocol: m.protocol,
      ...(m["destination-port"] !== undefined ? { destinationPort: m["destination-port"] } : {}),
    };
  }
  throw new UsageError(`unknown command "${command}": use analyze or matrix`);
}
