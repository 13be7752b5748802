import { type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { privateJson } from "@/lib/http/route-guards";
import { getLessonState, lessonSlugSchema, listCompletedLessonSlugs } from "@/lib/progress/lesson-check";

export const dynamic = "force-dynamic";

/** The signed-in learner's progress, for pages that show it in the browser. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return privateJson({ signedIn: false });
  const lesson = request.nextUrl.searchParams.get("lesson");
  const slug = lesson === null ? null : lessonSlugSchema.safeParse(lesson);
  if (slug && !slug.success) return privateJson({ error: "The lesson parameter is not a lesson slug." }, { status: 400 });
  const [completed, state] = await Promise.all([listCompletedLessonSlugs(user.id), slug ? getLessonState(user.id, slug.data) : null]);
  return privateJson({ signedIn: true, completed, lesson: state });
}
