"use client";

import { startTransition, useEffect, useState, type RefObject } from "react";

const INTERACTIONS = ["pointerdown", "focusin", "click", "change", "keydown"] as const;

export type IslandOptions = {
  /** Sees the learner's first interaction with the server's HTML, before the island goes live. */
  onInteract?: (event: Event) => void;
  /** True when the learner changed the server's HTML before React arrived: go live at once. */
  touchedBeforeReact?: (element: HTMLElement) => boolean;
};

/**
 * The interactive code of a server-rendered island, once loaded: `load` runs when the learner
 * touches the island, or when it comes within 400 px of the viewport and the browser is idle
 * (so the page's own start-up comes first). Until the code has arrived the server's HTML stays
 * on screen, and usable: there is no Suspense boundary, so the HTML is never streamed in twice
 * or swapped for a fallback copy, and a click on it is never lost (the island reads what the
 * learner changed when its code first renders). If the code cannot load, the HTML stays.
 * Pass stable callbacks (useCallback) and a module-level `load`.
 */
export function useIsland<T>(ref: RefObject<HTMLElement | null>, load: () => Promise<T>, { onInteract, touchedBeforeReact }: IslandOptions = {}): T | null {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  const active = loaded !== null;
  useEffect(() => {
    const element = ref.current;
    if (!element || active) return;
    let started = false;
    const activate = () => {
      if (started) return;
      started = true;
      load().then(
        (value) => startTransition(() => setLoaded({ value })),
        () => {
          started = false; // a failed chunk load: the next interaction tries again
        },
      );
    };
    if (touchedBeforeReact?.(element)) {
      activate();
      return;
    }
    const interact = (event: Event) => {
      onInteract?.(event);
      activate();
    };
    for (const type of INTERACTIONS) element.addEventListener(type, interact, { capture: true });
    let idle: number | undefined;
    let timer: number | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        if (typeof window.requestIdleCallback === "function") idle = window.requestIdleCallback(activate, { timeout: 2000 });
        else timer = window.setTimeout(activate, 200);
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(element);
    return () => {
      for (const type of INTERACTIONS) element.removeEventListener(type, interact, { capture: true });
      observer.disconnect();
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [ref, load, active, onInteract, touchedBeforeReact]);
  return loaded ? loaded.value : null;
}
