import { z } from "zod";

export const roleSchema = z.enum(["learner", "instructor", "admin"]);
export type Role = z.infer<typeof roleSchema>;

/** Roles are stored as strings (portable across SQLite and PostgreSQL); anything unknown is read as the least privileged. */
export function parseRole(value: unknown): Role {
  const parsed = roleSchema.safeParse(value);
  return parsed.success ? parsed.data : "learner";
}
