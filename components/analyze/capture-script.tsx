"use client";

import { useMemo, useState } from "react";
import { captureCommands, captureScript, commandName } from "@/lib/network/aws/capture-commands";
import { downloadText } from "./download";

const regionPattern = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$/;

/** The AWS CLI commands the analyzer reads, as one script to copy or download, with the Region filled in. */
export function CaptureScript() {
  const [region, setRegion] = useState("us-east-1");
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const valid = regionPattern.test(region);
  const script = useMemo(() => captureScript({ region: valid ? region : undefined }), [region, valid]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(script);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section aria-labelledby="capture-heading" className="mt-8">
      <h2 id="capture-heading" className="text-xl font-semibold">1. Capture your account</h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Run this script where the AWS CLI v2 is signed in with read-only permissions (the managed policy <code>ReadOnlyAccess</code> covers every command). It writes one JSON file per command, exactly as <code>aws … --output json</code> prints it.
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm font-medium">
          Region
          <input value={region} onChange={(e) => setRegion(e.target.value.trim())} aria-invalid={!valid} aria-describedby="region-help" className="mt-1 w-48 rounded border border-slate-300 px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900" />
        </label>
        <button type="button" onClick={copy} className="rounded-md bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800">Copy script</button>
        <button type="button" onClick={() => downloadText("capture-aws.sh", script, "text/x-shellscript")} className="rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-600">Download capture-aws.sh</button>
        <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {copied === "copied" ? "Copied." : copied === "failed" ? "The browser refused the clipboard: select the text below instead." : ""}
        </span>
      </div>
      <p id="region-help" className={`mt-1 text-sm ${valid ? "text-slate-600 dark:text-slate-400" : "text-red-700 dark:text-red-400"}`}>
        {valid ? "You can also pass another Region as the script's first argument." : `“${region}” is not a Region name such as us-east-1; the script will ask for one.`}
      </p>
      <pre className="mt-3 max-h-80 overflow-auto rounded-lg bg-slate-100 p-3 text-xs dark:bg-slate-900" aria-label="Capture script" tabIndex={0}>
        <code>{script}</code>
      </pre>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">What each command captures ({captureCommands.length} commands)</summary>
        <ul className="mt-2 space-y-1">
          {captureCommands.map((c) => (
            <li key={`${c.command}-${c.outputKey}`}>
              <code className="text-xs">{c.command}</code>
              {c.per ? <span className="text-slate-600 dark:text-slate-400"> (once per {c.per.replace(/-/g, " ")}, saved as {commandName(c)}.&lt;id&gt;.json)</span> : null}: {c.reads}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
