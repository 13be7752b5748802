/**
 * Classes: instructors run a cohort through the course (issue 11). Who may do what is decided
 * in lib/authz/rules/classes.ts; this module holds the data and the rules of progress.
 */
export { assignmentHref, loadCatalog, titleIn, type Catalog } from "./catalog";
export { gradebookCsv, gradebookFileName, gradebookJson, guardFormula, type GradebookJson } from "./gradebook";
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode, generateJoinCode, normalizeJoinCode } from "./join-code";
export { joinLimiters } from "./limiters";
export { loadLearnerDetail, type LearnerDetail, type LessonDetail } from "./learner-detail";
export { CLASS_PAGE_SIZE, pageWindow, type PageWindow } from "./paging";
export {
  AT_RISK_BEHIND,
  AT_RISK_INACTIVE_DAYS,
  MATRIX_SORTS,
  computeMatrix,
  filterRows,
  sortRows,
  type CellStatus,
  type ClassMatrix,
  type MatrixCell,
  type MatrixFilter,
  type MatrixRow,
  type MatrixSort,
  type SortDirection,
} from "./progress";
export { assignmentInputSchema, classDetailsSchema, idSchema, type ClassResult, type FieldErrors } from "./schemas";
export {
  addAssignment,
  addInstructorByEmail,
  createClass,
  getClassDetail,
  isClassMember,
  joinClassByCode,
  leaveClass,
  listClassesFor,
  loadClassFacts,
  loadClassMatrix,
  loadLearnerClasses,
  regenerateJoinCode,
  removeAssignment,
  removeInstructor,
  removeLearner,
  setClassArchived,
  updateAssignment,
  updateClassDetails,
  type ClassDetail,
  type ClassFacts,
  type ClassSummary,
  type JoinLimiters,
  type JoinOutcome,
  type LearnerClassView,
} from "./store";
