import ipaddr from "ipaddr.js";

/**
 * Addresses as bigints, IPv4 and IPv6 in one number line: an IPv4 address is
 * its 32-bit value, an IPv6 address its 128-bit value plus 2^128, so the two
 * families never match each other's prefixes and one lookup table serves
 * both. Parsing and formatting go through ipaddr.js.
 */

export type Ip = bigint;

const V6 = 1n << 128n;
const ALL = (1n << 129n) - 1n;

export interface Cidr {
  /** Network address, with the IPv6 flag bit for IPv6 blocks. */
  network: Ip;
  length: number;
  v6: boolean;
}

export function isIpv6(ip: Ip): boolean {
  return ip >= V6;
}

export function parseIp(text: string): Ip | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    const b = ipaddr.IPv4.parse(text).octets;
    return BigInt((((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0);
  }
  if (text.includes(":") && ipaddr.IPv6.isValid(text)) {
    let value = 0n;
    for (const part of ipaddr.IPv6.parse(text).parts) value = (value << 16n) | BigInt(part);
    return V6 | value;
  }
  return undefined;
}

export function formatIp(ip: Ip): string {
  if (isIpv6(ip)) {
    const value = ip & (V6 - 1n);
    const parts: number[] = [];
    for (let i = 7; i >= 0; i -= 1) parts.push(Number((value >> BigInt(i * 16)) & 0xffffn));
    return new ipaddr.IPv6(parts).toString();
  }
  const n = Number(ip);
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function computeMask(length: number, v6: boolean): bigint {
  const width = v6 ? 128n : 32n;
  return ALL ^ ((1n << (width - BigInt(length))) - 1n);
}

// Every mask, computed once: masks are asked for on every rule and route a packet meets.
const masks4 = Array.from({ length: 33 }, (_, n) => computeMask(n, false));
const masks6 = Array.from({ length: 129 }, (_, n) => computeMask(n, true));

/** The mask of a prefix length; it keeps the family bits, so a prefix never matches the other family. */
export function maskOf(length: number, v6: boolean): bigint {
  return (v6 ? masks6[length] : masks4[length]) ?? computeMask(length, v6);
}

/**
 * Parsed CIDR blocks by their text: rules and routes are parsed again at each
 * evaluation, and ipaddr.js's parser is the hot spot of a long matrix. The
 * memo is bounded; a `Cidr` is never mutated.
 */
const parsedCidrs = new Map<string, Cidr | undefined>();
const MAX_PARSED_CIDRS = 100_000;

export function parseCidr(text: string): Cidr | undefined {
  if (parsedCidrs.has(text)) return parsedCidrs.get(text);
  const parsed = parseCidrText(text);
  if (parsedCidrs.size >= MAX_PARSED_CIDRS) parsedCidrs.clear();
  parsedCidrs.set(text, parsed);
  return parsed;
}

function parseCidrText(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (ip === undefined || !/^[0-9]{1,3}$/.test(lengthText)) return undefined;
  const v6 = isIpv6(ip);
  const length = Number(lengthText);
  if (length > (v6 ? 128 : 32)) return undefined;
  return { network: ip & maskOf(length, v6), length, v6 };
}

export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  return (ip & maskOf(cidr.length, cidr.v6)) === cidr.network;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.v6 !== b.v6) return false;
  return a.length <= b.length ? cidrContains(a, b.network) : cidrContains(b, a.network);
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.network)}/${cidr.length}`;
}

/** The address `offset` after the network address (`10.0.1.0/24`, 4 → `10.0.1.4`, the first address AWS lets a subnet use). */
export function addressInCidr(cidr: Cidr, offset: number): Ip {
  const width = cidr.v6 ? 128 : 32;
  const size = cidr.length === width ? 1n : 1n << BigInt(width - cidr.length);
  const step = BigInt(offset) < size ? BigInt(offset) : size - 1n;
  return cidr.network + step;
}

/**
 * A longest-prefix-match table: one hash map per prefix length and family,
 * looked up from the longest down, so a lookup costs at most a few dozen map
 * probes whatever the number of routes.
 */
export class AddressTable<T> {
  private readonly buckets = new Map<number, { mask: bigint; entries: Map<bigint, T[]> }>();
  private order: { mask: bigint; entries: Map<bigint, T[]>; length: number; v6: boolean }[] = [];

  add(cidr: Cidr, value: T): void {
    const key = cidr.v6 ? 200 + cidr.length : cidr.length;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { mask: maskOf(cidr.length, cidr.v6), entries: new Map() };
      this.buckets.set(key, bucket);
      this.order = [...this.buckets.entries()]
        .map(([k, b]) => ({ ...b, length: k >= 200 ? k - 200 : k, v6: k >= 200 }))
        .sort((a, b) => b.length - a.length);
    }
    const existing = bucket.entries.get(cidr.network);
    if (existing) existing.push(value);
    else bucket.entries.set(cidr.network, [value]);
  }

  /** All entries of the longest matching prefix (several when routes share a destination), or `undefined`. */
  lookup(ip: Ip): { cidr: Cidr; values: T[] } | undefined {
    const v6 = isIpv6(ip);
    for (const b of this.order) {
      if (b.v6 !== v6) continue;
      const network = ip & b.mask;
      const values = b.entries.get(network);
      if (values && values.length > 0) return { cidr: { network, length: b.length, v6 }, values };
    }
    return undefined;
  }

  /** Every matching entry, longest prefix first. */
  lookupAll(ip: Ip): { cidr: Cidr; values: T[] }[] {
    const v6 = isIpv6(ip);
    const found: { cidr: Cidr; values: T[] }[] = [];
    for (const b of this.order) {
      if (b.v6 !== v6) continue;
      const network = ip & b.mask;
      const values = b.entries.get(network);
      if (values && values.length > 0) found.push({ cidr: { network, length: b.length, v6 }, values });
    }
    return found;
  }
}
