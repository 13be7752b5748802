import type { Role } from "./roles";

/** Accounts the seed creates so a fresh install can be explored at once (listed in the README). */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; password: string; role: Role }> = [
  { email: "learner@reachable.test", name: "Lee Learner", password: "learn-vpc-2026", role: "learner" },
  { email: "instructor@reachable.test", name: "Ines Instructor", password: "teach-vpc-2026", role: "instructor" },
  { email: "admin@reachable.test", name: "Ada Admin", password: "admin-vpc-2026", role: "admin" },
];
