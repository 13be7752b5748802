import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reachable: learn how packets move through an AWS VPC", template: "%s · Reachable" },
  description: "An interactive course, labs and quizzes on AWS VPC networking, with an offline reachability analyzer.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next can put this response's CSP nonce on its
  // scripts (proxy.ts; docs/decisions/007-security-headers-and-csp.md). A prerendered page would
  // carry no nonce and its scripts would be blocked.
  await connection();
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-sky-700 focus:px-3 focus:py-2 focus:text-white">
          Skip to content
        </a>
        <SiteHeader user={user} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          Reachable teaches AWS VPC networking. Not affiliated with Amazon Web Services. <Link prefetch={false} className="underline" href="/lessons">Course outline</Link>
        </footer>
      </body>
    </html>
  );
}
