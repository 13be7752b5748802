import { indexTopology } from "../model/indexed-topology";
import type { FlowLog, Topology } from "../model/topology";
import type { AnalysisSuccess, TrafficEvent } from "./analyze";

/**
 * The flow-log records (default format, version 2) the analysed traffic
 * would produce on interfaces with a flow log — on the interface itself,
 * its subnet or its VPC. One record per interface and direction.
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
 *
 * Default format: version account-id interface-id srcaddr dstaddr srcport
 * dstport protocol packets bytes start end action log-status
 */

export interface FlowLogRecord {
  flowLogId: string;
  networkInterfaceId: string;
  path: "forward" | "return";
  direction: "ingress" | "egress";
  action: "ACCEPT" | "REJECT";
  /** The record line, fields separated by spaces. */
  line: string;
}

export interface FlowLogOptions {
  /** Capture window, seconds since the epoch. */
  start?: number;
  end?: number;
  packets?: number;
  bytes?: number;
  /** Account used when neither the VPC nor the flow log says whose it is. */
  accountId?: string;
}

function applies(log: FlowLog, event: TrafficEvent): boolean {
  if (log.flowLogStatus !== "ACTIVE") return false;
  if (log.resourceId !== event.networkInterfaceId && log.resourceId !== event.subnetId && log.resourceId !== event.vpcId) return false;
  return log.trafficType === "ALL" || log.trafficType === event.action;
}

export function flowLogRecords(topology: Topology, result: AnalysisSuccess, options: FlowLogOptions = {}): FlowLogRecord[] {
  if (topology.flowLogs.length === 0) return [];
  const index = indexTopology(topology);
  const start = options.start ?? 1_700_000_000;
  const end = options.end ?? start + 60;
  const records: FlowLogRecord[] = [];
  for (const event of result.trafficEvents) {
    for (const log of topology.flowLogs) {
      if (!applies(log, event)) continue;
      const account = index.vpcs.get(event.vpcId)?.ownerId ?? log.ownerId ?? options.accountId ?? "123456789012";
      const protocol = event.protocol < 0 ? 0 : event.protocol;
      const fields = [
        2,
        account,
        event.networkInterfaceId,
        event.sourceIp,
        event.destinationIp,
        event.sourcePort ?? 0,
        event.destinationPort ?? 0,
        protocol,
        options.packets ?? 1,
        options.bytes ?? 60,
        start,
        end,
        event.action,
        "OK",
      ];
      records.push({ flowLogId: log.flowLogId, networkInterfaceId: event.networkInterfaceId, path: event.path, direction: event.direction, action: event.action, line: fields.join(" ") });
    }
  }
  return records;
}
