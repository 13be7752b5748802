import { getCurrentUser } from "@/lib/auth/session";
import { privateJson, sameOriginOnly } from "@/lib/http/route-guards";
import {
  MAX_TOPOLOGY_BYTES,
  labGrader,
  labSlugSchema,
  labSubmissionLimiter,
  listLabAttempts,
  readBodyText,
  submitLabAttempt,
  tooLarge,
  unauthorized,
  type LabSubmitOutcome,
} from "@/lib/labs-store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

function respond(outcome: LabSubmitOutcome) {
  const headers = outcome.body.kind === "rate-limited" ? { "retry-after": String(outcome.body.retryAfterSeconds) } : undefined;
  return privateJson(outcome.body, { status: outcome.status, headers });
}

/**
 * Grades a submitted topology on the server and stores the attempt. Body: `{ "topology": { … } }`.
 * An `Idempotency-Key` header makes retries safe: the same key stores one attempt.
 */
export const POST = sameOriginOnly(async (request: Request, { params }: Context) => {
  const user = await getCurrentUser();
  if (!user) return respond(unauthorized);
  const { slug } = await params;
  const body = await readBodyText(request, MAX_TOPOLOGY_BYTES);
  if (!body.ok) return respond(tooLarge(body.bytes));
  const submissionKey = request.headers.get("idempotency-key");
  return respond(await submitLabAttempt({ userId: user.id, slug, text: body.text, submissionKey }, { grader: labGrader, limiter: labSubmissionLimiter() }));
});

/** The signed-in learner's attempts at this lab, newest first. */
export async function GET(_request: Request, { params }: Context) {
  const user = await getCurrentUser();
  if (!user) return respond(unauthorized);
  const slug = labSlugSchema.safeParse((await params).slug);
  if (!slug.success) return privateJson({ kind: "not-found", error: "There is no lab at this address." }, { status: 404 });
  return privateJson({ attempts: await listLabAttempts(user.id, slug.data) });
}
