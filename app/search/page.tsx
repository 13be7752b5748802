import type { Metadata } from "next";
import { LessonSearch } from "@/components/lesson-search";
import { loadLessonSources } from "@/lib/course/lessons";
import { buildSearchDocuments } from "@/lib/course/search-index";

export const metadata: Metadata = { title: "Search the course" };

export default async function SearchPage() {
  const documents = buildSearchDocuments(await loadLessonSources());
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Search the course</h1>
      <LessonSearch documents={documents} />
    </div>
  );
}
