/**
 * Public surface of the reachability evaluator. Everything a lesson widget,
 * the grader, the snapshot reader or the CLI needs is exported from here.
 */
export * from "./model";
export { parseIpv4, formatIpv4, parseIpv4Cidr } from "./ipv4";
export { parseIp, formatIp, parseCidr, cidrContains, type Ip, type Cidr } from "./ip";
export type { Packet } from "./packet";
export { indexTopology, type IndexedTopology, type IndexedInterface } from "./model/indexed-topology";
export * from "./questions/explanations";
export type * from "./questions/path-component";
export {
  analyze,
  analyzeTopologyInput,
  analysisQuerySchema,
  pathHops,
  DEFAULT_INTERNET_DESTINATION,
  DEFAULT_INTERNET_SOURCE,
  DEFAULT_INTERNET_SOURCE_V6,
  DEFAULT_INTERNET_DESTINATION_V6,
  DEFAULT_SOURCE_PORT,
  type AnalysisQuery,
  type AnalysisResult,
  type AnalysisSuccess,
  type AnalysisFailure,
  type AnalysisErrorCode,
  type ResolvedQuery,
  type TrafficEvent,
} from "./questions/analyze";
export { toNetworkInsightsAnalysisJson } from "./questions/aws-json";
export {
  reachabilityMatrix,
  instanceMatrix,
  matrixEndpoints,
  matrixRow,
  matrixRowTally,
  matrixRows,
  matrixSourceClasses,
  type MatrixEntry,
  type MatrixCell,
  type InstanceMatrix,
  type MatrixEndpoint,
  type MatrixEndpointKind,
  type MatrixOptions,
  type MatrixRow,
  type MatrixRowTally,
} from "./questions/matrix";
export * from "./findings/index";
export { flowLogRecords, type FlowLogRecord, type FlowLogOptions } from "./questions/flow-logs";
export { trafficMirrorCopies, type MirroredPacket } from "./questions/traffic-mirroring";
export { selectAcceleratorEndpoint, type AcceleratorQuery, type AcceleratorSelection } from "./questions/global-accelerator";
