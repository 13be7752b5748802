import { getCurrentUser } from "@/lib/auth/session";
import { privateJson, sameOriginOnly } from "@/lib/http/route-guards";
import { MAX_TOPOLOGY_BYTES, labGrader, readBodyText, saveLabDraftFromBody, tooLarge, unauthorized } from "@/lib/labs-store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Autosave of the editor's draft. Body: `{ "topology": { … } }` (any JSON object: drafts may be unfinished). */
export const PUT = sameOriginOnly(async (request: Request, { params }: Context) => {
  const user = await getCurrentUser();
  if (!user) return privateJson(unauthorized.body, { status: unauthorized.status });
  const { slug } = await params;
  const body = await readBodyText(request, MAX_TOPOLOGY_BYTES);
  const outcome = body.ok ? await saveLabDraftFromBody({ userId: user.id, slug, text: body.text }, { grader: labGrader }) : tooLarge(body.bytes);
  return privateJson(outcome.body, { status: outcome.status });
});
