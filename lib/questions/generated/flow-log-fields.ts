/**
 * The fields of a flow-log record in the default format (version 2), in order, and small
 * helpers to read a record and to write a variant of it (how flow-log distractors are built).
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
 */
export const FLOW_LOG_FIELDS = ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status"] as const;
export type FlowLogField = (typeof FLOW_LOG_FIELDS)[number];

export function recordField(line: string, name: FlowLogField): string {
  return line.split(" ")[FLOW_LOG_FIELDS.indexOf(name)] ?? "";
}

/** The same record with some fields replaced. */
export function withFields(line: string, changes: Partial<Record<FlowLogField, string | number>>): string {
  const fields = line.split(" ");
  for (const [name, value] of Object.entries(changes)) {
    const i = FLOW_LOG_FIELDS.findIndex((f) => f === name);
    if (i < 0 || value === undefined) throw new Error(`withFields: no flow-log field "${name}"`);
    fields[i] = String(value);
  }
  return fields.join(" ");
}
