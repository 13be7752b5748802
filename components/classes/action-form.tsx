"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/classes/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  children?: React.ReactNode;
  className?: string;
  /** A quieter button for secondary or destructive actions in a table row. */
  variant?: "primary" | "secondary" | "danger";
};

const BUTTON: Record<NonNullable<Props["variant"]>, string> = {
  primary: "rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60",
  secondary: "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800",
  danger: "rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950",
};

/**
 * A form posting to a server action, with the action's answer announced next to it: a message
 * a person can act on, and each field's errors. The action checks authorization itself.
 */
export function ActionForm({ action, submitLabel, pendingLabel, children, className, variant = "primary" }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}).flatMap(([field, errors]) => (errors ?? []).map((e) => `${field}: ${e}`)) : [];
  return (
    <form action={formAction} className={className ?? "space-y-3"}>
      {children}
      <button type="submit" disabled={pending} className={BUTTON[variant]}>
        {pending ? (pendingLabel ?? "Working…") : submitLabel}
      </button>
      {state ? (
        <div role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-800 dark:text-emerald-300" : "text-sm text-red-700 dark:text-red-400"}>
          <p>{state.message}</p>
          {fieldErrors.length > 0 ? (
            <ul className="list-disc pl-5">
              {fieldErrors.map((e) => <li key={e}>{e}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
