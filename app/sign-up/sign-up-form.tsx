"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormField } from "@/components/form-field";
import type { FieldErrors } from "@/lib/auth/credentials";
import { signUpAction } from "./actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [values, setValues] = useState({ name: "", email: "" });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setValues({ name: input.name, email: input.email });
    setPending(true);
    setFormError(null);
    try {
      const result = await signUpAction(input);
      if (!result.ok) {
        setErrors(result.fieldErrors);
        return;
      }
      setErrors({});
      const signedIn = await signIn("credentials", { redirect: false, email: input.email, password: input.password });
      if (!signedIn || signedIn.error) {
        setFormError("Your account was created, but signing in failed. Try signing in.");
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setFormError("Something went wrong on our side. Nothing was lost; please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">{formError}</p> : null}
      <FormField id="name" label="Name" autoComplete="name" errors={errors.name} defaultValue={values.name} />
      <FormField id="email" label="Email" type="email" autoComplete="email" errors={errors.email} defaultValue={values.email} />
      <FormField id="password" label="Password" type="password" autoComplete="new-password" errors={errors.password} hint="At least 10 characters, mixing letters with digits, spaces or symbols." />
      <button type="submit" disabled={pending} className="w-full rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60">
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
