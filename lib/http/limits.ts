/**
 * Every size limit on what a browser or a script may send, in one place. The README's
 * "Security" section lists them with where each is enforced; a test keeps that table and this
 * object in step. Each limit sits far above what the app itself sends, so a learner never meets
 * one by accident, and far below what would let one request hurt the server.
 */
export const LIMITS = {
  /** A lab draft or submission body (`{ "topology": … }`): the largest lab solution is about 10 kB. */
  topologyBytes: 256 * 1024,
  /**
   * Objects and lists inside each other in any JSON body, counted before JSON.parse runs:
   * a lab solution needs 8 levels with its `{ "topology": … }` wrapper, an AWS describe-* file 10.
   */
  jsonDepth: 32,
  /** A body sent to next-auth (sign-in and sign-out forms: an email, a password, a CSRF token, a callback path). */
  authBodyBytes: 16 * 1024,
  /** A server action's arguments (lesson check answers, the sign-up form); Next's own limit, set in next.config.js. */
  serverActionBodyBytes: 64 * 1024,
  /** A lesson or lab slug in a path or query string. */
  slugChars: 100,
  /** Answers in one lesson check submission, and the length of a question id. */
  lessonCheckAnswers: 50,
  questionIdChars: 100,
  /** The sign-up form and the sign-in form. */
  nameChars: 100,
  /** RFC 5321 caps a forward path at 256 octets including the angle brackets, so an address at 254. */
  emailChars: 254,
  /** Long passphrases are welcome; far beyond 200 characters is only a way to make hashing cost more. */
  passwordChars: 200,
  /** The path a sign-in returns to (`callbackUrl`). */
  callbackPathChars: 2048,
  /**
   * A snapshot saved from /analyze (`{ name, files: [{ name, text }] }`): the describe-* output
   * of an account of a few hundred instances. Larger accounts are still analysed, in the
   * browser; only saving them is refused, with this limit named.
   */
  savedSnapshotBytes: 2 * 1024 * 1024,
  /** Snapshots one learner may keep; the oldest must be deleted to save another. */
  savedSnapshotsPerUser: 20,
  /**
   * How much of a request body Next buffers for proxy.ts (set in next.config.js): one byte
   * more than the largest body any route accepts, so a route still sees a longer body as too long.
   */
  proxyBodyBytes: 2 * 1024 * 1024 + 1,
} as const;

export type LimitName = keyof typeof LIMITS;

/** "256 kB", "1 kB": how the limits are named in messages a person reads. */
export function formatBytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString("en-US")} kB`;
}
