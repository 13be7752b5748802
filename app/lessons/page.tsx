import type { Metadata } from "next";
import { OutlineList } from "@/components/outline-list";
import { listLessons } from "@/lib/course/lessons";

export const metadata: Metadata = { title: "Course outline" };

export default async function OutlinePage() {
  const lessons = (await listLessons()).map(({ slug, order, title, summary, estimatedMinutes }) => ({ slug, order, title, summary, estimatedMinutes }));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Course outline</h1>
      <p className="text-slate-700 dark:text-slate-300">Take the lessons in order: each one builds on the ones before. Sign in to track your progress.</p>
      {lessons.length === 0 ? <p>No lessons are published yet.</p> : <OutlineList lessons={lessons} />}
    </div>
  );
}
