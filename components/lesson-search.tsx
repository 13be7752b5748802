"use client";

import MiniSearch from "minisearch";
import Link from "next/link";
import { useMemo, useState } from "react";
import type { SearchDocument } from "@/lib/course/search-index";

/** Full-text search over every lesson section, entirely in the browser. */
export function LessonSearch({ documents }: { documents: SearchDocument[] }) {
  const [query, setQuery] = useState("");
  const index = useMemo(() => {
    const search = new MiniSearch<SearchDocument>({
      fields: ["lessonTitle", "heading", "text"],
      storeFields: ["slug", "lessonTitle", "heading", "anchor", "text"],
      searchOptions: { boost: { lessonTitle: 3, heading: 2 }, prefix: true, fuzzy: 0.15, combineWith: "AND" },
    });
    search.addAll(documents);
    return search;
  }, [documents]);
  const results = useMemo(() => (query.trim().length < 2 ? [] : index.search(query).slice(0, 20)), [index, query]);
  const byId = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);

  return (
    <div className="space-y-4">
      <label htmlFor="lesson-search" className="block font-medium">Search lessons</label>
      <input
        id="lesson-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="for example: ephemeral ports, blackhole, CloudHub"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900"
        autoComplete="off"
      />
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {query.trim().length < 2 ? "Type at least two letters." : `${results.length} ${results.length === 1 ? "section matches" : "sections match"}.`}
      </p>
      <ul className="space-y-3">
        {results.map((r) => {
          const doc = byId.get(String(r.id));
          if (!doc) return null;
          return (
            <li key={doc.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
              <Link className="font-semibold text-sky-700 underline dark:text-sky-300" href={`/lessons/${doc.slug}${doc.anchor ? `#${doc.anchor}` : ""}`}>
                {doc.lessonTitle} — {doc.heading}
              </Link>
              <p className="mt-1 line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{snippet(doc.text, r.terms)}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function snippet(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), text.length);
  const start = at === text.length ? 0 : Math.max(0, at - 60);
  return `${start > 0 ? "…" : ""}${text.slice(start, start + 220)}…`;
}
