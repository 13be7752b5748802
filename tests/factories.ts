import { randomUUID } from "node:crypto";

/** Unique, valid sign-up data, so tests never collide with each other or with the seed. */
export function newUserInput(overrides: Partial<{ name: string; email: string; password: string }> = {}) {
  const id = randomUUID().slice(0, 8);
  return { name: `Test Learner ${id}`, email: `learner-${id}@example.test`, password: `subnet-${id}-route!`, ...overrides };
}
