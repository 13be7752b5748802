import type { Rng } from "./prng";

/**
 * What templates vary with the seed: names, address ranges, ports, Regions. Everything here is
 * plausible AWS configuration, so a learner reads a believable network every time.
 */

export const APP_NAMES = ["shop", "billing", "ledger", "orders", "payroll", "search", "media", "crm", "stock", "claims", "booking", "metrics"] as const;

/** A readable AWS-shaped id: `sg-web-4c1d`. */
export function resourceId(rng: Rng, prefix: string, role: string): string {
  return `${prefix}-${role}-${rng.hex(4)}`;
}

/** n distinct /16 blocks in 10.0.0.0/8, as `10.X.0.0/16`. */
export function vpcBlocks(rng: Rng, n: number): string[] {
  return rng.pickMany(Array.from({ length: 240 }, (_, i) => i + 1), n).map((x) => `10.${x}.0.0/16`);
}

/** The second octet of a `10.X.0.0/16` block. */
function octet(block: string): number {
  const x = Number(block.split(".")[1]);
  if (!block.startsWith("10.") || !Number.isInteger(x)) throw new Error(`expected a 10.X.0.0/16 block, got ${block}`);
  return x;
}

/** A /24 inside a `10.X.0.0/16` block: `10.X.third.0/24`. */
export function subnetBlock(vpcBlock: string, third: number): string {
  return `10.${octet(vpcBlock)}.${third}.0/24`;
}

/** n distinct third octets for /24 subnets. */
export function subnetThirds(rng: Rng, n: number): number[] {
  return rng.pickMany(Array.from({ length: 250 }, (_, i) => i + 1), n);
}

/** A host address in a /24 (`10.X.Y.0/24`), avoiding the five addresses AWS reserves. */
export function hostIn(subnet: string, host: number): string {
  if (host < 4 || host > 254) throw new Error(`host ${host} is reserved or outside a /24`);
  const [a, b, c] = subnet.split(".");
  return `${a}.${b}.${c}.${host}`;
}

/** n distinct usable host numbers for a /24. */
export function hosts(rng: Rng, n: number): number[] {
  return rng.pickMany(Array.from({ length: 240 }, (_, i) => i + 10), n);
}

/** An internet host, from the documentation ranges (RFC 5737), which the evaluator treats as the internet. */
export function internetAddress(rng: Rng): string {
  return `${rng.pick(["198.51.100", "203.0.113", "192.0.2"])}.${rng.int(10, 250)}`;
}

/** A public IPv4 address in ranges EC2 hands out. */
export function publicAddress(rng: Rng): string {
  return `${rng.pick([3, 18, 34, 44, 52, 54])}.${rng.int(16, 250)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/**
 * A client's ephemeral source port. The client chooses it: many Linux kernels from 32768–61000,
 * Windows Server 2008 and later from 49152–65535.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
 */
export function ephemeralPort(rng: Rng, os: "linux" | "windows"): number {
  return os === "linux" ? rng.int(32768, 61000) : rng.int(49152, 65535);
}

export type Service = { name: string; port: number };
export const WEB_SERVICES: readonly Service[] = [
  { name: "HTTPS", port: 443 },
  { name: "HTTP", port: 80 },
  { name: "HTTPS (alternate port)", port: 8443 },
];
export const DATABASE_SERVICES: readonly Service[] = [
  { name: "PostgreSQL", port: 5432 },
  { name: "MySQL", port: 3306 },
  { name: "Microsoft SQL Server", port: 1433 },
  { name: "Redis", port: 6379 },
  { name: "MongoDB", port: 27017 },
];
export const APP_SERVICES: readonly Service[] = [
  { name: "the API", port: 8080 },
  { name: "the gRPC service", port: 50051 },
  { name: "the internal API", port: 9000 },
  { name: "the application", port: 8000 },
];

export const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1", "ca-central-1"] as const;

/** A 12-digit account id. */
export function accountId(rng: Rng): string {
  return Array.from({ length: 12 }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9))).join("");
}
