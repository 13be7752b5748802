"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A UTC instant shown in the viewer's own time zone. The server does not know that zone, so it
 * renders UTC (marked as such) and the browser replaces it after hydration.
 */
export function LocalTime({ iso, withZone = false }: { iso: string; withZone?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", ...(withZone ? { timeZoneName: "short" } : {}) }),
    () => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
