import type { Metadata } from "next";
import { ActionForm } from "@/components/classes/action-form";
import { authorize, currentActor, enforceOnPage } from "@/lib/authz";
import { formatJoinCode, normalizeJoinCode } from "@/lib/classes";
import { joinClassAction } from "../../classes/actions";

export const metadata: Metadata = { title: "Join a class" };
export const dynamic = "force-dynamic";

/**
 * The invite link. Opening it joins nothing (a link preview or a prefetch must not enrol anyone):
 * it asks the signed-in user to confirm, and the join itself is the rate-limited server action.
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  // Next hands the segment over decoded already; it is only trimmed to a sane length here.
  const raw = (await params).code.slice(0, 40);
  const actor = await currentActor();
  enforceOnPage(authorize("classes.join", actor), `/join/${encodeURIComponent(raw)}`);
  const code = normalizeJoinCode(raw);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">Join a class</h1>
      {code ? (
        <>
          <p>
            You were invited with the code <strong className="font-mono">{formatJoinCode(code)}</strong>. Your instructors will see your progress on the
            lessons and labs they assign, your lab attempts and your lesson-check answers.
          </p>
          <ActionForm action={joinClassAction} submitLabel="Join class" pendingLabel="Joining…">
            <input type="hidden" name="code" value={code} />
          </ActionForm>
        </>
      ) : (
        <p role="alert">This invite link is incomplete: a join code has 12 letters and digits. Ask your instructor for the link again, or enter the code on the Classes page.</p>
      )}
    </div>
  );
}
