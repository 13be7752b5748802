import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getLessonState, lessonSlugSchema, listCompletedLessonSlugs } from "@/lib/progress/lesson-check";

export const dynamic = "force-dynamic";

/** The signed-in learner's progress, for static pages that show it in the browser. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ signedIn: false });
  const lesson = request.nextUrl.searchParams.get("lesson");
  const slug = lesson === null ? null : lessonSlugSchema.safeParse(lesson);
  if (slug && !slug.success) return NextResponse.json({ error: "The lesson parameter is not a lesson slug." }, { status: 400 });
  const [completed, state] = await Promise.all([listCompletedLessonSlugs(user.id), slug ? getLessonState(user.id, slug.data) : null]);
  return NextResponse.json({ signedIn: true, completed, lesson: state });
}
