"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const WITH_ZONE: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };

/**
 * A UTC instant shown in the viewer's own time zone. The server does not know that zone, so it
 * renders UTC (marked as such) and the browser replaces it after hydration.
 */
export function LocalTime({ iso, withZone = false }: { iso: string; withZone?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    // dateStyle/timeStyle cannot be combined with timeZoneName (a RangeError), hence the fields.
    () => new Date(iso).toLocaleString(undefined, withZone ? WITH_ZONE : { dateStyle: "medium", timeStyle: "short" }),
    () => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
