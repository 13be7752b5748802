/**
 * `matrix`: every instance to every instance as a table a person can scan,
 * with a legend numbering the columns.
 */

import type { MatrixCell } from "../index";

const symbol: Record<MatrixCell["kind"], string> = { self: "·", reachable: "✔", blocked: "✘", error: "?" };

export function formatMatrix(
  instances: { id: string; name?: string | undefined }[],
  cells: MatrixCell[][],
  query: { protocol: string; destinationPort?: number | undefined },
): string {
  const what = `${query.protocol}${query.destinationPort !== undefined ? ` port ${query.destinationPort}` : ""}`;
  if (instances.length === 0) return `Reachability matrix (${what}): the snapshot has no instances.\n`;
  const labels = instances.map((i, n) => `${n + 1}. ${i.id}${i.name ? ` (${i.name})` : ""}`);
  const width = Math.max(...labels.map((l) => l.length));
  const columnWidth = Math.max(3, String(instances.length).length + 1);
  const lines = [
    `Reachability matrix, ${what}: row = source, column = destination (✔ path found, ✘ blocked, · same instance)`,
    "",
    `${"".padEnd(width)}  ${instances.map((_, n) => String(n + 1).padStart(columnWidth)).join("")}`,
  ];
  cells.forEach((row, r) => {
    lines.push(`${(labels[r] ?? "").padEnd(width)}  ${row.map((cell) => symbol[cell.kind].padStart(columnWidth)).join("")}`);
  });
  const blocked = cells.flatMap((row, r) =>
    row.flatMap((cell, c) =>
      cell.kind === "blocked" || cell.kind === "error"
        ? [`  ${r + 1} → ${c + 1}: ${cell.kind === "blocked" ? `${cell.code ?? "BLOCKED"}${cell.message ? ` — ${cell.message}` : ""}` : `could not analyze: ${cell.message}`}`]
        : [],
    ),
  );
  if (blocked.length > 0) lines.push("", "Blocked:", ...blocked);
  lines.push(`\n${cells.flat().filter((c) => c.kind === "reachable").length} of ${instances.length * (instances.length - 1)} pairs reachable.`);
  return `${lines.join("\n")}\n`;
}
