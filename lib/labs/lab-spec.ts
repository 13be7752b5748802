import { z } from "zod";
import { ipv4Address, type ComponentType } from "@/lib/network";

/**
 * What a lab author writes: `brief.mdx` frontmatter and `lab.json`. Checks
 * are a closed union on `kind`; the grader switches over it exhaustively.
 */

export const labDifficultySchema = z.enum(["intro", "core", "advanced"]);

export const labFrontmatterSchema = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(20).max(400),
  order: z.number().int().positive(),
  estimatedMinutes: z.number().int().min(1).max(240),
  difficulty: labDifficultySchema,
});

const checkId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase letters, digits and dashes");
const protocol = z.enum(["tcp", "udp", "icmp", "all"]);
const portNumber = z.number().int().min(0).max(65535);

/** A packet as a check describes it: the same fields a lesson probe or Reachability Analyzer takes. */
const packetFields = {
  source: z.string().min(1),
  sourceIp: ipv4Address.optional(),
  destination: z.string().min(1).optional(),
  destinationIp: ipv4Address.optional(),
  /**
   * Send to the address of the source VPC's interface endpoint for this
   * service (PrivateLink), whatever address the learner's endpoint got;
   * `destination` then names who should answer behind it.
   */
  destinationEndpointService: z.string().min(1).optional(),
  protocol: protocol.default("tcp"),
  port: portNumber.optional(),
};

const hasDestination = (c: { destination?: string | undefined; destinationIp?: string | undefined; destinationEndpointService?: string | undefined }) =>
  c.destination !== undefined || c.destinationIp !== undefined || c.destinationEndpointService !== undefined;
const destinationMessage = { message: "give a destination, a destinationIp, or both", path: ["destination"] };

const base = {
  id: checkId,
  title: z.string().min(3),
  weight: z.number().int().min(1).max(100),
};

/**
 * Resources the check takes down before it looks (a Direct Connect
 * connection or virtual interface, a VPN connection's tunnels, a NAT
 * gateway, a transit gateway attachment): "if this fails, does traffic still flow?".
 */
const assumeDown = z.array(z.string().regex(/^(dxcon|dxvif|vpn|nat|tgw-attach)-[A-Za-z0-9][A-Za-z0-9-]*$/, 'expected a "dxcon-", "dxvif-", "vpn-", "nat-" or "tgw-attach-" id')).default([]);

/** The evaluator's component kinds a path may be required to cross (a typo fails at load, not at grading). */
const waypointTypes = [
  "nat-gateway",
  "internet-gateway",
  "egress-only-internet-gateway",
  "carrier-gateway",
  "vpc-endpoint",
  "vpc-endpoint-service",
  "vpc-peering-connection",
  "transit-gateway",
  "transit-gateway-attachment",
  "vpn-gateway",
  "vpn-connection",
  "direct-connect-virtual-interface",
  "direct-connect-gateway",
  "load-balancer",
  "network-acl",
  "security-group",
  "route-table",
] as const satisfies readonly ComponentType[];

/** A component the forward path must cross: by id (`dxvif-prod`) or by kind (`nat-gateway`). */
const waypoint = z.union([z.strictObject({ id: z.string().min(1) }), z.strictObject({ type: z.enum(waypointTypes) })]);

const mustReach = z
  .strictObject({ ...base, kind: z.literal("must-reach"), ...packetFields, through: z.array(waypoint).default([]), assumeDown })
  .refine(hasDestination, destinationMessage);

const mustNotReach = z.strictObject({ ...base, kind: z.literal("must-not-reach"), ...packetFields, assumeDown }).refine(hasDestination, destinationMessage);

/** "Private subnets have no route to an internet gateway." */
const noInternetGatewayRoute = z.strictObject({ ...base, kind: z.literal("no-internet-gateway-route"), subnetIds: z.array(z.string().min(1)).min(1) });

/** "S3 traffic uses a gateway endpoint": the path from `source` to the service crosses a Gateway endpoint. */
const usesGatewayEndpoint = z.strictObject({
  ...base,
  kind: z.literal("uses-gateway-endpoint"),
  source: z.string().min(1),
  serviceName: z.string().regex(/^com\.amazonaws\.[a-z0-9-]+\.[a-z0-9.-]+$/),
  port: portNumber.default(443),
});

/** "At most N NAT gateways" (in one VPC, or in the whole topology). */
const maxNatGateways = z.strictObject({ ...base, kind: z.literal("max-nat-gateways"), max: z.number().int().min(0), vpcId: z.string().optional() });

/** "No security group allows 0.0.0.0/0 on port 22." */
const noOpenPort = z.strictObject({
  ...base,
  kind: z.literal("no-open-port"),
  port: portNumber,
  protocol: z.enum(["tcp", "udp"]).default("tcp"),
  cidr: z.string().default("0.0.0.0/0"),
});

/** "CIDRs do not overlap": between VPCs (all, or the listed ones) and, if asked, the on-premises networks. */
const cidrsDoNotOverlap = z.strictObject({
  ...base,
  kind: z.literal("cidrs-do-not-overlap"),
  vpcIds: z.array(z.string()).optional(),
  includeOnPremises: z.boolean().default(false),
});

/** An interface endpoint for the service, in the VPC, with private DNS on (the service's default name resolves to it). */
const interfaceEndpointPrivateDns = z.strictObject({
  ...base,
  kind: z.literal("interface-endpoint-private-dns"),
  vpcId: z.string().min(1),
  serviceName: z.string().min(1),
});

/** The subnets' route tables learn routes from a virtual private gateway (route propagation), not only static routes. */
const routePropagation = z.strictObject({
  ...base,
  kind: z.literal("route-propagation"),
  subnetIds: z.array(z.string().min(1)).min(1),
  vpnGatewayId: z.string().optional(),
});

/** A flow log in the topology records this packet (or its reply) with this action. */
const flowLogCaptures = z
  .strictObject({ ...base, kind: z.literal("flow-log-captures"), ...packetFields, action: z.enum(["ACCEPT", "REJECT"]) })
  .refine(hasDestination, destinationMessage);

/** A place a least-privilege check sends from or to: an id, or an id with the address to use. */
const endpointSchema = z.union([z.string().min(1), z.strictObject({ id: z.string().min(1), ip: ipv4Address })]);
const serviceSchema = z.strictObject({ protocol: protocol.default("tcp"), port: portNumber.optional() });

/**
 * Least privilege: every (source, destination, service) combination not in
 * `allowed` must be blocked; each one the evaluator finds open is a
 * counterexample. `allowed` entries may leave out protocol/port to allow any.
 */
const leastPrivilege = z.strictObject({
  ...base,
  kind: z.literal("least-privilege"),
  sources: z.array(endpointSchema).min(1),
  destinations: z.array(endpointSchema).min(1),
  services: z.array(serviceSchema).min(1),
  allowed: z.array(z.strictObject({ source: z.string().min(1), destination: z.string().min(1), protocol: protocol.optional(), port: portNumber.optional() })).default([]),
});

export const checkSchema = z.discriminatedUnion("kind", [
  mustReach,
  mustNotReach,
  noInternetGatewayRoute,
  usesGatewayEndpoint,
  maxNatGateways,
  noOpenPort,
  cidrsDoNotOverlap,
  interfaceEndpointPrivateDns,
  routePropagation,
  flowLogCaptures,
  leastPrivilege,
]);

export const labSpecSchema = z
  .strictObject({
    /** The starting topology, in the evaluator's model (validated with `parseTopology` by the loader). */
    start: z.unknown(),
    checks: z.array(checkSchema).min(1),
    /** Revealed one per failed attempt, in order: the first teaches where to look, later ones get closer. */
    hints: z.array(z.string().min(10)).min(1),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.checks.forEach((check, i) => {
      if (seen.has(check.id)) ctx.addIssue({ code: "custom", message: `duplicate check id "${check.id}"`, path: ["checks", i, "id"] });
      seen.add(check.id);
    });
  });

export type LabFrontmatter = z.infer<typeof labFrontmatterSchema>;
export type LabDifficulty = z.infer<typeof labDifficultySchema>;
export type Check = z.infer<typeof checkSchema>;
export type CheckKind = Check["kind"];
export type LabSpec = z.infer<typeof labSpecSchema>;
export type LabEndpoint = z.infer<typeof endpointSchema>;
