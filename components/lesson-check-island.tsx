"use client";

import { useCallback, useRef, type ReactNode } from "react";
import type { PublicQuizQuestion } from "@/lib/progress/lesson-check";
import { useIsland } from "./use-island";

const loadCheck = () => import("./lesson-check").then((m) => m.LessonCheck);

/**
 * The lesson check as the server rendered it (`children`), replaced by the interactive check
 * when the learner scrolls near it or touches it. Options picked before then, even before any
 * JavaScript ran, carry over.
 */
export function LessonCheckIsland({ lessonSlug, quiz, children }: { lessonSlug: string; quiz: PublicQuizQuestion[]; children: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const touchedBeforeReact = useCallback((element: HTMLElement) => element.querySelector("input[type=radio]:checked") !== null, []);
  const LessonCheck = useIsland(wrapper, loadCheck, { touchedBeforeReact });

  // Read while the check renders for the first time, when the server's HTML is still on screen.
  const pickedBeforeLoad = useCallback((): Record<string, number> => {
    const answers: Record<string, number> = {};
    for (const question of quiz) {
      const checked = wrapper.current?.querySelector<HTMLInputElement>(`input[name="${CSS.escape(question.id)}"]:checked`);
      if (checked) answers[question.id] = Number(checked.value);
    }
    return answers;
  }, [quiz]);

  return (
    <div ref={wrapper} data-lesson-check={LessonCheck ? "live" : "static"}>
      {LessonCheck ? <LessonCheck lessonSlug={lessonSlug} quiz={quiz} pickedBeforeLoad={pickedBeforeLoad} /> : children}
    </div>
  );
}
