"use client";

import Link from "next/link";
import { useSession } from "next-auth/react";
import { SignOutButton } from "./sign-out-button";

/** Client-side so that every page can stay static: the session is read in the browser. */
export function SiteHeader() {
  const { data: session, status } = useSession();
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-bold tracking-tight text-sky-700 dark:text-sky-300">Reachable</Link>
        <Link href="/lessons" className="hover:underline">Course</Link>
        <Link href="/labs" className="hover:underline">Labs</Link>
        <Link href="/exams" className="hover:underline">Exams</Link>
        <Link href="/practice" className="hover:underline">Practice</Link>
        <Link href="/analyze" className="hover:underline">Analyze</Link>
        <Link href="/search" className="hover:underline">Search</Link>
        {user ? <Link href="/review" className="hover:underline">Review</Link> : null}
        {user ? <Link href="/dashboard" className="hover:underline">Dashboard</Link> : null}
        {user ? <Link href="/classes" className="hover:underline">Classes</Link> : null}
        {user?.role === "admin" ? <Link href="/admin/users" className="hover:underline">Users</Link> : null}
        <span className="ml-auto flex min-h-9 items-center gap-4">
          {status === "loading" ? null : user ? (
            <>
              <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-400">Signed in as {user.name}</span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="hover:underline">Sign in</Link>
              <Link href="/sign-up" className="rounded-md bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800">Sign up</Link>
            </>
          )}
        </span>
      </nav>
    </header>
  );
}
