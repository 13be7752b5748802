import ipaddr from "ipaddr.js";

/**
 * IPv4 helpers on unsigned 32-bit numbers, kept for callers outside the
 * evaluator (lab grading compares CIDR blocks with them). The evaluator
 * itself works on `ip.ts`, which handles IPv4 and IPv6.
 */

export interface Prefix {
  /** Network address, unsigned 32-bit. */
  network: number;
  length: number;
}

export function parseIpv4(text: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  const bytes = ipaddr.IPv4.parse(text).octets;
  return (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
}

export function formatIpv4(ip: number): string {
  return [(ip >>> 24) & 255, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join(".");
}

/** Parse an IPv4 CIDR block; IPv6 blocks and garbage give `undefined`. */
export function parseIpv4Cidr(text: string): Prefix | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIpv4(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (ip === undefined || !/^[0-9]{1,2}$/.test(lengthText)) return undefined;
  const length = Number(lengthText);
  if (length > 32) return undefined;
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return { network: (ip & mask) >>> 0, length };
}
