import Link from "next/link";
import { listLessons } from "@/lib/course/lessons";

export default async function HomePage() {
  const lessons = await listLessons();
  const minutes = lessons.reduce((sum, l) => sum + l.estimatedMinutes, 0);
  return (
    <div className="space-y-12">
      <section className="space-y-5 pt-6">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Learn how packets move through an AWS VPC.</h1>
        <p className="max-w-3xl text-lg text-slate-700 dark:text-slate-300">
          Reachable is a hands-on course on AWS VPC networking: subnets and route tables, internet and NAT gateways,
          security groups and network ACLs, endpoints and PrivateLink, peering, Transit Gateway, VPN, Direct Connect,
          Wavelength, Flow Logs, Traffic Mirroring and Global Accelerator. Every lesson has live scenarios: change a
          route or a rule and see at once what can reach what, and why.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/lessons" className="rounded-md bg-sky-700 px-5 py-2.5 font-medium text-white hover:bg-sky-800">See the course outline</Link>
          <Link href="/sign-up" className="rounded-md border border-slate-300 px-5 py-2.5 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">Create a free account</Link>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {lessons.length} lessons, about {Math.round(minutes / 60)} hours of reading, scenarios and checks.
        </p>
      </section>
      <section aria-labelledby="how" className="grid gap-6 sm:grid-cols-3">
        <h2 id="how" className="sr-only">How it works</h2>
        <div className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
          <h3 className="font-semibold">Lessons with live scenarios</h3>
          <p className="mt-2 text-slate-700 dark:text-slate-300">Toggle a route, a rule or an attachment and watch each probe turn reachable or blocked, hop by hop.</p>
        </div>
        <div className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
          <h3 className="font-semibold">A reachability analyzer</h3>
          <p className="mt-2 text-slate-700 dark:text-slate-300">The same evaluator answers &ldquo;can A reach B on this port?&rdquo; for your own account, offline, from <code>aws ec2 describe-*</code> output. <Link href="/analyze" className="text-sky-700 underline dark:text-sky-300">Analyze your network</Link>: it runs in your browser, nothing is uploaded.</p>
        </div>
        <div className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
          <h3 className="font-semibold">Checks and progress</h3>
          <p className="mt-2 text-slate-700 dark:text-slate-300">Every lesson ends with a short check. Sign in and your answers and progress are saved.</p>
        </div>
      </section>
    </div>
  );
}
