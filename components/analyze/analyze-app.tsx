"use client";

import { useMemo, useState } from "react";
import type { DroppedFile } from "@/lib/network/aws/read-files";
import type { MatrixEndpoint } from "@/lib/network";
import type { ProbeVerdict } from "@/lib/course/evaluate-probes";
import { DIAGRAM_LIMITS } from "@/lib/analyze/session";
import { TopologyDiagram } from "@/components/topology-figure";
import { CaptureScript } from "./capture-script";
import { FindingsList } from "./findings-list";
import { MatrixPanel } from "./matrix-panel";
import { SavedSnapshots } from "./saved-snapshots";
import { SnapshotFiles } from "./snapshot-files";
import { useAnalyzer } from "./use-analyzer";

type Explanation = { source: string; destination: string; verdict: ProbeVerdict | undefined; error?: string };

/**
 * The analyze page: capture script, files, then what the worker finds. Everything after the
 * files runs in this tab.
 */
export function AnalyzeApp({ signedIn }: { signedIn: boolean }) {
  const { state, setFiles, startMatrix, cancelMatrix, explain } = useAnalyzer();
  const [files, setFileList] = useState<DroppedFile[]>([]);
  const [explanation, setExplanation] = useState<Explanation | undefined>(undefined);

  function changeFiles(next: DroppedFile[]) {
    setFileList(next);
    setExplanation(undefined);
    void setFiles(next);
  }

  async function explainCell(source: MatrixEndpoint, destination: MatrixEndpoint) {
    const m = state.matrix;
    if (!m) return;
    setExplanation({ source: source.id, destination: destination.id, verdict: undefined });
    try {
      const verdict = await explain({ source: source.id, destination: destination.id, protocol: m.request.protocol, port: m.request.port });
      setExplanation((e) => (e?.source === source.id && e.destination === destination.id ? { ...e, verdict } : e));
    } catch (error) {
      setExplanation({ source: source.id, destination: destination.id, verdict: undefined, error: `Could not explain this cell: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  const highlight = useMemo(() => (explanation?.verdict ? new Set(explanation.verdict.pathIds) : undefined), [explanation]);
  const summary = state.load?.summary;
  const fileNames = useMemo(() => files.map((f) => f.name), [files]);

  return (
    <div>
      <CaptureScript />
      <SnapshotFiles files={files} reports={state.load?.files} general={state.load?.general} onChange={changeFiles} />
      <SavedSnapshots signedIn={signedIn} files={files} onOpen={(opened) => changeFiles(opened)} />
      {state.status === "reading" ? <p role="status" className="mt-4">Reading {files.length} files…</p> : null}
      {state.error ? <p role="alert" className="mt-4 text-red-700 dark:text-red-400">{state.error}</p> : null}

      {summary ? (
        <>
          <section aria-labelledby="network-heading" className="mt-10">
            <h2 id="network-heading" className="text-xl font-semibold">3. Your network</h2>
            <p className="mt-2" data-testid="snapshot-summary">
              {summary.vpcs.length} VPCs, {summary.subnets} subnets, {summary.instances} instances, {summary.interfaces} network interfaces, {summary.securityGroups} security groups, {summary.transitGateways} transit gateways, {summary.peerings} peering connections.
            </p>
            {state.load?.drawable ? (
              <TopologyDiagram topology={state.load.drawable} highlight={highlight} label={explanation?.verdict ? `Your network; the path from ${explanation.source} to ${explanation.destination} is highlighted.` : "Your network, as the lessons draw it."} />
            ) : (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Too large to draw legibly (more than {DIAGRAM_LIMITS.vpcs} VPCs or {DIAGRAM_LIMITS.boxes} resources): the matrix and findings below cover all of it.</p>
            )}
          </section>
          <FindingsList findings={state.findings} status={state.findingsStatus} fileNames={fileNames} />
          <MatrixPanel vpcs={summary.vpcs} matrix={state.matrix} onStart={(r) => void startMatrix(r)} onCancel={cancelMatrix} onExplain={(s, d) => void explainCell(s, d)} explanation={explanation} />
        </>
      ) : null}
    </div>
  );
}
