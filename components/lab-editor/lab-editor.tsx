"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { checkReferences, parseTopology, type Topology } from "@/lib/network";
import type { LabAttemptSummary } from "@/lib/labs-store/attempts";
import type { PublicCheck } from "@/lib/labs-store/lab-contract";
import type { ForbiddenOriginBody } from "@/lib/http/route-guards";
import type { LabSubmitBody } from "@/lib/labs-store/submission";
import { TopologyDiagram } from "../topology-figure";
import { getIn, isJsonObject, pathKey, setIn, type Json, type Path } from "./document";
import { AttemptHistory, GradeResults } from "./grade-results";
import { historyReducer, initialHistory } from "./history";
import { JsonView } from "./json-view";
import { ProbesPanel } from "./probes-panel";
import { collectionLabel, collections, elementSchema, elementsOf, idOf, locate, nameTagOf, newElement, referrersOf, singularLabel, type Collection } from "./resource-kinds";
import { ObjectFields, type FormContext } from "./schema-form";

export type LabEditorProps = {
  slug: string;
  start: Json;
  draft: Json | null;
  draftSavedAt: string | null;
  checks: PublicCheck[];
  attempts: LabAttemptSummary[];
  bestPercent: number | null;
  hint: string | null;
};

type Selection = { collection: Collection; index: number } | null;
type SaveState = { kind: "idle" | "saving" | "saved" | "error"; message: string };
type SubmitState = { kind: "idle" } | { kind: "submitting" } | { kind: "error"; message: string; issues: { path: string; message: string }[] };

const buttonClass = "rounded-md border border-slate-300 px-3 py-1 text-sm enabled:hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:enabled:hover:bg-slate-800";

/**
 * The lab editor: a list of the topology's resources and a form for the selected one beside
 * the diagram, a JSON text view of the same document, undo/redo, autosave of the draft,
 * reset to the lab's start, live probes, and submission to the server's grader.
 */
export function LabEditor(props: LabEditorProps) {
  const { slug, start } = props;
  const [history, dispatch] = useReducer(historyReducer, props.draft ?? start, initialHistory);
  const doc = history.present;
  const [selection, setSelection] = useState<Selection>(() => firstSelection(props.draft ?? start));
  const [view, setView] = useState<"visual" | "json">("visual");
  const [probeHighlight, setProbeHighlight] = useState<{ index: number; ids: string[] }>({ index: -1, ids: [] });
  const [save, setSave] = useState<SaveState>({ kind: "idle", message: props.draftSavedAt ? `Draft restored (saved ${props.draftSavedAt.slice(0, 19).replace("T", " ")} UTC).` : "Starting from the lab's start topology." });
  const [submit, setSubmit] = useState<SubmitState>({ kind: "idle" });
  const [attempts, setAttempts] = useState(props.attempts);
  const [bestPercent, setBestPercent] = useState(props.bestPercent);
  const [latest, setLatest] = useState<{ attempt: LabAttemptSummary; hint: string | null } | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const edit = useCallback((next: Json, key: string | null) => dispatch({ type: "edit", doc: next, key, at: Date.now() }), []);

  const parsed = useMemo(() => parseTopology(doc), [doc]);
  const topology = parsed.ok ? parsed.topology : null;
  const issues = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!parsed.ok) for (const issue of parsed.issues) map.set(issue.path, [...(map.get(issue.path) ?? []), issue.message]);
    return map;
  }, [parsed]);

  // Autosave: a second and a half after the last change, the document goes to the server as the draft.
  const firstRender = useRef(true);
  const unsaved = useRef<Json | null>(null);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    unsaved.current = doc;
    setSave({ kind: "saving", message: "Saving draft…" });
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/labs/${slug}/draft`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ topology: doc }), signal: controller.signal });
        const body: unknown = await response.json().catch(() => null);
        if (response.ok && unsaved.current === doc) unsaved.current = null;
        if (response.ok) setSave({ kind: "saved", message: `Draft saved at ${new Date().toISOString().slice(11, 19)} UTC.` });
        else setSave({ kind: "error", message: errorOf(body) ?? `The draft could not be saved (HTTP ${response.status}); it is still in this page.` });
      } catch (error) {
        if (!controller.signal.aborted) setSave({ kind: "error", message: `The draft could not be saved (${error instanceof Error ? error.message : "network error"}); it is still in this page.` });
      }
    }, 1500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [doc, slug]);

  // Leaving the page within the autosave delay still saves the last change (keepalive outlives the page).
  useEffect(() => {
    const flush = () => {
      if (unsaved.current === null) return;
      void fetch(`/api/labs/${slug}/draft`, { method: "PUT", keepalive: true, headers: { "content-type": "application/json" }, body: JSON.stringify({ topology: unsaved.current }) }).catch(() => undefined);
      unsaved.current = null;
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [slug]);

  const onFieldChange = useCallback((path: Path, value: Json | undefined) => edit(setIn(doc, path, value), pathKey(path)), [doc, edit]);
  const warnings = useMemo(() => {
    const map = new Map<string, string[]>();
    if (topology) for (const w of checkReferences(topology)) map.set(w.path, [...(map.get(w.path) ?? []), w.message]);
    return map;
  }, [topology]);
  const ctx: FormContext = { doc, issues, warnings, onChange: onFieldChange, replace: (next) => edit(next, null) };

  const select = (next: Selection) => {
    setSelection(next);
    // Move focus to the form so keyboard users land where they can edit.
    requestAnimationFrame(() => formHeading.current?.focus());
  };

  const addResource = (collection: Collection) => {
    const list = elementsOf(doc, collection);
    const next = setIn(doc, [collection, list.length], newElement(doc, collection));
    edit(next, null);
    select({ collection, index: list.length });
  };

  const deleteSelected = () => {
    if (!selection) return;
    edit(setIn(doc, [selection.collection, selection.index], undefined), null);
    setSelection(null);
  };

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the page except inside a text field, where they
  // are the browser's own undo of the typing. On window, so they still work once focus has left
  // a button that became disabled (Undo at the start of the history).
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
      if (e.target instanceof HTMLElement && e.target.isContentEditable) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "z") {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? "redo" : "undo" });
      } else if (key === "y") {
        e.preventDefault();
        dispatch({ type: "redo" });
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // One Idempotency-Key per submitted document: a retry of the same work after a failure
  // reuses it, so the server stores the attempt once even if the first request got through.
  const pendingSubmission = useRef<{ doc: unknown; key: string } | null>(null);

  const submitAttempt = async () => {
    setSubmit({ kind: "submitting" });
    if (pendingSubmission.current?.doc !== doc) pendingSubmission.current = { doc, key: crypto.randomUUID() };
    try {
      const response = await fetch(`/api/labs/${slug}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": pendingSubmission.current.key },
        body: JSON.stringify({ topology: doc }),
      });
      const body = (await response.json().catch(() => null)) as LabSubmitBody | ForbiddenOriginBody | null;
      if (!body || !("kind" in body)) return setSubmit({ kind: "error", message: `The server answered HTTP ${response.status}. Your work is still here; try again.`, issues: [] });
      switch (body.kind) {
        case "graded":
          pendingSubmission.current = null;
          setLatest({ attempt: body.attempt, hint: body.hint });
          setAttempts((a) => (a.some((x) => x.id === body.attempt.id) ? a : [body.attempt, ...a]));
          setBestPercent(body.bestPercent);
          setSubmit({ kind: "idle" });
          return;
        case "invalid-topology":
        case "bad-request":
          return setSubmit({ kind: "error", message: body.error, issues: body.issues });
        case "unauthorized":
        case "forbidden-origin":
        case "not-found":
        case "too-large":
        case "too-deep":
        case "rate-limited":
        case "not-saved":
        case "key-reused":
          return setSubmit({ kind: "error", message: body.error, issues: [] });
        default:
          return body satisfies never;
      }
    } catch {
      setSubmit({ kind: "error", message: "The server could not be reached. Your work is still here; try again.", issues: [] });
    }
  };

  const selected = selection && getIn(doc, [selection.collection, selection.index]) !== undefined ? selection : null;
  const selectedElement = selected ? getIn(doc, [selected.collection, selected.index]) : undefined;
  const selectedId = selected ? idOf(selected.collection, selectedElement) : null;
  const highlight = useMemo(() => new Set(probeHighlight.ids.length > 0 ? probeHighlight.ids : selectedId ? [selectedId] : []), [probeHighlight, selectedId]);
  const present = collections.filter((c) => elementsOf(doc, c).length > 0);

  return (
    <div className="space-y-6">
      <div role="toolbar" aria-label="Editor" className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
        <button type="button" className={buttonClass} onClick={() => dispatch({ type: "undo" })} disabled={history.past.length === 0} aria-keyshortcuts="Control+Z">Undo</button>
        <button type="button" className={buttonClass} onClick={() => dispatch({ type: "redo" })} disabled={history.future.length === 0} aria-keyshortcuts="Control+Shift+Z">Redo</button>
        <button type="button" className={buttonClass} onClick={() => { edit(start, null); setSelection(firstSelection(start)); }}>Reset to start</button>
        <span className="mx-2 h-6 border-l border-slate-300 dark:border-slate-600" aria-hidden />
        <button type="button" className={buttonClass} aria-pressed={view === "visual"} onClick={() => setView("visual")}>Visual editor</button>
        <button type="button" className={buttonClass} aria-pressed={view === "json"} onClick={() => setView("json")}>JSON view</button>
        <p role="status" className={`ml-auto text-sm ${save.kind === "error" ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}>{save.message}</p>
      </div>

      {parsed.ok ? null : (
        <div role="region" aria-label="Problems" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-semibold">{parsed.issues.length} problem{parsed.issues.length === 1 ? "" : "s"} in the topology (the diagram and probes show the last valid version):</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.issues.slice(0, 8).map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                <IssueLink path={issue.path} doc={doc} onSelect={(s) => { setView("visual"); select(s); }} /> {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {parsed.ok && warnings.size > 0 ? (
        <div role="region" aria-label="Warnings" className="rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800">
          <p className="font-semibold">Worth a look (the evaluator treats these as AWS would, e.g. a route to a missing gateway is a blackhole):</p>
          <ul className="mt-1 list-disc pl-5">
            {[...warnings.entries()].slice(0, 8).map(([path, messages]) => (
              <li key={path}>
                <IssueLink path={path} doc={doc} onSelect={(s) => { setView("visual"); select(s); }} /> {messages.join("; ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <LastValidDiagram topology={topology} highlight={highlight} onSelectNode={(id) => { const found = locate(doc, id); if (found) select(found); }} />

      {view === "visual" ? (
        <div className="grid gap-4 md:grid-cols-[15rem_1fr]">
          <nav aria-label="Resources" className="space-y-3">
            <AddResource onAdd={addResource} />
            {present.map((c) => (
              <div key={c}>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{collectionLabel(c)}</h3>
                <ul className="mt-1 space-y-0.5">
                  {elementsOf(doc, c).map((element, index) => {
                    const id = idOf(c, element);
                    const name = nameTagOf(element);
                    const isSelected = selected?.collection === c && selected.index === index;
                    const hasIssue = [...issues.keys(), ...warnings.keys()].some((k) => k === `${c}.${index}` || k.startsWith(`${c}.${index}.`));
                    return (
                      <li key={`${c}-${index}`}>
                        <button
                          type="button"
                          aria-current={isSelected ? "true" : undefined}
                          onClick={() => select({ collection: c, index })}
                          className={`w-full truncate rounded px-2 py-0.5 text-left text-sm ${isSelected ? "bg-sky-100 font-semibold dark:bg-sky-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                        >
                          {id}{name && name !== id ? ` (${name})` : ""}{hasIssue ? <span className="ml-1 text-amber-700 dark:text-amber-300"> ⚠<span className="sr-only">has problems or warnings</span></span> : null}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </nav>
          <section aria-labelledby="resource-form-heading" className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            {selected ? (
              <form key={`${selected.collection}-${selected.index}`} onSubmit={(e) => e.preventDefault()} aria-labelledby="resource-form-heading">
                <div className="mb-3 flex flex-wrap items-center gap-2">
                  <h3 id="resource-form-heading" ref={formHeading} tabIndex={-1} className="font-semibold">
                    Edit {singularLabel(selected.collection)} {selectedId}
                  </h3>
                  <button type="button" className="ml-auto rounded-md border border-red-300 px-2 py-0.5 text-sm text-red-800 dark:border-red-800 dark:text-red-300" onClick={deleteSelected}>
                    Delete {selectedId}
                  </button>
                </div>
                <ConnectedTo doc={doc} id={selectedId} onSelect={select} />
                <ObjectFields schema={elementSchema(selected.collection)} path={[selected.collection, selected.index]} ctx={ctx} />
              </form>
            ) : (
              <p id="resource-form-heading" ref={formHeading} tabIndex={-1}>Select a resource in the list or the diagram to edit it, or add one.</p>
            )}
          </section>
        </div>
      ) : (
        <JsonView doc={doc} onChange={(next, key) => edit(next, key)} />
      )}

      <ProbesPanel slug={slug} topology={topology} selected={probeHighlight.index} onSelect={(index, ids) => setProbeHighlight((p) => (p.index === index ? { index: -1, ids: [] } : { index, ids }))} />

      <section aria-labelledby="submit-heading" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="submit-heading" className="text-xl font-semibold">Submit for grading</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The server grades {props.checks.length} checks worth {props.checks.reduce((sum, c) => sum + c.weight, 0)} points: {props.checks.map((c) => c.title).join("; ")}.
        </p>
        <button type="button" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60" onClick={submitAttempt} disabled={submit.kind === "submitting"}>
          {submit.kind === "submitting" ? "Grading…" : "Submit for grading"}
        </button>
        {submit.kind === "error" ? (
          <div role="alert" className="rounded-md border border-red-300 p-3 text-sm text-red-800 dark:border-red-800 dark:text-red-300">
            <p>{submit.message}</p>
            {submit.issues.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">{submit.issues.slice(0, 8).map((i) => <li key={`${i.path}-${i.message}`}><code>{i.path}</code>: {i.message}</li>)}</ul>
            ) : null}
          </div>
        ) : null}
        <div aria-live="polite">{latest ? <GradeResults attempt={latest.attempt} hint={latest.hint} /> : props.hint && attempts.length > 0 ? <LatestHint hint={props.hint} /> : null}</div>
        <AttemptHistory attempts={attempts} bestPercent={bestPercent} />
      </section>
    </div>
  );
}

/** What names the selected resource, so a learner can follow a connection from either end. */
function ConnectedTo({ doc, id, onSelect }: { doc: Json; id: string | null; onSelect: (s: { collection: Collection; index: number }) => void }) {
  const referrers = useMemo(() => (id ? referrersOf(doc, id) : []), [doc, id]);
  if (referrers.length === 0) return null;
  return (
    <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
      Referred to by:{" "}
      {referrers.slice(0, 12).map((r, i) => (
        <span key={`${r.collection}-${r.index}-${r.field}`}>
          {i > 0 ? ", " : ""}
          <button type="button" className="underline" onClick={() => onSelect({ collection: r.collection, index: r.index })}>{r.id}</button>{" "}
          <span className="text-xs text-slate-500 dark:text-slate-400">({r.field})</span>
        </span>
      ))}
      {referrers.length > 12 ? ` and ${referrers.length - 12} more` : ""}
    </p>
  );
}

function LatestHint({ hint }: { hint: string }) {
  return (
    <aside aria-label="Hint" className="rounded-md border-l-4 border-sky-400 bg-sky-50 p-3 dark:border-sky-700 dark:bg-sky-950">
      <p className="font-semibold">Hint from your last attempt</p>
      <p>{hint}</p>
    </aside>
  );
}

/** The diagram of the last topology that parsed, so a typo does not blank the picture. */
function LastValidDiagram({ topology, highlight, onSelectNode }: { topology: Topology | null; highlight: ReadonlySet<string>; onSelectNode: (id: string) => void }) {
  const last = useRef(topology);
  if (topology) last.current = topology;
  const shown = topology ?? last.current;
  if (!shown) return <p className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">The diagram appears once the topology is valid.</p>;
  return <TopologyDiagram topology={shown} highlight={highlight} onSelectNode={onSelectNode} label="Diagram of your topology: click a box to edit that resource; the selected probe's path is highlighted." />;
}

function AddResource({ onAdd }: { onAdd: (c: Collection) => void }) {
  const [choice, setChoice] = useState<Collection>("vpcs");
  return (
    <div className="flex items-end gap-1">
      <div className="min-w-0 flex-1">
        <label htmlFor="add-resource-kind" className="block text-sm font-medium">Resource type</label>
        <select id="add-resource-kind" className="w-full rounded border border-slate-300 px-1 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" value={choice} onChange={(e) => setChoice(collections.find((c) => c === e.target.value) ?? "vpcs")}>
          {collections.map((c) => <option key={c} value={c}>{collectionLabel(c)}</option>)}
        </select>
      </div>
      <button type="button" className={buttonClass} onClick={() => onAdd(choice)}>Add</button>
    </div>
  );
}

function IssueLink({ path, doc, onSelect }: { path: string; doc: Json; onSelect: (s: { collection: Collection; index: number }) => void }) {
  const [first, second] = path.split(".");
  const collection = collections.find((c) => c === first);
  const index = Number(second);
  if (!collection || !Number.isInteger(index) || getIn(doc, [collection, index]) === undefined) return <code>{path}</code>;
  return (
    <button type="button" className="underline" onClick={() => onSelect({ collection, index })}>
      <code>{path}</code>
    </button>
  );
}

function firstSelection(doc: Json): Selection {
  if (!isJsonObject(doc)) return null;
  for (const c of collections) if (elementsOf(doc, c).length > 0) return { collection: c, index: 0 };
  return null;
}

function errorOf(body: unknown): string | null {
  return isJsonObject(body) && typeof body.error === "string" ? body.error : null;
}
