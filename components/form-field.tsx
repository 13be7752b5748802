type FormFieldProps = {
  id: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  defaultValue?: string;
};

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function FormField({ id, label, type = "text", autoComplete, errors, hint, required = true, defaultValue }: FormFieldProps) {
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? `${id}-hint` : null, hasErrors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={hasErrors || undefined}
        aria-describedby={describedBy}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {hasErrors ? (
        <ul id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors?.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
