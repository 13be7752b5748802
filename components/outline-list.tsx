"use client";

import Link from "next/link";
import { useCompletedLessons } from "./use-progress";

type OutlineLesson = { slug: string; order: number; title: string; summary: string; estimatedMinutes: number };

export function OutlineList({ lessons }: { lessons: OutlineLesson[] }) {
  const completed = useCompletedLessons();
  return (
    <>
      {completed ? (
        <p role="status" className="font-medium">
          {lessons.filter((l) => completed.has(l.slug)).length} of {lessons.length} lessons completed
        </p>
      ) : null}
      <ol className="space-y-4">
        {lessons.map((lesson) => (
          <li key={lesson.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <h2 className="text-lg font-semibold">
              <Link href={`/lessons/${lesson.slug}`} className="hover:underline">
                <span className="mr-2 text-slate-500 dark:text-slate-400">{lesson.order}.</span>
                {lesson.title}
              </Link>
              {completed?.has(lesson.slug) ? (
                <span className="ml-3 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">Completed</span>
              ) : null}
            </h2>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{lesson.summary}</p>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">About {lesson.estimatedMinutes} minutes</p>
          </li>
        ))}
      </ol>
    </>
  );
}
