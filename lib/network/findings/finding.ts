import type { ComponentType, SecurityGroupRuleDetail } from "../questions/path-component";

/**
 * What a reviewer of an AWS network wants to see first, as plain data the
 * analyze page renders and exports (CSV or JSON): each finding has a
 * severity, a stable code, the resources involved (the one to change
 * first), a message in plain words and the evidence behind it.
 */

export type Severity = "high" | "medium" | "low" | "info";

export const severities: readonly Severity[] = ["high", "medium", "low", "info"];

/** The closed set of finding codes; the page may key help texts and filters on them. */
export const findingCodes = {
  INTERNET_EXPOSED_PORT: "An instance or interface with a public address is reachable from the internet on a port its security groups open to it.",
  INTERNET_EXPOSED_LOAD_BALANCER: "An internet-facing load balancer accepts connections from the internet and forwards them to its targets.",
  SECURITY_GROUP_UNUSED: "A security group is attached to no network interface.",
  SECURITY_GROUP_RULE_UNKNOWN_GROUP: "A security group rule names a group that is not in the snapshot.",
  SECURITY_GROUP_RULE_UNKNOWN_PREFIX_LIST: "A security group rule names a prefix list whose entries are not in the snapshot, so it matches nothing.",
  SECURITY_GROUP_RULE_COVERED: "A security group rule allows nothing another rule of the same group does not already allow.",
  NETWORK_ACL_RULE_SHADOWED: "A network ACL rule is never reached: a lower-numbered rule matches all its traffic.",
  NETWORK_ACL_UNASSOCIATED: "A network ACL is associated with no subnet.",
  ROUTE_BLACKHOLE: "A route's target no longer exists: the route drops what it matches.",
  ROUTE_TO_INACTIVE_PEERING: "A route sends traffic to a peering connection that is not active or not in the snapshot.",
  ROUTE_TO_UNATTACHED_TRANSIT_GATEWAY: "A route sends traffic to a transit gateway the VPC has no available attachment to.",
  ROUTE_UNKNOWN_PREFIX_LIST: "A route names a prefix list whose entries are not in the snapshot, so it matches nothing.",
  TGW_ROUTE_BLACKHOLE: "A transit gateway route drops what it matches (a blackhole route).",
  TGW_ROUTE_TO_INACTIVE_ATTACHMENT: "A transit gateway route points to an attachment that is not available or not in the snapshot.",
  TGW_ROUTE_NO_MATCHING_SUBNET: "A transit gateway route sends traffic into a VPC that has no subnet in its range and does not route it onward.",
  TGW_ROUTE_UNKNOWN_PREFIX_LIST: "A transit gateway route names a prefix list whose entries are not in the snapshot, so it matches nothing.",
  PRIVATE_SUBNET_ROUTES_TO_INTERNET_GATEWAY: "A subnet named or tagged private has a route to an internet gateway.",
} as const;

export type FindingCode = keyof typeof findingCodes;

export type FindingResource = { id: string; type: ComponentType | "prefix-list"; name?: string };

export type FindingEvidence =
  | {
      kind: "path";
      /** The probe that found the path, as `analyze` was asked. */
      protocol: string;
      port: number | undefined;
      sourceIp: string;
      destinationIp: string;
      /** The path, one id per hop (`pathHops`). */
      hops: string[];
      /** The security group rule that let the packet in, when one did. */
      allowedBy?: SecurityGroupRuleDetail;
      /** Where the packet ended up, for a load balancer: the target it was forwarded to. */
      target?: { id: string; address: string; port: number };
    }
  | { kind: "security-group-rule"; securityGroupId: string; rule: string; coveredBy?: string }
  | { kind: "network-acl-rule"; networkAclId: string; rule: string; shadowedBy?: string }
  | { kind: "route"; routeTableId: string; destination: string; target: string; state: string }
  | { kind: "transit-gateway-route"; routeTableId: string; destination: string; target: string; state: string; type: string }
  | { kind: "resource"; detail: string };

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The resources involved, the one to change first. */
  resources: FindingResource[];
  /** One or two plain sentences. */
  message: string;
  evidence: FindingEvidence;
  /** The AWS documentation page for the rule behind the finding. */
  documentation?: string;
}

/** The evidence in one line, for a table or CSV. */
export function evidenceText(e: FindingEvidence): string {
  switch (e.kind) {
    case "path":
      return `${e.protocol}${e.port !== undefined ? ` ${e.port}` : ""} from ${e.sourceIp} to ${e.destinationIp}: ${e.hops.join(" → ")}${e.allowedBy ? ` (allowed by ${e.allowedBy.securityGroupId})` : ""}${e.target ? ` → target ${e.target.id} ${e.target.address}:${e.target.port}` : ""}`;
    case "security-group-rule":
      return `${e.securityGroupId} ${e.rule}${e.coveredBy ? `, covered by ${e.coveredBy}` : ""}`;
    case "network-acl-rule":
      return `${e.networkAclId} ${e.rule}${e.shadowedBy ? `, shadowed by ${e.shadowedBy}` : ""}`;
    case "route":
      return `${e.routeTableId}: ${e.destination} → ${e.target} (${e.state})`;
    case "transit-gateway-route":
      return `${e.routeTableId}: ${e.destination} → ${e.target} (${e.type}, ${e.state})`;
    case "resource":
      return e.detail;
    default:
      return e satisfies never;
  }
}

/**
 * Findings as rows of strings, a header first, for CSV export
 * (`csv-stringify` on the page) or a plain table.
 */
export function findingsTable(findings: readonly Finding[]): string[][] {
  return [
    ["severity", "code", "resources", "message", "evidence", "documentation"],
    ...findings.map((f) => [f.severity, f.code, f.resources.map((r) => r.id).join(" "), f.message, evidenceText(f.evidence), f.documentation ?? ""]),
  ];
}

/** Most severe first, then by code and first resource, so the order is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || a.code.localeCompare(b.code) || (a.resources[0]?.id ?? "").localeCompare(b.resources[0]?.id ?? ""));
}
