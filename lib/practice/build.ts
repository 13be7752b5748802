import { listQuestionTemplates } from "@/lib/questions/generated";
import { loadQuestionSources } from "./answer";
import { loadQuestion, type PracticeQuestionView, type QuestionRef } from "./questions";
import { listMissedQuestionKeys } from "./record";
import { selectPracticeSet, type PracticeFilters } from "./select";

/** A generated variant that cannot be built at its seed is replaced by the next seeds. */
const GENERATED_RETRIES = 3;

export type PracticeSet = { questions: PracticeQuestionView[]; notes: string[] };

/**
 * The questions of one practice set, as the browser may see them before answering. `userId`
 * is needed for "questions I missed" only.
 */
export async function buildPracticeSet(filters: PracticeFilters, userId: string | null, seed: number): Promise<PracticeSet> {
  const [sources, missed] = await Promise.all([loadQuestionSources(), filters.missed && userId ? listMissedQuestionKeys(userId) : Promise.resolve(new Set<string>())]);
  const selection = selectPracticeSet(filters, { bank: sources.bank, templates: listQuestionTemplates(), missed, seed });
  const questions: PracticeQuestionView[] = [];
  for (const ref of selection.refs) {
    const candidates: QuestionRef[] = ref.source === "generated" ? Array.from({ length: GENERATED_RETRIES }, (_, i) => ({ ...ref, seed: ref.seed + i })) : [ref];
    for (const candidate of candidates) {
      const loaded = loadQuestion(candidate, sources);
      if (loaded.ok) {
        questions.push(loaded.question.view);
        break;
      }
    }
  }
  const notes: string[] = [];
  if (questions.length < filters.count && questions.length > 0) {
    notes.push(`Only ${questions.length} question${questions.length === 1 ? "" : "s"} match${questions.length === 1 ? "es" : ""} these settings${filters.generated ? "" : "; include questions the evaluator writes for more"}.`);
  }
  return { questions, notes };
}
