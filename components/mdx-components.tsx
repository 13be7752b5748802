type CalloutProps = { type?: "note" | "tip" | "warning"; children: React.ReactNode };

const calloutStyles: Record<NonNullable<CalloutProps["type"]>, { label: string; className: string }> = {
  note: { label: "Note", className: "border-sky-400 bg-sky-50 dark:border-sky-700 dark:bg-sky-950" },
  tip: { label: "Tip", className: "border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950" },
  warning: { label: "Warning", className: "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950" },
};

export function Callout({ type = "note", children }: CalloutProps) {
  const style = calloutStyles[type] ?? calloutStyles.note;
  return (
    <aside className={`my-5 rounded-md border-l-4 p-4 ${style.className}`} aria-label={style.label}>
      <p className="m-0 font-semibold">{style.label}</p>
      <div className="[&>p]:my-1">{children}</div>
    </aside>
  );
}
