/**
 * The security headers every response carries (set by proxy.ts), built from plain inputs so
 * they can be tested without a server. Why each directive is what it is:
 * docs/decisions/007-security-headers-and-csp.md.
 */

export type CspOptions = {
  /** A fresh, unguessable value per response (see createNonce). */
  nonce: string;
  /** `next dev` only: React's development build uses eval for its error overlays and stacks. */
  development: boolean;
  /** Served over HTTPS: lets the browser upgrade stray http:// sub-resource URLs. */
  https: boolean;
};

/**
 * A strict, nonce-based policy (https://web.dev/articles/strict-csp, and Next's CSP guide):
 * only scripts carrying this response's nonce run, and the scripts they add (Next's chunks)
 * through 'strict-dynamic'. No 'unsafe-inline' and, in production, no 'unsafe-eval' for scripts.
 * Next reads the nonce back from this header and puts it on its own script and style tags.
 */
export function buildContentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // <style> and <link rel=stylesheet>: our own files and Next's nonced tags only. Under
    // next dev, Next's error overlay injects styles without the nonce (and a nonce would make
    // browsers ignore 'unsafe-inline').
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // style="…" attributes in the HTML: none. Scripts still set styles through the CSSOM
    // (element.style), which CSP does not govern: that is how React and React Flow do it.
    ["style-src-attr", ...(development ? ["'unsafe-inline'"] : ["'none'"])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

export type SecurityHeaderOptions = CspOptions;

export type SecurityHeaders = {
  "content-security-policy": string;
  "x-frame-options": "DENY";
  "x-content-type-options": "nosniff";
  "referrer-policy": string;
  "permissions-policy": string;
  "cross-origin-opener-policy": string;
  "strict-transport-security"?: string;
};

/** Every header proxy.ts sets on a response, CSP included. */
export function securityHeaders(options: SecurityHeaderOptions): SecurityHeaders {
  return {
    "content-security-policy": buildContentSecurityPolicy(options),
    // Older browsers that ignore frame-ancestors.
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    // Full URLs (with lesson and lab slugs) stay on this site; other sites see only the origin.
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    // Browsers ignore HSTS received over plain HTTP (RFC 6797 §8.1), so it is only sent over HTTPS.
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * Whether the client reached the app over HTTPS: directly, through a TLS-terminating proxy
 * that says so in `X-Forwarded-Proto`, or because the app is configured with an https
 * NEXTAUTH_URL (then it is only ever meant to be reached over HTTPS). A client faking
 * `X-Forwarded-Proto: https` over plain HTTP gains nothing: HSTS received over HTTP is ignored.
 */
export function isHttpsRequest(url: string, headers: Headers, nextAuthUrl: string | undefined): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https") return true;
  if (nextAuthUrl?.startsWith("https://")) return true;
  return url.startsWith("https://");
}

/** 128 random bits, base64: what CSP3 asks of a nonce (https://w3c.github.io/webappsec-csp/#security-nonces). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
