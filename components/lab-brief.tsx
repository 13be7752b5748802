"use client";

import { getMDXComponent } from "mdx-bundler/client";
import { useMemo } from "react";
import { Callout } from "./mdx-components";

/** A lab's brief, compiled by mdx-bundler on the server; briefs use only `<Callout>`. */
export function LabBrief({ code }: { code: string }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return <Component components={{ Callout }} />;
}
