/**
 * The client's address, for limits keyed by where requests come from (sign-in throttling).
 *
 * Next.js sets X-Forwarded-For from the socket only when the request has none, and each
 * reverse proxy in front of the app appends the address it saw. With `trustedProxies`
 * proxies in front (TRUSTED_PROXY_COUNT), the client is the entry that many places from the
 * right; with none, the right-most entry, which a client talking to the app directly can
 * choose itself (deploy behind a proxy that appends to the header: see the README's security section).
 */
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export const UNKNOWN_ADDRESS = "unknown";

export function clientAddress(headers: HeaderSource, trustedProxies: number): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0 && e.length <= 64);
  const index = entries.length - Math.max(trustedProxies, 1);
  const address = entries[Math.max(index, 0)];
  return address ? normaliseAddress(address) : UNKNOWN_ADDRESS;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
function normaliseAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice("::ffff:".length) : lower;
}
