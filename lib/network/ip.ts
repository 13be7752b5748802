import ipaddr from "ipaddr.js";

/**
 * IPv4 arithmetic on unsigned 32-bit numbers: the evaluator compares millions
 * of addresses against prefixes in a matrix, so it avoids objects and strings
 * in the hot path. Parsing goes through ipaddr.js.
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

export function maskOf(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/** Parse an IPv4 CIDR block; IPv6 blocks and garbage give `undefined` (the evaluator models IPv4 paths). */
export function parseIpv4Cidr(text: string): Prefix | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIpv4(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (ip === undefined || !/^[0-9]{1,2}$/.test(lengthText)) return undefined;
  const length = Number(lengthText);
  if (length > 32) return undefined;
  return { network: (ip & maskOf(length)) >>> 0, length };
}

export function prefixContains(prefix: Prefix, ip: number): boolean {
  return ((ip & maskOf(prefix.length)) >>> 0) === prefix.network;
}

export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  const length = Math.min(a.length, b.length);
  const mask = maskOf(length);
  return ((a.network & mask) >>> 0) === ((b.network & mask) >>> 0);
}

export function formatPrefix(prefix: Prefix): string {
  return `${formatIpv4(prefix.network)}/${prefix.length}`;
}

/** The address `offset` after the network address (`10.0.1.0/24`, 4 → `10.0.1.4`, the first address AWS lets a subnet use). */
export function addressInPrefix(prefix: Prefix, offset: number): number {
  const size = prefix.length === 32 ? 1 : 2 ** (32 - prefix.length);
  return (prefix.network + Math.min(offset, size - 1)) >>> 0;
}

/**
 * A longest-prefix-match table: one hash map per prefix length, looked up
 * from the longest length down, so a lookup costs at most 33 map probes
 * whatever the number of routes.
 */
export class PrefixTable<T> {
  private readonly byLength = new Map<number, Map<number, T[]>>();
  private lengths: number[] = [];

  add(prefix: Prefix, value: T): void {
    let bucket = this.byLength.get(prefix.length);
    if (!bucket) {
      bucket = new Map();
      this.byLength.set(prefix.length, bucket);
      this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
    }
    const existing = bucket.get(prefix.network);
    if (existing) existing.push(value);
    else bucket.set(prefix.network, [value]);
  }

  /** All entries of the longest matching prefix (several when routes share a destination), or `undefined`. */
  lookup(ip: number): { prefix: Prefix; values: T[] } | undefined {
    for (const length of this.lengths) {
      const network = (ip & maskOf(length)) >>> 0;
      const values = this.byLength.get(length)?.get(network);
      if (values && values.length > 0) return { prefix: { network, length }, values };
    }
    return undefined;
  }

  /** Every matching entry, longest prefix first. */
  lookupAll(ip: number): { prefix: Prefix; values: T[] }[] {
    const found: { prefix: Prefix; values: T[] }[] = [];
    for (const length of this.lengths) {
      const network = (ip & maskOf(length)) >>> 0;
      const values = this.byLength.get(length)?.get(network);
      if (values && values.length > 0) found.push({ prefix: { network, length }, values });
    }
    return found;
  }
}
