import { evaluateProbe, type ProbeVerdict } from "@/lib/course/evaluate-probes";
import { readAwsFiles, type DroppedFile, type FileReport } from "@/lib/network/aws/read-files";
import { matrixEndpoints, matrixRow, reviewFindings, type Finding, type MatrixCell, type MatrixEndpoint, type MatrixEndpointKind, type Topology } from "@/lib/network";

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
export type RowSummary = {
  index: number;
  source: MatrixEndpoint;
  cells: MatrixCell[];
  reachable: number;
  blocked: number;
  errors: number;
  /** Blocked cells by explanation code. */
  codes: Record<string, number>;
};

export type MatrixStart = { endpoints: MatrixEndpoint[]; total: number };

export type ExplainRequest = { source: string; destination: string; protocol: MatrixProtocol; port?: number };

const tagName = (tags: { key: string; value: string }[] | undefined) => tags?.find((t) => t.key === "Name")?.value || undefined;

function isDrawable(t: Topology): boolean {
  const boxes = t.subnets.length + t.instances.length + t.natGateways.length + t.vpcEndpoints.length + t.internetGateways.length + t.transitGateways.length + t.vpcPeeringConnections.length + t.loadBalancers.length;
  return t.vpcs.length <= DIAGRAM_LIMITS.vpcs && boxes <= DIAGRAM_LIMITS.boxes;
}

export function summarizeRow(index: number, source: MatrixEndpoint, cells: readonly MatrixCell[]): RowSummary {
  let reachable = 0;
  let blocked = 0;
  let errors = 0;
  const codes: Record<string, number> = {};
  for (const cell of cells) {
    if (cell.kind === "reachable") reachable += 1;
    else if (cell.kind === "blocked") {
      blocked += 1;
      const code = cell.code ?? "BLOCKED";
      codes[code] = (codes[code] ?? 0) + 1;
    } else if (cell.kind === "error") errors += 1;
  }
  return { index, source, cells: cells.slice(0, GRID_LIMIT), reachable, blocked, errors, codes };
}

/** Yields to the worker's message loop, so an explanation asked for mid-matrix is answered between rows. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

    /** The matrix, a row at a time: `onStart` once with the rows and columns, `onRow` per row. */
    async matrix(request: MatrixRequest, onStart: (start: MatrixStart) => void, onRow: (row: RowSummary) => void): Promise<{ rows: number }> {
      const t = topology;
      if (!t) return { rows: 0 };
      const endpoints = scopedEndpoints(request);
      onStart({ endpoints: endpoints.slice(0, GRID_LIMIT), total: endpoints.length });
      const options = { protocol: request.protocol, destinationPort: request.protocol === "tcp" || request.protocol === "udp" ? request.port : undefined };
      let since = performance.now();
      for (let i = 0; i < endpoints.length; i += 1) {
        const row = matrixRow(t, i, options, endpoints);
        onRow(summarizeRow(i, row.source, row.cells));
        if (performance.now() - since > 40) {
          await breathe();
          since = performance.now();
        }
      }
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
