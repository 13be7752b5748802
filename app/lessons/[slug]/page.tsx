import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonCheckSection } from "@/components/lesson-check-section";
import { LessonContent } from "@/components/lesson-content";
import { compileLesson } from "@/lib/course/compile-lesson";
import { findLesson, listLessons } from "@/lib/course/lessons";
import { scenarioNamesIn } from "@/lib/course/scenario";
import { loadScenarios } from "@/lib/course/scenarios";

// The lesson list makes any other slug a 404. Pages are still rendered per request (the CSP
// nonce, app/layout.tsx); the compiled lesson is kept per process (lib/course/compile-lesson.ts).
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listLessons()).map((l) => ({ slug: l.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await findLesson((await params).slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  const lesson = await findLesson(slug);
  if (!lesson) notFound();
  const lessons = await listLessons();
  const index = lessons.findIndex((l) => l.slug === slug);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const [{ code, toc }, scenarios] = await Promise.all([compileLesson(lesson), loadScenarios(scenarioNamesIn(lesson.body))]);

  return (
    <div className="lg:grid lg:grid-cols-[1fr_14rem] lg:gap-10">
      <article className="min-w-0">
        <p className="text-sm text-slate-600 dark:text-slate-400">Lesson {lesson.order} · about {lesson.estimatedMinutes} minutes</p>
        <h1 className="mt-1 text-3xl font-bold sm:text-4xl">{lesson.title}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{lesson.summary}</p>
        <section aria-labelledby="objectives" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 id="objectives" className="font-semibold">You will be able to</h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {lesson.objectives.map((o) => <li key={o}>{o}</li>)}
          </ul>
        </section>
        <div className="prose-lesson mt-6">
          <LessonContent code={code} scenarios={scenarios} />
        </div>
        <LessonCheckSection lessonSlug={lesson.slug} quiz={lesson.quiz} />
        <p className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          Ready for exam-style questions on this topic?{" "}
          <Link className="font-medium text-sky-700 underline dark:text-sky-300" href={`/practice?lesson=${lesson.slug}`}>Practise {lesson.title}</Link>
        </p>
        <nav aria-label="Lessons" className="mt-12 flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
          {previous ? <Link rel="prev" className="underline" href={`/lessons/${previous.slug}`}>← {previous.title}</Link> : <span />}
          {next ? <Link rel="next" className="underline" href={`/lessons/${next.slug}`}>{next.title} →</Link> : <span />}
        </nav>
      </article>
      {toc.length > 0 ? (
        <nav aria-label="On this page" className="hidden lg:block">
          <div className="sticky top-6 text-sm">
            <p className="font-semibold">On this page</p>
            <ul className="mt-2 space-y-1">
              {toc.map((entry) => (
                <li key={entry.id} className={entry.depth === 3 ? "pl-3" : undefined}>
                  <a className="text-slate-700 hover:underline dark:text-slate-300" href={`#${entry.id}`}>{entry.text}</a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
