"use client";

import { useEffect, useState } from "react";

/** Completed lesson slugs of the signed-in learner, or null while unknown or signed out. */
export function useCompletedLessons(): Set<string> | null {
  const [completed, setCompleted] = useState<Set<string> | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/progress")
      .then((r) => (r.ok ? r.json() : null))
      .then((data: { signedIn?: boolean; completed?: string[] } | null) => {
        if (!cancelled && data?.signedIn && Array.isArray(data.completed)) setCompleted(new Set(data.completed));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return completed;
}
