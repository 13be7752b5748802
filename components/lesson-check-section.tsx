import type { QuizQuestion } from "@/lib/course/lesson-frontmatter";
import { publicQuiz, type PublicQuizQuestion } from "@/lib/progress/lesson-check";
import { LessonCheckIsland } from "./lesson-check-island";
import { LessonCheckView } from "./lesson-check-view";
import { staticMarkup } from "./static-markup";

// A lesson's quiz changes only with a deploy (lessons are kept per process in production; an
// edit under `next dev` gives a new array): its first frame is rendered once and kept, like the
// lesson's prose and widgets (lesson-content.tsx), not on every request.
const firstFrames = new WeakMap<QuizQuestion[], { quiz: PublicQuizQuestion[]; html: string }>();

/**
 * The check at the end of a lesson as it arrives: its questions as static HTML (without the key
 * or the explanations), which the island replaces with the interactive check near the viewport.
 */
export function LessonCheckSection({ lessonSlug, quiz }: { lessonSlug: string; quiz: QuizQuestion[] }) {
  let frame = firstFrames.get(quiz);
  if (!frame) {
    const shown = publicQuiz(quiz);
    const html = staticMarkup([<LessonCheckView key="check" lessonSlug={lessonSlug} quiz={shown} answers={{}} graded={null} status={null} pending={false} completedAt={null} />]);
    frame = { quiz: shown, html };
    firstFrames.set(quiz, frame);
  }
  return (
    <LessonCheckIsland lessonSlug={lessonSlug} quiz={frame.quiz}>
      <div dangerouslySetInnerHTML={{ __html: frame.html }} />
    </LessonCheckIsland>
  );
}
