import { upsertUser } from "@/lib/auth/credentials";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import { seedDemoClass } from "@/lib/classes/demo-class";
import { db } from "@/lib/db";

/** Idempotent: running it again resets the demo accounts' passwords and roles, keeps the demo class as it is, and touches nothing else. */
async function main() {
  for (const account of DEMO_ACCOUNTS) {
    await upsertUser(account);
  }
  console.log(`Seeded ${DEMO_ACCOUNTS.length} demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
  const instructor = DEMO_ACCOUNTS.find((a) => a.role === "instructor");
  const learner = DEMO_ACCOUNTS.find((a) => a.role === "learner");
  if (instructor && learner) {
    const { learners } = await seedDemoClass(instructor.email, learner.email);
    console.log(`Seeded the demo class of ${instructor.email} with ${learners} learners`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
