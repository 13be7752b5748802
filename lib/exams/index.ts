/**
 * Timed exam simulations: the sets (kinds), the seeded draw, scoring on our estimated scale, the
 * answer-free question type the browser gets, and the attempts in the database (store).
 */
export { EXAM_KIND_IDS, EXAM_KINDS, examKind, isExamKindId, type ExamKind, type ExamKindId } from "./kinds";
export { allocateByWeight, drawExamQuestions, seededRandom } from "./draw";
export { PASS_RAW_FRACTION, SCALED_MAX, SCALED_MIN, SCALED_PASS, isAnswerCorrect, scaledScore, scoreExam, type ExamScore } from "./scoring";
export { toPublicQuestion, type PublicQuestion } from "./public-question";
export { formatDuration, remainingMs, systemClock, type Clock } from "./clock";
export {
  findExamAttemptOwner,
  getExamPlayer,
  getExamResult,
  listExamAttempts,
  saveAnswerInputSchema,
  saveExamAnswer,
  startExamAttempt,
  submitExamAttempt,
  type AttemptStatus,
  type ExamAttemptSummary,
  type ExamPlayerState,
  type ExamResult,
  type ExamReviewItem,
  type SaveAnswerInput,
  type SaveAnswerOutcome,
  type SavedAnswer,
} from "./store";
