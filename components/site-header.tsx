import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

/**
 * Rendered on the server with the page (every page is rendered per request for its CSP nonce),
 * so the header arrives complete: no session request after load, no sign-in links appearing
 * late and moving the page, and nothing for the browser to hydrate but the sign-out button.
 * No prefetching: every page is rendered per request, so a prefetch brings only the route's
 * shell, and on a lesson the header's links cost a phone some 16 requests and their processing
 * while the page starts (docs/benchmarks.md, "Lesson pages: Lighthouse").
 */
export function SiteHeader({ user }: { user: CurrentUser | null }) {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 sm:px-6">
        <Link prefetch={false} href="/" className="text-lg font-bold tracking-tight text-sky-700 dark:text-sky-300">Reachable</Link>
        <Link prefetch={false} href="/lessons" className="hover:underline">Course</Link>
        <Link prefetch={false} href="/labs" className="hover:underline">Labs</Link>
        <Link prefetch={false} href="/exams" className="hover:underline">Exams</Link>
        <Link prefetch={false} href="/practice" className="hover:underline">Practice</Link>
        <Link prefetch={false} href="/analyze" className="hover:underline">Analyze</Link>
        <Link prefetch={false} href="/search" className="hover:underline">Search</Link>
        {user ? <Link prefetch={false} href="/review" className="hover:underline">Review</Link> : null}
        {user ? <Link prefetch={false} href="/dashboard" className="hover:underline">Dashboard</Link> : null}
        {user ? <Link prefetch={false} href="/classes" className="hover:underline">Classes</Link> : null}
        {user?.role === "admin" ? <Link prefetch={false} href="/admin/users" className="hover:underline">Users</Link> : null}
        <span className="ml-auto flex min-h-9 items-center gap-4">
          {user ? (
            <>
              <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-400">Signed in as {user.name}</span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link prefetch={false} href="/sign-in" className="hover:underline">Sign in</Link>
              <Link prefetch={false} href="/sign-up" className="rounded-md bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800">Sign up</Link>
            </>
          )}
        </span>
      </nav>
    </header>
  );
}
