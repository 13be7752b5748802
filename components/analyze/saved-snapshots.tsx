"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { decodeJsonBytes } from "@/lib/network/aws/decode-json";
import type { DroppedFile } from "@/lib/network/aws/read-files";
import { LIMITS, formatBytes } from "@/lib/http/limits";

const summarySchema = z.object({ id: z.string(), name: z.string(), fileCount: z.number(), bytes: z.number(), createdAt: z.string() });
const listSchema = z.object({ snapshots: z.array(summarySchema) });
const openedSchema = summarySchema.extend({ files: z.array(z.object({ name: z.string(), text: z.string() })) });
const errorSchema = z.object({ error: z.string() });

type Summary = z.infer<typeof summarySchema>;

async function errorOf(response: Response): Promise<string> {
  const body = errorSchema.safeParse(await response.json().catch(() => null));
  return body.success ? body.data.error : `The server answered ${response.status}.`;
}

/**
 * Saving is the one thing on /analyze that sends anything to the server, and only when a
 * signed-in learner presses Save: then the files are kept in their account until they delete them.
 */
export function SavedSnapshots({ signedIn, files, onOpen }: { signedIn: boolean; files: DroppedFile[]; onOpen: (files: DroppedFile[], name: string) => void }) {
  const [snapshots, setSnapshots] = useState<Summary[] | undefined>(undefined);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const response = await fetch("/api/snapshots", { cache: "no-store" });
    if (!response.ok) {
      setMessage({ kind: "error", text: await errorOf(response) });
      return;
    }
    const list = listSchema.safeParse(await response.json());
    if (list.success) setSnapshots(list.data.snapshots);
  }, []);

  useEffect(() => {
    if (signedIn) void refresh();
  }, [signedIn, refresh]);

  if (!signedIn) {
    return (
      <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">
        <Link href="/sign-in?callbackUrl=%2Fanalyze" className="text-sky-700 underline dark:text-sky-300">Sign in</Link> to save a snapshot to your account and open it again later. Analysing needs no account.
      </p>
    );
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const payload = JSON.stringify({ name: name.trim(), files: files.map((f) => ({ name: f.name, text: "bytes" in f ? decodeJsonBytes(f.bytes) : f.text })) });
    const bytes = new TextEncoder().encode(payload).byteLength;
    if (bytes > LIMITS.savedSnapshotBytes) {
      setMessage({ kind: "error", text: `These files are ${formatBytes(bytes)}; an account keeps snapshots up to ${formatBytes(LIMITS.savedSnapshotBytes)}. They are still analysed here; save a smaller set (one VPC's, or without ip-ranges.json).` });
      return;
    }
    setBusy(true);
    try {
      const response = await fetch("/api/snapshots", { method: "POST", headers: { "content-type": "application/json" }, body: payload });
      if (!response.ok) {
        setMessage({ kind: "error", text: await errorOf(response) });
        return;
      }
      setMessage({ kind: "ok", text: `Saved “${name.trim()}” to your account.` });
      setName("");
      await refresh();
    } catch {
      setMessage({ kind: "error", text: "Could not reach the server: the snapshot was not saved." });
    } finally {
      setBusy(false);
    }
  }

  async function open(s: Summary) {
    const response = await fetch(`/api/snapshots/${encodeURIComponent(s.id)}`, { cache: "no-store" });
    const body = openedSchema.safeParse(response.ok ? await response.json() : null);
    if (!body.success) {
      setMessage({ kind: "error", text: response.ok ? "The saved snapshot could not be read." : await errorOf(response) });
      return;
    }
    setMessage({ kind: "ok", text: `Opened “${s.name}”.` });
    onOpen(body.data.files, s.name);
  }

  async function remove(s: Summary) {
    const response = await fetch(`/api/snapshots/${encodeURIComponent(s.id)}`, { method: "DELETE" });
    setMessage(response.ok ? { kind: "ok", text: `Deleted “${s.name}”.` } : { kind: "error", text: await errorOf(response) });
    await refresh();
  }

  return (
    <section aria-labelledby="saved-heading" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 id="saved-heading" className="font-semibold">Your saved snapshots</h3>
      <form onSubmit={save} className="mt-2 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm font-medium">
          Snapshot name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.nameChars} required className="mt-1 w-64 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" />
        </label>
        <button type="submit" disabled={busy || files.length === 0} className="rounded-md bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800 disabled:opacity-50">Save to my account</button>
        <span className="text-xs text-slate-600 dark:text-slate-400">Only you can see it; delete it at any time.</span>
      </form>
      {message ? <p role={message.kind === "error" ? "alert" : "status"} className={`mt-2 text-sm ${message.kind === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}>{message.text}</p> : null}
      {snapshots && snapshots.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Saved snapshots">
          {snapshots.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.name}</span>
              <span className="text-slate-600 dark:text-slate-400">{s.fileCount} files, {formatBytes(s.bytes)}, {new Date(s.createdAt).toLocaleString()}</span>
              <button type="button" onClick={() => void open(s)} className="ml-auto underline" aria-label={`Open ${s.name}`}>Open</button>
              <button type="button" onClick={() => void remove(s)} className="underline text-red-800 dark:text-red-300" aria-label={`Delete ${s.name}`}>Delete</button>
            </li>
          ))}
        </ul>
      ) : snapshots ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None yet.</p> : null}
    </section>
  );
}
