"use client";

import { getMDXComponent } from "mdx-bundler/client";
import { useMemo } from "react";
import { Callout } from "./mdx-components";

/** Renders a lesson compiled by mdx-bundler at build time. */
export function LessonContent({ code }: { code: string }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return <Component components={{ Callout }} />;
}
