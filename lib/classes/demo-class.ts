import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { loadLabs } from "@/lib/labs";
import { listLessons } from "@/lib/course/lessons";
import { generateJoinCode } from "./join-code";

export const DEMO_CLASS_ID = "demo-class-vpc-networking";
export const SYNTHETIC_LEARNERS = 12;
const DAY = 86_400_000;

/** The synthetic learners' accounts: no one can sign in as them (their password is a random secret nobody knows). */
export function syntheticLearner(i: number) {
  const n = String(i + 1).padStart(2, "0");
  return { email: `class-learner-${n}@reachable.test`, name: `Learner ${n} (synthetic)` };
}

/**
 * The demo instructor's class, with the demo learner and a dozen synthetic learners whose
 * progress varies from "done everything on time" to "behind and gone quiet", so a fresh
 * install shows a living matrix. Idempotent: a second run adds nothing and keeps the join code;
 * work is only made up for synthetic learners who have none yet.
 */
export async function seedDemoClass(instructorEmail: string, learnerEmail: string, now = new Date()): Promise<{ learners: number }> {
  const [instructor, learner] = await Promise.all([
    db.user.findUnique({ where: { email: instructorEmail }, select: { id: true } }),
    db.user.findUnique({ where: { email: learnerEmail }, select: { id: true } }),
  ]);
  if (!instructor || !learner) throw new Error(`seed the demo accounts (${instructorEmail}, ${learnerEmail}) before the demo class`);
  await db.classRoom.upsert({
    where: { id: DEMO_CLASS_ID },
    create: {
      id: DEMO_CLASS_ID,
      name: "VPC Networking — demo cohort",
      term: "Demo term",
      description: "A class the seed creates so the instructor tools have something to show: one demo learner and twelve synthetic ones.",
      joinCode: generateJoinCode(),
    },
    update: {},
  });
  await db.classInstructor.upsert({ where: { classId_userId: { classId: DEMO_CLASS_ID, userId: instructor.id } }, create: { classId: DEMO_CLASS_ID, userId: instructor.id }, update: {} });

  const [labs, lessons] = await Promise.all([loadLabs(), listLessons()]);
  const assigned = [
    ...lessons.slice(0, 3).map((l, i) => ({ kind: "lesson", ref: l.slug, dueAt: new Date(now.getTime() + [-12, -6, 5][i]! * DAY), minScore: null })),
    ...labs.slice(0, 3).map((l, i) => ({ kind: "lab", ref: l.slug, dueAt: new Date(now.getTime() + [-9, -2, 9][i]! * DAY), minScore: 80 })),
  ];
  for (const a of assigned) {
    await db.classAssignment.upsert({ where: { classId_kind_ref: { classId: DEMO_CLASS_ID, kind: a.kind, ref: a.ref } }, create: { classId: DEMO_CLASS_ID, ...a }, update: {} });
  }

  await db.classMember.upsert({ where: { classId_userId: { classId: DEMO_CLASS_ID, userId: learner.id } }, create: { classId: DEMO_CLASS_ID, userId: learner.id }, update: {} });
  const passwordHash = await hashPassword(randomUUID());
  for (let i = 0; i < SYNTHETIC_LEARNERS; i += 1) {
    const { email, name } = syntheticLearner(i);
    const user = await db.user.upsert({ where: { email }, create: { email, name, passwordHash, role: "learner" }, update: {}, select: { id: true } });
    await db.classMember.upsert({
      where: { classId_userId: { classId: DEMO_CLASS_ID, userId: user.id } },
      create: { classId: DEMO_CLASS_ID, userId: user.id, joinedAt: new Date(now.getTime() - 20 * DAY) },
      update: {},
    });
    const hasWork = (await db.labAttempt.count({ where: { userId: user.id } })) + (await db.lessonProgress.count({ where: { userId: user.id } })) > 0;
    if (hasWork) continue;
    // Learner i worked through the first 6 - i/2 assignments in due order (a lab left at 60% when it
    // is their last); every third learner hands in late; the last two went quiet.
    const done = 6 - Math.floor(i / 2);
    const quiet = i >= SYNTHETIC_LEARNERS - 2;
    const activeAt = new Date(now.getTime() - (quiet ? 10 + i : (i % 5) + 0.5) * DAY);
    let step = 0;
    for (const a of [...assigned].sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime())) {
      step += 1;
      if (step > done) break;
      const late = i % 3 === 2 && a.dueAt < now;
      const at = new Date(Math.min(activeAt.getTime(), a.dueAt.getTime() + (late ? 1 : -1) * DAY));
      if (a.kind === "lesson") {
        const score = 2 + ((i + step) % 3);
        await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: a.ref, startedAt: new Date(at.getTime() - (20 + 5 * i) * 60_000), completedAt: at, quizScore: score, quizTotal: 4 } });
      } else {
        const lab = labs.find((l) => l.slug === a.ref);
        const percent = step === done && i % 2 === 1 ? 60 : 100 - ((i * 7) % 20);
        await db.labAttempt.create({
          data: { userId: user.id, labSlug: a.ref, topology: JSON.stringify(lab?.start ?? {}), score: percent / 10, maxScore: 10, percent, results: "[]", createdAt: at },
        });
      }
    }
    await db.user.update({ where: { id: user.id }, data: { lastActiveAt: activeAt } });
  }
  return { learners: SYNTHETIC_LEARNERS + 1 };
}
