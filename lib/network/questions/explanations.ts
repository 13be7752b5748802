/**
 * The closed set of reasons a path is blocked. Codes marked `aws` are AWS
 * Reachability Analyzer's own explanation codes, reused with their meaning
 * (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html);
 * the others name rules Reachability Analyzer reports under broader codes
 * or does not model, so a learner sees the precise rule.
 */
export const explanationCodes = {
  BAD_STATE: { aws: true, kind: "bad-state" },
  BAD_STATE_ATTACHMENT: { aws: true, kind: "bad-state" },
  BAD_STATE_ROUTE: { aws: true, kind: "blackhole-route" },
  BAD_STATE_VPN: { aws: true, kind: "bad-state" },
  CANNOT_ROUTE: { aws: true, kind: "no-route" },
  NO_ROUTE_TO_DESTINATION: { aws: true, kind: "no-route" },
  ENI_SG_RULES_MISMATCH: { aws: true, kind: "filter" },
  SUBNET_ACL_RESTRICTION: { aws: true, kind: "filter" },
  ELB_INSTALLED_AZ_RESTRICTION: { aws: true, kind: "no-route" },
  ELB_NOT_CROSSZONE: { aws: true, kind: "no-route" },
  ELBV2_LISTENER_HAS_NO_TG: { aws: true, kind: "filter" },
  // Rules Reachability Analyzer folds into other codes; named here for learners.
  NO_DESTINATION_OWNER: { aws: false, kind: "no-destination-owner" },
  NO_SUBNET_FOR_ADDRESS: { aws: false, kind: "blackhole-route" },
  INTERNET_UNROUTABLE_ADDRESS: { aws: false, kind: "blackhole-route" },
  UNASSIGNED_AWS_ADDRESS: { aws: false, kind: "blackhole-route" },
  NO_PUBLIC_IP_ADDRESS: { aws: false, kind: "filter" },
  NAT_GATEWAY_NO_INBOUND: { aws: false, kind: "filter" },
  NAT_GATEWAY_PROTOCOL: { aws: false, kind: "filter" },
  SOURCE_DEST_CHECK_ENABLED: { aws: false, kind: "filter" },
  PEERING_OVERLAPPING_CIDRS: { aws: false, kind: "bad-state" },
  PEERING_NOT_TRANSITIVE: { aws: false, kind: "no-route" },
  EDGE_TO_EDGE_ROUTING: { aws: false, kind: "no-route" },
  ENDPOINT_POLICY_DENY: { aws: false, kind: "filter" },
  TGW_NOT_ATTACHED: { aws: false, kind: "no-route" },
  TGW_RTB_NOT_ASSOCIATED: { aws: false, kind: "no-route" },
  TGW_NO_ATTACHMENT_IN_ZONE: { aws: false, kind: "blackhole-route" },
  CLOUDHUB_OVERLAPPING_RANGES: { aws: false, kind: "no-route" },
  CLIENT_VPN_NOT_AUTHORIZED: { aws: false, kind: "filter" },
  CARRIER_GATEWAY_NO_INBOUND: { aws: false, kind: "filter" },
  EGRESS_ONLY_IGW_NO_INBOUND: { aws: false, kind: "filter" },
  ELBV2_NO_LISTENER: { aws: false, kind: "filter" },
  ELBV2_NO_HEALTHY_TARGET: { aws: false, kind: "no-destination-owner" },
  DX_PREFIX_NOT_ALLOWED: { aws: false, kind: "no-route" },
  ROUTING_LOOP: { aws: false, kind: "loop" },
  UNSUPPORTED_COMPONENT: { aws: false, kind: "unsupported" },
} as const satisfies Record<string, { aws: boolean; kind: string }>;

export type ExplanationCode = keyof typeof explanationCodes;

/**
 * What kind of block it is, in the vocabulary of Batfish's dispositions
 * (filter denied in/out, no route, a discard route, nobody owns the address).
 */
export type BlockKind =
  | "filter-denied-in"
  | "filter-denied-out"
  | "no-route"
  | "blackhole-route"
  | "no-destination-owner"
  | "bad-state"
  | "loop"
  | "unsupported";

/** Batfish's trace dispositions, for comparing with its expectations. */
export type Disposition = "ACCEPTED" | "EXITS_NETWORK" | "DENIED_IN" | "DENIED_OUT" | "NO_ROUTE" | "NULL_ROUTED" | "NEIGHBOR_UNREACHABLE" | "LOOP";

export function dispositionOfBlock(kind: BlockKind): Disposition {
  switch (kind) {
    case "filter-denied-in":
      return "DENIED_IN";
    case "filter-denied-out":
      return "DENIED_OUT";
    case "no-route":
    case "bad-state":
    case "unsupported":
      return "NO_ROUTE";
    case "blackhole-route":
      return "NULL_ROUTED";
    case "no-destination-owner":
      return "NEIGHBOR_UNREACHABLE";
    case "loop":
      return "LOOP";
    default:
      return kind satisfies never;
  }
}

export function blockKindOf(code: ExplanationCode, direction: "ingress" | "egress" | undefined): BlockKind {
  const kind = explanationCodes[code].kind;
  if (kind === "filter") return direction === "egress" ? "filter-denied-out" : "filter-denied-in";
  return kind;
}

export function isAwsExplanationCode(code: ExplanationCode): boolean {
  return explanationCodes[code].aws;
}
