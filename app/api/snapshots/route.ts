import { currentActor } from "@/lib/authz";
import { listSnapshots, saveSnapshot, snapshotTooLarge } from "@/lib/analyze-store/snapshots";
import { readBodyText } from "@/lib/http/read-body";
import { LIMITS } from "@/lib/http/limits";
import { privateJson, sameOriginOnly } from "@/lib/http/route-guards";

export const dynamic = "force-dynamic";

/** The signed-in learner's saved snapshots (names and sizes, not their files). */
export async function GET() {
  const outcome = await listSnapshots(await currentActor());
  return privateJson(outcome.body, { status: outcome.status });
}

/** Save a snapshot from /analyze. Body: `{ "name": "…", "files": [{ "name": "describe-vpcs.json", "text": "…" }] }`. */
export const POST = sameOriginOnly(async (request: Request) => {
  const actor = await currentActor();
  const body = await readBodyText(request, LIMITS.savedSnapshotBytes);
  const outcome = body.ok ? await saveSnapshot(actor, body.text) : snapshotTooLarge(body.bytes);
  return privateJson(outcome.body, { status: outcome.status });
});
