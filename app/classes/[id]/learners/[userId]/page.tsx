import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptTopology } from "@/components/classes/attempt-topology";
import { LocalTime } from "@/components/classes/local-time";
import { authorize, currentActor, enforceOnPage } from "@/lib/authz";
import { idSchema, isClassMember, loadCatalog, loadClassFacts, loadLearnerDetail } from "@/lib/classes";

export const metadata: Metadata = { title: "Learner" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; userId: string }> };

export default async function LearnerPage({ params }: Props) {
  const raw = await params;
  const classId = idSchema.safeParse(raw.id);
  const learnerId = idSchema.safeParse(raw.userId);
  if (!classId.success || !learnerId.success) notFound();
  const actor = await currentActor();
  const [facts, learnerIsMember] = await Promise.all([loadClassFacts(classId.data, actor.kind === "user" ? actor.user.id : null), isClassMember(classId.data, learnerId.data)]);
  enforceOnPage(authorize("class.learner.view", actor, { ...facts, learnerIsMember }), `/classes/${classId.data}/learners/${learnerId.data}`);
  const detail = await loadLearnerDetail(classId.data, learnerId.data, await loadCatalog());
  if (!detail) notFound();
  const { learner, attempts, lessons } = detail;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm"><Link className="underline" href={`/classes/${classId.data}`}>Back to the class</Link></p>
        <h1 className="text-3xl font-bold">{learner.name}</h1>
        <p className="text-slate-600 dark:text-slate-400">
          {learner.email} · joined <LocalTime iso={learner.joinedAt} /> · last active {learner.lastActiveAt ? <LocalTime iso={learner.lastActiveAt} /> : "never"}
        </p>
      </div>
      <section aria-labelledby="attempts-heading" className="space-y-4">
        <h2 id="attempts-heading" className="text-xl font-semibold">Lab attempts ({attempts.length})</h2>
        {attempts.length === 0 ? <p>No lab attempts yet.</p> : null}
        <ol className="space-y-4">
          {attempts.map((a) => {
            const failed = a.checks.filter((c) => !c.passed);
            return (
              <li key={a.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-attempt={a.id}>
                <h3 className="font-semibold">
                  {a.labTitle} — {Math.round(a.percent * 10) / 10}% <span className="text-sm font-normal text-slate-600 dark:text-slate-400">(<LocalTime iso={a.createdAt} withZone />)</span>
                </h3>
                <p className="text-sm">{a.score} of {a.maxScore} points; {failed.length === 0 ? "every check passed." : `${failed.length} check${failed.length === 1 ? "" : "s"} failed:`}</p>
                {failed.length > 0 ? (
                  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                    {failed.map((c) => (
                      <li key={c.id}>
                        <strong>{c.title}</strong>: {c.explanation}
                        {c.counterexample ? <span className="block text-slate-700 dark:text-slate-300">Counterexample: {c.counterexample.description}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <AttemptTopology json={a.topology} label={`Diagram of the topology ${learner.name} submitted for ${a.labTitle}`} />
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="lessons-heading" className="space-y-4">
        <h2 id="lessons-heading" className="text-xl font-semibold">Lessons and lesson checks</h2>
        {lessons.length === 0 ? <p>No lesson opened yet.</p> : null}
        <ul className="space-y-4">
          {lessons.map((l) => (
            <li key={l.lessonSlug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <h3 className="font-semibold">{l.title}</h3>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                Started <LocalTime iso={l.startedAt} />
                {l.completedAt ? <>, completed <LocalTime iso={l.completedAt} /> ({l.minutesToComplete} min from opening to finishing the check)</> : ", not completed"}
                {l.quizTotal ? ` · check ${l.quizScore ?? 0}/${l.quizTotal}` : ""}
              </p>
              {l.answers.length > 0 ? (
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                  {l.answers.map((a) => (
                    <li key={a.questionId}>
                      {a.prompt} — answered “{a.chosen}”: <strong>{a.correct ? "correct" : "wrong"}</strong>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
