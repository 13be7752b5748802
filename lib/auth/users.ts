import { z } from "zod";
import { db } from "@/lib/db";
import { parseRole, roleSchema, type Role } from "./roles";

export type UserListItem = { id: string; email: string; name: string; role: Role; createdAt: string; lastActiveAt: string | null };

const PAGE = 100;

/** Users for the administrators' page, newest first, optionally filtered by a name or email fragment. */
export async function listUsers(query = "", page = 0): Promise<{ users: UserListItem[]; total: number }> {
  const q = query.trim().slice(0, 100);
  const where = q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q } }] } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, orderBy: { createdAt: "desc" }, skip: page * PAGE, take: PAGE, select: { id: true, email: true, name: true, role: true, createdAt: true, lastActiveAt: true } }),
    db.user.count({ where }),
  ]);
  return {
    users: rows.map((u) => ({ ...u, role: parseRole(u.role), createdAt: u.createdAt.toISOString(), lastActiveAt: u.lastActiveAt?.toISOString() ?? null })),
    total,
  };
}

export const setRoleSchema = z.object({ userId: z.string().min(1).max(64), role: roleSchema });

export type SetRoleResult = { ok: true; name: string; role: Role } | { ok: false; error: string };

/**
 * Changes a user's role. An administrator cannot change their own (so the last one cannot lock
 * everybody out by mistake). Sessions are signed cookies: the change applies at the user's next
 * sign-in (docs/decisions/003-jwt-sessions.md).
 */
export async function setUserRole(actingUserId: string, input: unknown): Promise<SetRoleResult> {
  const parsed = setRoleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Choose a role: learner, instructor or admin." };
  if (parsed.data.userId === actingUserId) return { ok: false, error: "You cannot change your own role. Ask another administrator." };
  const { count } = await db.user.updateMany({ where: { id: parsed.data.userId }, data: { role: parsed.data.role } });
  if (count === 0) return { ok: false, error: "This user no longer exists." };
  const user = await db.user.findUnique({ where: { id: parsed.data.userId }, select: { name: true } });
  return { ok: true, name: user?.name ?? "The user", role: parsed.data.role };
}
