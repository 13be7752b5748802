import type { QuestionSources, PracticeQuestionView, QuestionRef } from "@/lib/practice/questions";
import { loadQuestion } from "@/lib/practice/questions";
import { listQuestionTemplates } from "@/lib/questions/generated";
import { createRng } from "@/lib/questions/generated/prng";
import type { CardRow } from "./store";

/**
 * The question a card asks in the review queue. A template card asks a fresh variant each
 * time (its seed follows the card and its review count), so the learner recalls the rule.
 */
export function cardQuestionRef(card: Pick<CardRow, "id" | "refKind" | "refId" | "reps">, attempt = 0): QuestionRef | null {
  switch (card.refKind) {
    case "bank":
      return { source: "bank", id: card.refId };
    case "lesson-check": {
      const [lesson, id] = card.refId.split("/");
      return lesson && id ? { source: "lesson-check", lesson, id } : null;
    }
    case "template":
      return { source: "generated", templateId: card.refId, seed: createRng(`review/${card.id}/${card.reps}/${attempt}`).int(0, 999_999) };
    default:
      return card.refKind satisfies never;
  }
}

export type ReviewItem = { card: CardRow; question: PracticeQuestionView };

/** The questions of a review session; a card whose question no longer exists is left out. */
export function buildReviewSession(cards: readonly CardRow[], sources: QuestionSources): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const card of cards) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const ref = cardQuestionRef(card, attempt);
      const loaded = ref ? loadQuestion(ref, sources) : null;
      if (loaded?.ok) {
        items.push({ card, question: loaded.question.view });
        break;
      }
      if (card.refKind !== "template") break;
    }
  }
  return items;
}

/** A short title for a card in the queue listing. */
export function describeCard(card: Pick<CardRow, "refKind" | "refId">, sources: QuestionSources): string {
  const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);
  switch (card.refKind) {
    case "bank": {
      const q = sources.bank.find((b) => b.id === card.refId);
      return q ? clip(q.stem) : card.refId;
    }
    case "lesson-check": {
      const [lesson, id] = card.refId.split("/");
      const q = sources.lessons.find((l) => l.slug === lesson)?.quiz.find((x) => x.id === id);
      return q ? clip(q.prompt) : card.refId;
    }
    case "template": {
      const t = listQuestionTemplates().find((x) => x.id === card.refId);
      return t ? `${t.title} (a new variant each time)` : card.refId;
    }
    default:
      return card.refKind satisfies never;
  }
}
