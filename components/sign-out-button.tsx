"use client";

/**
 * next-auth's browser client (with the regenerator runtime it is compiled with, some 12 kB
 * gzipped) loads when the button is pressed: the header is on every page, and this import
 * would otherwise be part of every page's start-up JavaScript, signed in or not.
 */
async function signOutNow() {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/" });
}

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOutNow()} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
      Sign out
    </button>
  );
}
