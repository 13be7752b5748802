import { AddressTable, formatIp, parseCidr, type Cidr } from "../ip";
import { indexTopology, type IndexedInterface, type IndexedTopology } from "../model/indexed-topology";
import type { Topology } from "../model/topology";
import { analysisQuerySchema, analyzeIndexed, type AnalysisQuery, type AnalysisResult } from "./analyze";
import type { ExplanationCode } from "./explanations";

/**
 * Many questions over one topology, indexed once: the lesson widgets and
 * the grader ask a handful of probes at every edit, the CLI's matrix asks
 * every instance about every other, and the analyze page streams a matrix
 * row by row from a web worker (`matrixRows`), with progress and cancel
 * between rows.
 */

export interface MatrixEntry {
  query: AnalysisQuery;
  result: AnalysisResult;
}

export function reachabilityMatrix(topology: Topology, probes: readonly AnalysisQuery[]): MatrixEntry[] {
  const index = indexTopology(topology);
  return probes.map((query) => {
    const parsed = analysisQuerySchema.safeParse(query);
    if (!parsed.success) {
      return { query, result: { ok: false, errorCode: "INVALID_QUERY", error: parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "query"}: ${i.message}`).join("; ") } };
    }
    return { query, result: analyzeIndexed(index, parsed.data) };
  });
}

export type MatrixCell = { kind: "self" } | { kind: "reachable" } | { kind: "blocked"; code: ExplanationCode | undefined; message: string | undefined } | { kind: "error"; message: string };

/** What the rows and columns of a matrix are: running instances, or every network interface (instances', NAT gateways', endpoints', …). */
export type MatrixEndpointKind = "instances" | "interfaces";

export interface MatrixEndpoint {
  /** The id a query names: an instance id, or a network interface id. */
  id: string;
  type: "instance" | "network-interface";
  /** The Name tag, when there is one. */
  name: string | undefined;
  vpcId: string;
  subnetId: string;
  /** The primary private address the matrix probes. */
  address: string;
}

export interface MatrixOptions {
  protocol?: AnalysisQuery["protocol"];
  destinationPort?: number;
  endpoints?: MatrixEndpointKind;
}

export interface MatrixRow {
  /** Row number, the index of `source` in the endpoints. */
  index: number;
  source: MatrixEndpoint;
  /** `cells[j]`: from `source` to `endpoints[j]`. */
  cells: MatrixCell[];
  /** How many analyses the row ran (destinations sharing a class share one). */
  analyses: number;
}

/** The rows and columns of a matrix, in a stable order (the topology's). */
export function matrixEndpoints(topology: Topology, kind: MatrixEndpointKind = "instances"): MatrixEndpoint[] {
  const index = indexTopology(topology);
  const name = (tags: { key: string; value: string }[] | undefined) => tags?.find((t) => t.key === "Name")?.value || undefined;
  if (kind === "instances") {
    return topology.instances.flatMap((i) => {
      const iface = index.interfacesOfInstance.get(i.instanceId)?.[0];
      if (i.state !== "running" || !iface) return [];
      return [{ id: i.instanceId, type: "instance" as const, name: name(i.tags), vpcId: iface.vpcId, subnetId: iface.subnetId, address: formatIp(iface.primaryIp) }];
    });
  }
  const tagsOf = new Map(topology.networkInterfaces.map((e) => [e.networkInterfaceId, e.tags]));
  return [...index.interfaces.values()]
    .filter((i) => i.usable)
    .map((i) => ({ id: i.id, type: "network-interface" as const, name: name(tagsOf.get(i.id) ?? (i.ownerId ? index.instances.get(i.ownerId)?.tags : undefined)), vpcId: i.vpcId, subnetId: i.subnetId, address: formatIp(i.primaryIp) }));
}

/**
 * Interfaces a row may answer for together: each needs one full analysis
 * per class and row. Two interfaces share a class when nothing the
 * evaluator reads tells them apart for a packet from elsewhere: an
 * instance's (or plain) interface no other resource names (no route to it,
 * no load balancer target, no Elastic IP), usable, same VPC, route table,
 * network ACL, zone, security groups and source/destination check, in subnets that
 * every CIDR block of the topology (routes, rules, prefix lists, peering
 * and VPC blocks…) treats alike — none falls inside either subnet, and the
 * same ones contain both — and holding an address no other interface holds.
 * A destination in the source's own subnet is in a class of its own (no
 * network ACL between them). `matrix.test.ts` checks every cell against
 * `analyze` on many topologies.
 */
interface MatrixClasses {
  keyOf: Map<string, string | undefined>;
}

/** Every CIDR block the topology names, each with the subnet it is the block of (subnets' own blocks) or none. */
function cidrsOf(topology: Topology): { cidr: Cidr; subnetId: string | undefined }[] {
  const found: { cidr: Cidr; subnetId: string | undefined }[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      if (value.includes("/")) {
        const cidr = parseCidr(value);
        if (cidr) found.push({ cidr, subnetId: undefined });
      }
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value && typeof value === "object") {
      for (const v of Object.values(value)) walk(v);
    }
  };
  for (const [collection, list] of Object.entries(topology)) if (collection !== "subnets") walk(list);
  for (const s of topology.subnets) {
    for (const text of [s.cidrBlock, s.ipv6CidrBlock]) {
      const cidr = text ? parseCidr(text) : undefined;
      if (cidr) found.push({ cidr, subnetId: s.subnetId });
    }
    const { cidrBlock: _v4, ipv6CidrBlock: _v6, ...rest } = s;
    walk(rest);
  }
  return found;
}

function matrixClasses(index: IndexedTopology): MatrixClasses {
  const cached = index.cache.get("matrix:classes");
  if (cached) return cached as MatrixClasses;
  const cidrs = cidrsOf(index.topology);
  const all = new AddressTable<string | undefined>();
  for (const c of cidrs) all.add(c.cidr, c.subnetId);
  const subnets = new AddressTable<string>();
  for (const [subnetId, prefix] of index.subnetPrefix) subnets.add(prefix, subnetId);
  for (const [subnetId, prefix] of index.subnetPrefix6) subnets.add(prefix, subnetId);
  // A block inside a subnet tells its addresses apart: that subnet has no class.
  const divided = new Set<string>();
  for (const { cidr } of cidrs) for (const m of subnets.lookupAll(cidr.network)) if (m.cidr.length < cidr.length) for (const id of m.values) divided.add(id);
  // The blocks that contain a subnet, as many times as they are named, but for the subnet's own block:
  // subnets with the same ones are treated alike by every route, rule and subnet lookup of any VPC.
  const signature = new Map<string, string | undefined>();
  for (const [subnetId, prefix] of index.subnetPrefix) {
    if (divided.has(subnetId)) {
      signature.set(subnetId, undefined);
      continue;
    }
    const containing = all.lookupAll(prefix.network).filter((m) => m.cidr.length <= prefix.length);
    const counted = containing.map((m) => [`${m.cidr.network}/${m.cidr.length}`, m.values.filter((owner) => owner !== subnetId).length] as const);
    signature.set(subnetId, counted.filter(([, n]) => n > 0).map(([cidr, n]) => `${cidr}×${n}`).join(","));
  }
  // An interface or instance another resource names (a route to it, a load balancer target, an Elastic IP)
  // is treated apart from its neighbours.
  const named = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === "string") named.add(value);
    else if (Array.isArray(value)) for (const v of value) collect(v);
    else if (value && typeof value === "object") for (const v of Object.values(value)) collect(v);
  };
  for (const [collection, list] of Object.entries(index.topology)) if (collection !== "instances" && collection !== "networkInterfaces") collect(list);
  const keyOf = new Map<string, string | undefined>();
  for (const iface of index.interfaces.values()) {
    const sig = signature.get(iface.subnetId);
    const subnet = index.subnets.get(iface.subnetId);
    const alone = (index.interfacesByIp.get(iface.primaryIp) ?? []).length === 1;
    const plain = (iface.kind === "instance" || iface.kind === "other") && !named.has(iface.id) && !(iface.ownerId !== undefined && named.has(iface.ownerId));
    if (sig === undefined || !subnet || !alone || !plain || subnet.ipv6CidrBlock !== undefined) {
      keyOf.set(iface.id, undefined);
      continue;
    }
    keyOf.set(iface.id, [
      iface.vpcId,
      index.routeTableOfSubnet.get(iface.subnetId)?.routeTableId ?? "",
      index.networkAclOfSubnet.get(iface.subnetId)?.networkAclId ?? "",
      subnet.availabilityZone ?? "",
      [...iface.securityGroupIds].sort().join(","),
      iface.sourceDestCheck,
      iface.usable,
      sig,
    ].join("|"));
  }
  const classes = { keyOf };
  index.cache.set("matrix:classes", classes);
  return classes;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `text` with each whole token (an id or an address, not part of a longer
 * one) replaced, all in one pass, so that swapping two ids stays a swap.
 */
function replaceTokens(text: string, pairs: readonly (readonly [string, string])[]): string {
  const map = new Map<string, string>();
  for (const [from, to] of pairs) if (from !== to && text.includes(from) && !map.has(from)) map.set(from, to);
  if (map.size === 0) return text;
  const alternatives = [...map.keys()].sort((x, y) => y.length - x.length).map(escape).join("|");
  return text.replace(new RegExp(`(?<![A-Za-z0-9_.:-])(?:${alternatives})(?![A-Za-z0-9_:-]|\\.[0-9])`, "g"), (found) => map.get(found) ?? found);
}

function cellOf(result: AnalysisResult): MatrixCell {
  if (!result.ok) return { kind: "error", message: result.error };
  if (result.networkPathFound) return { kind: "reachable" };
  return { kind: "blocked", code: result.explanations[0]?.explanationCode, message: result.explanations[0]?.message };
}

type Member = { endpoint: MatrixEndpoint; iface: IndexedInterface };

/** A cell analysed for one pair of representatives, said of another pair of the same classes. */
function retold(cell: MatrixCell, from: { source: Member; destination: Member }, to: { source: Member; destination: Member }): MatrixCell {
  if ((cell.kind !== "blocked" && cell.kind !== "error") || cell.message === undefined) return cell;
  const pairs: [string, string][] = [];
  for (const side of ["source", "destination"] as const) {
    const a = from[side];
    const b = to[side];
    pairs.push([a.iface.id, b.iface.id], [a.endpoint.id, b.endpoint.id], [a.iface.subnetId, b.iface.subnetId], [a.endpoint.address, b.endpoint.address]);
    // Messages name an instance's interface by its instance.
    if (a.iface.ownerId !== undefined && b.iface.ownerId !== undefined) pairs.push([a.iface.ownerId, b.iface.ownerId]);
  }
  return { ...cell, message: replaceTokens(cell.message, pairs) };
}

function interfaceOf(index: IndexedTopology, endpoint: MatrixEndpoint): IndexedInterface | undefined {
  return endpoint.type === "instance" ? index.interfacesOfInstance.get(endpoint.id)?.[0] : index.interfaces.get(endpoint.id);
}

type ParsedQuery = ReturnType<typeof analysisQuerySchema.parse>;

/** The query of one cell: validated once per row, then only the two ends change. */
function rowQuery(options: MatrixOptions): { ok: true; query: ParsedQuery } | { ok: false; message: string } {
  const parsed = analysisQuerySchema.safeParse({ source: "row", destination: "column", protocol: options.protocol ?? "tcp", ...(options.destinationPort !== undefined ? { destinationPort: options.destinationPort } : {}) });
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "query"}: ${i.message}`).join("; ") };
}

/** Per list of endpoints: each one's interface and class key, computed once for all rows. */
const prepared = new WeakMap<readonly MatrixEndpoint[], { index: IndexedTopology; ifaces: (IndexedInterface | undefined)[]; keys: (string | undefined)[] }>();

function prepare(index: IndexedTopology, endpoints: readonly MatrixEndpoint[]) {
  const cached = prepared.get(endpoints);
  if (cached && cached.index === index) return cached;
  const classes = matrixClasses(index);
  const ifaces = endpoints.map((e) => interfaceOf(index, e));
  const made = { index, ifaces, keys: ifaces.map((i) => (i ? classes.keyOf.get(i.id) : undefined)) };
  prepared.set(endpoints, made);
  return made;
}

type Known = { cell: MatrixCell; source: Member; destination: Member };

/**
 * Cells already analysed, per source class and query: a row from another
 * member of a recent source class costs no analysis at all (rows of one
 * subnet come one after another). A few source classes are kept.
 */
const SOURCE_CLASSES_KEPT = 8;
function knownCells(index: IndexedTopology, queryKey: string, sourceKey: string | undefined): Map<string, Known> {
  if (sourceKey === undefined) return new Map();
  const cacheKey = `matrix:cells:${queryKey}`;
  let bySource = index.cache.get(cacheKey) as Map<string, Map<string, Known>> | undefined;
  if (!bySource) index.cache.set(cacheKey, (bySource = new Map()));
  let cells = bySource.get(sourceKey);
  if (!cells) {
    if (bySource.size >= SOURCE_CLASSES_KEPT) bySource.delete(bySource.keys().next().value as string);
    bySource.set(sourceKey, (cells = new Map()));
  }
  return cells;
}

/**
 * Walks one row of the matrix: from `endpoints[rowIndex]` to every endpoint,
 * on one protocol and port. The topology is indexed once (and the index kept
 * for the next row); destinations that share a class (see `matrixClasses`)
 * are analysed once per source class, and only for their verdict. A cell
 * `told(j)` is false for is visited as its class's cell, as analysed for
 * other members: its kind and code are this pair's, its message is not
 * rewritten for them (that rewrite is most of a row's time on a large
 * account, and a count needs none of it).
 */
function walkRow(topology: Topology, rowIndex: number, options: MatrixOptions, endpoints: readonly MatrixEndpoint[], told: (j: number) => boolean, visit: (cell: MatrixCell, j: number) => void): { source: MatrixEndpoint; analyses: number } {
  const index = indexTopology(topology);
  const source = endpoints[rowIndex];
  if (!source) throw new RangeError(`matrixRow: no row ${rowIndex} (the matrix has ${endpoints.length})`);
  const { ifaces, keys } = prepare(index, endpoints);
  const sourceIface = ifaces[rowIndex];
  const sourceMember: Member | undefined = sourceIface ? { endpoint: source, iface: sourceIface } : undefined;
  const query = rowQuery(options);
  const seen = knownCells(index, `${options.protocol ?? "tcp"}|${options.destinationPort ?? ""}|${options.endpoints ?? "instances"}`, sourceMember ? keys[rowIndex] : undefined);
  const self: MatrixCell = { kind: "self" };
  let analyses = 0;
  for (let j = 0; j < endpoints.length; j += 1) {
    const destination = endpoints[j];
    if (!destination) continue;
    if (j === rowIndex) {
      visit(self, j);
      continue;
    }
    if (!query.ok) {
      visit({ kind: "error", message: query.message }, j);
      continue;
    }
    const iface = ifaces[j];
    const base = keys[j];
    const key = base === undefined || !iface ? undefined : iface.subnetId === sourceIface?.subnetId ? `${base}|same-subnet` : base;
    const known = key !== undefined ? seen.get(key) : undefined;
    if (known && iface && sourceMember) {
      visit(told(j) ? retold(known.cell, known, { source: sourceMember, destination: { endpoint: destination, iface } }) : known.cell, j);
      continue;
    }
    analyses += 1;
    const cell = cellOf(analyzeIndexed(index, { ...query.query, source: source.id, destination: destination.id }, { record: false }));
    if (key !== undefined && iface && sourceMember) seen.set(key, { cell, source: sourceMember, destination: { endpoint: destination, iface } });
    visit(cell, j);
  }
  return { source, analyses };
}

/**
 * One row of the matrix: from `endpoints[rowIndex]` to every endpoint, on
 * one protocol and port, every cell with its own message (see `walkRow`).
 */
export function matrixRow(topology: Topology, rowIndex: number, options: MatrixOptions = {}, endpoints: readonly MatrixEndpoint[] = matrixEndpoints(topology, options.endpoints)): MatrixRow {
  const cells: MatrixCell[] = [];
  const { source, analyses } = walkRow(topology, rowIndex, options, endpoints, () => true, (cell) => cells.push(cell));
  return { index: rowIndex, source, cells, analyses };
}

/** A row counted: every cell's verdict in the counts, the first few cells in full. */
export interface MatrixRowTally {
  index: number;
  source: MatrixEndpoint;
  /** The first `keep` cells, exactly as `matrixRow` gives them. */
  cells: MatrixCell[];
  reachable: number;
  blocked: number;
  errors: number;
  /** Blocked cells by explanation code (`BLOCKED` when a cell has none). */
  codes: Record<string, number>;
  analyses: number;
}

/**
 * One row as a page that shows `keep` columns needs it: the same verdicts as
 * `matrixRow`, counted, without building (and rewording the message of) the
 * cells nobody will see. On the 1,000-VPC benchmark that is 10,000 cells a row
 * of which the analyze page shows 50.
 */
export function matrixRowTally(topology: Topology, rowIndex: number, options: MatrixOptions, endpoints: readonly MatrixEndpoint[], keep: number): MatrixRowTally {
  const cells: MatrixCell[] = [];
  let reachable = 0;
  let blocked = 0;
  let errors = 0;
  const codes: Record<string, number> = {};
  const { source, analyses } = walkRow(topology, rowIndex, options, endpoints, (j) => j < keep, (cell, j) => {
    if (j < keep) cells.push(cell);
    if (cell.kind === "reachable") reachable += 1;
    else if (cell.kind === "blocked") {
      blocked += 1;
      const code = cell.code ?? "BLOCKED";
      codes[code] = (codes[code] ?? 0) + 1;
    } else if (cell.kind === "error") errors += 1;
  });
  return { index: rowIndex, source, cells, reachable, blocked, errors, codes, analyses };
}

/**
 * How many rows will run analyses: one per source class (rows from a class
 * seen just before cost none). For progress estimates: a full matrix costs
 * about this many rows' worth of analyses.
 */
export function matrixSourceClasses(topology: Topology, endpoints: readonly MatrixEndpoint[]): number {
  const { keys } = prepare(indexTopology(topology), endpoints);
  const distinct = new Set<string>();
  let alone = 0;
  for (const key of keys) {
    if (key === undefined) alone += 1;
    else distinct.add(key);
  }
  return distinct.size + alone;
}

/**
 * The matrix row by row, for a worker that posts each row as it comes and
 * stops when asked: `for (const row of matrixRows(t, options)) { post(row); if (cancelled) break; }`.
 */
export function* matrixRows(topology: Topology, options: MatrixOptions = {}): Generator<MatrixRow, void, undefined> {
  const endpoints = matrixEndpoints(topology, options.endpoints);
  for (let i = 0; i < endpoints.length; i += 1) yield matrixRow(topology, i, options, endpoints);
}

export interface InstanceMatrix {
  instanceIds: string[];
  /** `cells[i][j]`: from `instanceIds[i]` to `instanceIds[j]`. */
  cells: MatrixCell[][];
}

/** Every running instance to every other, on one protocol and port. */
export function instanceMatrix(topology: Topology, options: { protocol?: AnalysisQuery["protocol"]; destinationPort?: number } = {}): InstanceMatrix {
  const rows = [...matrixRows(topology, { ...options, endpoints: "instances" })];
  return { instanceIds: rows.map((r) => r.source.id), cells: rows.map((r) => r.cells) };
}
