import { config } from "zod";

// Runs in the browser before any other app code (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation-client).
// zod compiles object parsers with `new Function` when it can, and probes for that the first
// time a schema is built; the Content-Security-Policy forbids eval, so the probe alone would be
// reported as a violation. jitless makes zod interpret schemas instead, before any is built.
// (On the server there is no CSP and zod keeps its faster compiled parsers.)
config({ jitless: true });
