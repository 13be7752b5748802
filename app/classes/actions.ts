"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authorize, currentActor, type Action, type Actor } from "@/lib/authz";
import {
  addAssignment,
  addInstructorByEmail,
  createClass,
  idSchema,
  joinClassByCode,
  joinLimiters,
  leaveClass,
  loadCatalog,
  loadClassFacts,
  regenerateJoinCode,
  removeAssignment,
  removeInstructor,
  removeLearner,
  setClassArchived,
  updateAssignment,
  updateClassDetails,
} from "@/lib/classes";
import { stateOf, type ActionState } from "@/lib/classes/action-state";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";

/**
 * Server actions for classes. Each one asks lib/authz itself, with facts loaded for the class
 * id it was sent: the page that shows a form does not protect the action behind it.
 */

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

type Allowed = { ok: true; actor: Extract<Actor, { kind: "user" }>; classId: string } | { ok: false; state: ActionState };

async function forClass(form: FormData, action: Extract<Action, "class.manage" | "class.leave">): Promise<Allowed> {
  const actor = await currentActor();
  const id = idSchema.safeParse(form.get("classId"));
  if (!id.success) return { ok: false, state: { ok: false, message: "This form is missing its class. Reload the page and try again." } };
  const facts = await loadClassFacts(id.data, actor.kind === "user" ? actor.user.id : null);
  const decision = authorize(action, actor, facts);
  if (!decision.allowed || actor.kind !== "user") return { ok: false, state: { ok: false, message: decision.allowed ? "Sign in first." : decision.reason } };
  return { ok: true, actor, classId: id.data };
}

function refresh(classId: string) {
  revalidatePath(`/classes/${classId}`);
  revalidatePath("/classes");
}

export async function createClassAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentActor();
  const decision = authorize("classes.create", actor);
  if (!decision.allowed || actor.kind !== "user") return { ok: false, message: decision.allowed ? "Sign in first." : decision.reason };
  const result = await createClass(actor.user.id, { name: text(form, "name"), term: text(form, "term"), description: text(form, "description") });
  if (!result.ok) return stateOf(result, "");
  revalidatePath("/classes");
  redirect(`/classes/${result.value.id}`);
}

export async function joinClassAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await currentActor();
  const decision = authorize("classes.join", actor);
  if (!decision.allowed || actor.kind !== "user") return { ok: false, message: decision.allowed ? "Sign in first." : decision.reason };
  const address = clientAddress(await headers(), env().TRUSTED_PROXY_COUNT);
  const result = await joinClassByCode(actor.user.id, form.get("code"), address, joinLimiters());
  if (!result.ok) return stateOf(result, "");
  revalidatePath("/classes");
  revalidatePath("/dashboard");
  redirect(`/classes/${result.value.classId}`);
}

export async function updateClassAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const result = await updateClassDetails(allowed.classId, { name: text(form, "name"), term: text(form, "term"), description: text(form, "description") });
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, "Saved.");
}

export async function regenerateCodeAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const result = await regenerateJoinCode(allowed.classId);
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, "A new join code is ready; the old code and invite link no longer work.");
}

export async function setArchivedAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const archive = text(form, "archive") === "true";
  const result = await setClassArchived(allowed.classId, archive);
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, archive ? "Class archived: nobody can join it now." : "Class reopened.");
}

export async function addInstructorAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const result = await addInstructorByEmail(allowed.classId, { email: text(form, "email") });
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, result.ok ? `${result.value.name} now teaches this class.` : "");
}

export async function removeInstructorAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const userId = idSchema.safeParse(form.get("userId"));
  if (!userId.success) return { ok: false, message: "This form is missing the instructor. Reload the page and try again." };
  const result = await removeInstructor(allowed.classId, userId.data);
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, "Instructor removed.");
}

export async function removeLearnerAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const userId = idSchema.safeParse(form.get("userId"));
  if (!userId.success) return { ok: false, message: "This form is missing the learner. Reload the page and try again." };
  const result = await removeLearner(allowed.classId, userId.data);
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, "Learner removed from the class. Their own work is kept.");
}

export async function leaveClassAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.leave");
  if (!allowed.ok) return allowed.state;
  const result = await leaveClass(allowed.classId, allowed.actor.user.id);
  if (!result.ok) return stateOf(result, "");
  revalidatePath("/classes");
  revalidatePath("/dashboard");
  redirect("/classes");
}

function assignmentInput(form: FormData) {
  return { kind: text(form, "kind"), ref: text(form, "ref"), dueAt: text(form, "dueAt"), minScore: text(form, "minScore") || undefined };
}

export async function addAssignmentAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  // One select names both the kind and the slug ("lab:three-tier-vpc").
  const [kind = "", ref = ""] = text(form, "work").split(":");
  const result = await addAssignment(allowed.classId, { ...assignmentInput(form), kind, ref }, await loadCatalog());
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, "Assigned.");
}

export async function updateAssignmentAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const assignmentId = idSchema.safeParse(form.get("assignmentId"));
  if (!assignmentId.success) return { ok: false, message: "This form is missing the assignment. Reload the page and try again." };
  const result = await updateAssignment(allowed.classId, assignmentId.data, assignmentInput(form));
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, "Due date saved.");
}

export async function removeAssignmentAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const allowed = await forClass(form, "class.manage");
  if (!allowed.ok) return allowed.state;
  const assignmentId = idSchema.safeParse(form.get("assignmentId"));
  if (!assignmentId.success) return { ok: false, message: "This form is missing the assignment. Reload the page and try again." };
  const result = await removeAssignment(allowed.classId, assignmentId.data);
  if (result.ok) refresh(allowed.classId);
  return stateOf(result, "Assignment removed.");
}
