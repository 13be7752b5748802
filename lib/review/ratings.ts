/** The four ratings a learner gives a card after the reveal (FSRS grades 1–4). No dependencies: the browser imports it. */
export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];
export const RATING_LABELS: Record<RatingName, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
