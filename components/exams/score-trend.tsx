"use client";

import { useEffect, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendPoint = { label: string; score: number };

/**
 * The scaled scores of finished attempts, oldest first, with the passing line. Drawn only in the
 * browser: Recharts sets inline styles, which the CSP (style-src-attr 'none') refuses in server
 * HTML but allows when set through the DOM. The table beside it carries the same numbers for
 * screen readers and for anyone who prefers them, so the chart is hidden from assistive
 * technology and kept out of the tab order (no accessibility layer).
 */
export function ScoreTrend({ points }: { points: TrendPoint[] }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <div className="h-60" aria-hidden="true" />;
  return (
    <div className="h-60 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={[100, 1000]} ticks={[100, 400, 750, 1000]} />
          <Tooltip />
          <ReferenceLine y={750} stroke="#059669" strokeDasharray="4 4" label="Pass 750" />
          <Line type="monotone" dataKey="score" name="Scaled score" stroke="#0369a1" strokeWidth={2} dot />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
