import { upsertUser } from "@/lib/auth/credentials";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import { db } from "@/lib/db";

/** Idempotent: running it again resets the demo accounts' passwords and roles, and touches nothing else. */
async function main() {
  for (const account of DEMO_ACCOUNTS) {
    await upsertUser(account);
  }
  console.log(`Seeded ${DEMO_ACCOUNTS.length} demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
}

main()
  .catch((error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
