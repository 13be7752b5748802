import { evaluateProbe, type ProbeVerdict } from "@/lib/course/evaluate-probes";
import { readAwsFiles, type DroppedFile, type FileReport } from "@/lib/network/aws/read-files";
import { matrixEndpoints, matrixRowTally, reviewFindings, type Finding, type MatrixEndpoint, type MatrixEndpointKind, type MatrixRowTally, type Topology } from "@/lib/network";
import { createRowBatcher, type RowBatch } from "./matrix-batch";

/**
 * What the analyze page's web worker does, as plain functions over one loaded snapshot, so it
 * is tested without a worker (`session.test.ts`) and `analyze.worker.ts` only exposes it
 * through comlink. Nothing here touches the network or the DOM: the files a person drops are
 * read, analysed and reviewed in their browser.
 */

/** The matrix grid shows this many rows and columns; the counts cover every cell. */
export const GRID_LIMIT = 50;

/** Above this size the diagram would be unreadable (and React Flow slow): the page says so instead. */
export const DIAGRAM_LIMITS = { vpcs: 12, boxes: 250 } as const;

export type MatrixProtocol = "tcp" | "udp" | "icmp" | "all";

export type MatrixRequest = {
  protocol: MatrixProtocol;
  /** TCP and UDP only. */
  port?: number;
  endpoints: MatrixEndpointKind;
  /** Only endpoints in this VPC, as sources and destinations; every VPC when undefined. */
  vpcId?: string;
};

export type LoadResult = {
  files: FileReport[];
  general: { severity: "error" | "warning"; message: string }[];
  /** Undefined when nothing could be read. */
  summary?: {
    vpcs: { id: string; name: string | undefined }[];
    subnets: number;
    instances: number;
    interfaces: number;
    securityGroups: number;
    transitGateways: number;
    peerings: number;
  };
  /** The topology, for the diagram, when it is small enough to draw. */
  drawable?: Topology;
};

/** One row as the page shows it: counts for every cell, cells for the first `GRID_LIMIT` columns only. */
export type RowSummary = Omit<MatrixRowTally, "analyses">;

export type MatrixStart = { endpoints: MatrixEndpoint[]; total: number };

export type ExplainRequest = { source: string; destination: string; protocol: MatrixProtocol; port?: number };

const tagName = (tags: { key: string; value: string }[] | undefined) => tags?.find((t) => t.key === "Name")?.value || undefined;

function isDrawable(t: Topology): boolean {
  const boxes = t.subnets.length + t.instances.length + t.natGateways.length + t.vpcEndpoints.length + t.internetGateways.length + t.transitGateways.length + t.vpcPeeringConnections.length + t.loadBalancers.length;
  return t.vpcs.length <= DIAGRAM_LIMITS.vpcs && boxes <= DIAGRAM_LIMITS.boxes;
}

/** Yields to the worker's message loop, so an explanation asked for mid-matrix is answered between rows. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How often the worker sends the rows it computed: about ten times a second, whatever the snapshot's size. */
export const BATCH_MS = 100;

export function createAnalyzeSession() {
  let topology: Topology | undefined;

  function scopedEndpoints(request: MatrixRequest): MatrixEndpoint[] {
    if (!topology) return [];
    const all = matrixEndpoints(topology, request.endpoints);
    return request.vpcId ? all.filter((e) => e.vpcId === request.vpcId) : all;
  }

  return {
    /** Read the dropped files; each bad one is reported with its name, the good ones are used. */
    load(files: DroppedFile[]): LoadResult {
      const read = readAwsFiles(files);
      topology = read.topology;
      if (!topology) return { files: read.files, general: read.general };
      const t = topology;
      return {
        files: read.files,
        general: read.general,
        summary: {
          vpcs: t.vpcs.map((v) => ({ id: v.vpcId, name: tagName(v.tags) })),
          subnets: t.subnets.length,
          instances: t.instances.length,
          interfaces: t.networkInterfaces.length,
          securityGroups: t.securityGroups.length,
          transitGateways: t.transitGateways.length,
          peerings: t.vpcPeeringConnections.length,
        },
        drawable: isDrawable(t) ? t : undefined,
      };
    },

    /** Every finding, most severe (internet exposure) first. */
    findings(): Finding[] {
      return topology ? reviewFindings(topology) : [];
    },

    /**
     * The matrix, in batches of rows (`matrix-batch.ts`): `onStart` once with the rows and
     * columns, `onBatch` with the first row at once, then every `BATCH_MS` and with the last.
     * Each batch is awaited: through comlink, until the page has taken it, so the worker never
     * runs ahead of a busy page and every batch has arrived when this returns.
     */
    async matrix(request: MatrixRequest, onStart: (start: MatrixStart) => void | Promise<void>, onBatch: (batch: RowBatch) => void | Promise<void>): Promise<{ rows: number }> {
      const t = topology;
      if (!t) return { rows: 0 };
      const endpoints = scopedEndpoints(request);
      await onStart({ endpoints: endpoints.slice(0, GRID_LIMIT), total: endpoints.length });
      const options = { protocol: request.protocol, destinationPort: request.protocol === "tcp" || request.protocol === "udp" ? request.port : undefined };
      const batcher = createRowBatcher(GRID_LIMIT);
      let sent = performance.now();
      for (let i = 0; i < endpoints.length; i += 1) {
        batcher.add(matrixRowTally(t, i, options, endpoints, GRID_LIMIT));
        if (i === 0 || performance.now() - sent > BATCH_MS) {
          const batch = batcher.take();
          if (batch) await onBatch(batch);
          // A plain callback (the tests') returns at once: still let an explanation through.
          await breathe();
          sent = performance.now();
        }
      }
      const last = batcher.take();
      if (last) await onBatch(last);
      return { rows: endpoints.length };
    },

    /** The hop-by-hop explanation of one cell, as the lesson widgets show a probe. */
    explain(request: ExplainRequest): ProbeVerdict {
      const probe = {
        label: `${request.source} → ${request.destination}`,
        source: request.source,
        destination: request.destination,
        protocol: request.protocol,
        destinationPort: request.protocol === "tcp" || request.protocol === "udp" ? request.port : undefined,
      };
      if (!topology) return { probe, status: "error", explanations: [{ code: "NO_SNAPSHOT", message: "No snapshot is loaded: drop your files first." }], forward: [], returnPath: [], pathIds: [], flowLogRecords: [], mirroredCopies: [] };
      return evaluateProbe(topology, probe);
    },
  };
}

export type AnalyzeSession = ReturnType<typeof createAnalyzeSession>;
