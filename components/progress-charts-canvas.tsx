"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DomainPoint, TopicPoint } from "./progress-charts";

const COLORS = ["#0369a1", "#047857", "#b45309", "#7c3aed"];

type Props = { kind: "domains"; data: DomainPoint[]; domains: { id: string; name: string }[] } | { kind: "topics"; data: TopicPoint[] };

export default function ProgressChartsCanvas(props: Props) {
  if (props.kind === "domains") {
    return (
      <div role="img" aria-label="Line chart of accuracy by domain per week; the table beside it has the same numbers" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={props.data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" fontSize={12} />
            <YAxis domain={[0, 100]} unit="%" fontSize={12} />
            <Tooltip />
            <Legend />
            {props.domains.map((d, i) => (
              <Line key={d.id} type="monotone" dataKey={`d${d.id}`} name={`${d.id}. ${d.name}`} stroke={COLORS[i % COLORS.length]} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    );
  }
  return (
    <div role="img" aria-label="Bar chart of accuracy by topic, earlier and in the last four weeks; the table beside it has the same numbers" className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit="%" fontSize={12} />
          <YAxis type="category" dataKey="topic" width={150} fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="earlier" name="Before the last 4 weeks" fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="recent" name="Last 4 weeks" fill="#0369a1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
