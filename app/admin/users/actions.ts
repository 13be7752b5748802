"use server";

import { revalidatePath } from "next/cache";
import { setUserRole } from "@/lib/auth/users";
import { authorize, currentActor } from "@/lib/authz";
import type { ActionState } from "@/lib/classes/action-state";

/** Makes a user a learner, an instructor or an administrator; asks lib/authz itself. */
export async function setRoleAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentActor();
  const decision = authorize("users.setRole", actor);
  if (!decision.allowed || actor.kind !== "user") return { ok: false, message: decision.allowed ? "Sign in first." : decision.reason };
  const result = await setUserRole(actor.user.id, { userId: form.get("userId"), role: form.get("role") });
  if (!result.ok) return { ok: false, message: result.error };
  revalidatePath("/admin/users");
  return { ok: true, message: `${result.name} is now ${result.role === "admin" ? "an administrator" : `a${result.role === "instructor" ? "n" : ""} ${result.role}`} (from their next sign-in).` };
}
