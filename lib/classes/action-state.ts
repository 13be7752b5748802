import type { ClassResult, FieldErrors } from "./schemas";

/** What a class server action answers its form with (components/classes/action-form.tsx shows it). */
export type ActionState = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: FieldErrors } | null;

export function stateOf<T>(result: ClassResult<T>, success: string): ActionState {
  return result.ok ? { ok: true, message: success } : { ok: false, message: result.error, fieldErrors: result.fieldErrors };
}
