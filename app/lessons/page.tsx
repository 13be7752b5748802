import type { Metadata } from "next";
import Link from "next/link";
import { listLessons } from "@/lib/course/lessons";

export const metadata: Metadata = { title: "Course outline" };

export default async function OutlinePage() {
  const lessons = await listLessons();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Course outline</h1>
      <p className="text-slate-700 dark:text-slate-300">Take the lessons in order: each one builds on the ones before.</p>
      {lessons.length === 0 ? (
        <p>No lessons are published yet.</p>
      ) : (
        <ol className="space-y-4">
          {lessons.map((lesson) => (
            <li key={lesson.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <h2 className="text-lg font-semibold">
                <Link href={`/lessons/${lesson.slug}`} className="hover:underline">
                  <span className="mr-2 text-slate-500 dark:text-slate-400">{lesson.order}.</span>
                  {lesson.title}
                </Link>
              </h2>
              <p className="mt-1 text-slate-700 dark:text-slate-300">{lesson.summary}</p>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">About {lesson.estimatedMinutes} minutes</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
