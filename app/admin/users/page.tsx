import type { Metadata } from "next";
import { ActionForm } from "@/components/classes/action-form";
import { LocalTime } from "@/components/classes/local-time";
import { listUsers } from "@/lib/auth/users";
import { authorize, currentActor, enforceOnPage } from "@/lib/authz";
import { setRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  enforceOnPage(authorize("users.list", actor), "/admin/users");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const { users, total } = await listUsers(q);
  const me = actor.kind === "user" ? actor.user.id : "";
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Users</h1>
      <form method="get" className="flex items-end gap-3">
        <div>
          <label htmlFor="users-q" className="block font-medium">Find</label>
          <input id="users-q" name="q" defaultValue={q} placeholder="Name or email" className={input} />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600">Search</button>
      </form>
      <p role="status">{total} user{total === 1 ? "" : "s"}{users.length < total ? `, the newest ${users.length} shown` : ""}. A new role applies from the user&apos;s next sign-in.</p>
      <table className="min-w-full text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left dark:border-slate-700">
            <th scope="col" className="p-2">Name</th>
            <th scope="col" className="p-2">Email</th>
            <th scope="col" className="p-2">Joined</th>
            <th scope="col" className="p-2">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-slate-200 dark:border-slate-800" data-user={u.email}>
              <td className="p-2">{u.name}</td>
              <td className="p-2">{u.email}</td>
              <td className="p-2"><LocalTime iso={u.createdAt} /></td>
              <td className="p-2">
                {u.id === me ? (
                  <span>{u.role} (you)</span>
                ) : (
                  <ActionForm action={setRoleAction} submitLabel="Save role" variant="secondary" className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="userId" value={u.id} />
                    <label className="sr-only" htmlFor={`role-${u.id}`}>Role of {u.name}</label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role} className={input}>
                      <option value="learner">learner</option>
                      <option value="instructor">instructor</option>
                      <option value="admin">admin</option>
                    </select>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
