/**
 * Whether a state-changing request (POST, PUT, PATCH, DELETE) comes from this site's own pages.
 * SameSite=Lax cookies alone do not stop a cross-site `fetch` with `text/plain` (no CORS
 * preflight) from other subdomains of the same site, nor a browser that ignores SameSite.
 *
 * Browsers send `Origin` on every cross-origin request that is not a GET or HEAD
 * (https://fetch.spec.whatwg.org/#origin-header), and page scripts cannot forge it, nor
 * `Sec-Fetch-Site` (https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header), nor the
 * `X-Forwarded-*` headers (setting them makes a cross-site fetch preflighted, and this app
 * answers no preflight). So:
 *
 * - `Origin` present: allowed only when it is the origin the request was sent to (its host,
 *   or `X-Forwarded-Host` and `X-Forwarded-Proto` set by a proxy in front) or NEXTAUTH_URL's.
 *   `Origin: null` (sandboxed frames, some redirects) is refused: it names no site.
 * - `Origin` missing, `Sec-Fetch-Site` present: a browser that withheld Origin; allowed only
 *   for `same-origin` and `none` (typed into the address bar), never `same-site`/`cross-site`.
 * - Both missing: not a current browser (curl, scripts, tests). Allowed only with
 *   `Content-Type: application/json`, which no HTML form can send; an old browser's
 *   form post (`application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`)
 *   or a body without a type is refused.
 */
export type OriginDecision = { ok: true } | { ok: false; reason: string };

export type OriginPolicy = {
  /** Origins allowed besides the request's own, e.g. NEXTAUTH_URL's (`https://reachable.example`). */
  trustedOrigins: readonly string[];
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function checkRequestOrigin(request: Pick<Request, "method" | "url" | "headers">, policy: OriginPolicy): OriginDecision {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const headers = request.headers;
  const allowed = allowedOrigins(request, policy);
  const origin = headers.get("origin");

  if (origin !== null) {
    if (origin === "null") return { ok: false, reason: "The request's Origin is \"null\" (a sandboxed or privacy-redirected page), so it cannot be told apart from another site's request." };
    const normalized = normalizeOrigin(origin);
    if (normalized && allowed.includes(normalized)) return { ok: true };
    return { ok: false, reason: `The request comes from ${origin}, not from this site (${allowed[0] ?? "unknown"}). Changes are only accepted from Reachable's own pages.` };
  }

  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) {
    if (fetchSite === "same-origin" || fetchSite === "none") return { ok: true };
    return { ok: false, reason: `The browser marked this request as ${fetchSite} (Sec-Fetch-Site) and sent no Origin. Changes are only accepted from Reachable's own pages.` };
  }

  if (isJsonContentType(headers.get("content-type"))) return { ok: true };
  return { ok: false, reason: "The request has no Origin header and is not JSON. Scripts and command-line clients must send Content-Type: application/json (or an Origin header naming this site)." };
}

/** This request's own origin first (as the client addressed it, through a proxy if any), then the trusted ones. */
export function allowedOrigins(request: Pick<Request, "url" | "headers">, policy: OriginPolicy): string[] {
  const own = requestOrigin(request);
  const trusted = policy.trustedOrigins.map(normalizeOrigin).filter((o): o is string => o !== null);
  return [...new Set([...(own ? [own] : []), ...trusted])];
}

/** The origin the client sent the request to: `X-Forwarded-Proto`/`X-Forwarded-Host` from a proxy, else `Host`, else the URL. */
export function requestOrigin(request: Pick<Request, "url" | "headers">): string | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  const proto = firstValue(request.headers.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "");
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? firstValue(request.headers.get("host")) ?? url.host;
  return normalizeOrigin(`${proto}://${host}`);
}

/** `https://Example.com:443/` → `https://example.com`; null for anything that is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** Proxies append to these headers (`https, http`): the first value is the one the client used. */
function firstValue(header: string | null): string | null {
  const first = header?.split(",")[0]?.trim();
  return first ? first : null;
}

function isJsonContentType(value: string | null): boolean {
  const essence = value?.split(";")[0]?.trim().toLowerCase();
  return essence === "application/json" || (essence !== undefined && /^application\/[a-z0-9.+-]+\+json$/.test(essence));
}
