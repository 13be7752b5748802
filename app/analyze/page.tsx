import type { Metadata } from "next";
import { AnalyzeApp } from "@/components/analyze/analyze-app";
import { currentActor } from "@/lib/authz";

export const metadata: Metadata = {
  title: "Analyze your own network",
  description: "Drop your aws ec2 describe-* output and see what reaches what, what the internet reaches, and what to fix first. Nothing is uploaded.",
};

/** Public: the analysis runs in the browser; an account is needed only to save a snapshot. */
export default async function AnalyzePage() {
  const actor = await currentActor();
  return (
    <article>
      <h1 className="text-3xl font-bold tracking-tight">Analyze your own network</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        Capture your account with the AWS CLI, drop the files here, and the same evaluator the lessons use answers &ldquo;can A reach B on this port?&rdquo; for every pair, explains each answer hop by hop, and lists what a reviewer would want to fix first. It all runs in your browser: nothing is uploaded.
      </p>
      <AnalyzeApp signedIn={actor.kind === "user"} />
    </article>
  );
}
