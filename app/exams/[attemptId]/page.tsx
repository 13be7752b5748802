import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ExamPlayer } from "@/components/exams/exam-player";
import { authorize, currentActor, deny, enforceOnPage } from "@/lib/authz";
import { findExamAttemptOwner, getExamPlayer, systemClock } from "@/lib/exams";

export const metadata: Metadata = { title: "Exam in progress" };

type Props = { params: Promise<{ attemptId: string }> };

/** The question player: only the answer-free PublicQuestion list reaches the client component. */
export default async function ExamAttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const path = `/exams/${attemptId}`;
  const actor = await currentActor();
  enforceOnPage(authorize("exams.view", actor), path);
  const owner = await findExamAttemptOwner(attemptId);
  enforceOnPage(owner ? authorize("exam.attempt.take", actor, owner) : deny(404, "This exam attempt does not exist."), path);
  if (actor.kind !== "user") return null;
  const now = systemClock();
  const state = await getExamPlayer(actor.user.id, attemptId, now);
  enforceOnPage(state ? { allowed: true } : deny(404, "This exam attempt does not exist."), path);
  if (!state) return null;
  if (state.status === "finished") redirect(`${path}/result`);
  return (
    <ExamPlayer
      attemptId={state.attempt.id}
      title={state.attempt.title}
      questions={state.questions}
      initialAnswers={state.answers}
      deadline={state.attempt.deadline.getTime()}
      serverNow={now.getTime()}
    />
  );
}
