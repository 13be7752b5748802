import { currentActor } from "@/lib/authz";
import { deleteSnapshot, openSnapshot } from "@/lib/analyze-store/snapshots";
import { privateJson, sameOriginOnly } from "@/lib/http/route-guards";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** One saved snapshot with its files, for its owner only (404 for anyone else). */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const outcome = await openSnapshot(await currentActor(), id);
  return privateJson(outcome.body, { status: outcome.status });
}

export const DELETE = sameOriginOnly(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const outcome = await deleteSnapshot(await currentActor(), id);
  return privateJson(outcome.body, { status: outcome.status });
});
