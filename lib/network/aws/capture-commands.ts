import { subjectFileName } from "./snapshot";

/**
 * The AWS CLI commands that capture what the analyzer reads from one account
 * and Region, and the bash script that runs them: one file per command (per
 * subject for the commands that take one), each exactly as
 * `aws … --output json` prints it, ready to be dropped on the analyze page or
 * read with `npm run reachability -- … --snapshot FOLDER`.
 *
 * Outputs that carry no id of their subject (search-transit-gateway-routes,
 * get-managed-prefix-list-entries, describe-target-health, …) are saved under
 * a name that holds the subject (`search-transit-gateway-routes.tgw-rtb-….json`;
 * an ARN percent-encoded), which is how the reader places them
 * (`snapshot.ts`, `subjectFromPath`): the script needs nothing but the AWS CLI
 * and curl (no jq), and the files stay the CLI's own output.
 *
 * Pagination: the CLI follows `NextToken` itself unless `--max-items` is given,
 * so each file holds the whole output; the script never passes `--max-items`
 * or `--no-paginate`. search-transit-gateway-routes is not paginated: it is
 * asked for its maximum (1000 routes) and says `AdditionalRoutesAvailable`
 * when a table has more, which the reader reports.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-pagination.html
 *
 * Pure, so the page can show the script; `capture-commands.test.ts` runs it
 * against a stand-in `aws` and reads what it writes.
 */

/** Resources the script loops over for commands that take one subject at a time. */
export type CaptureLoop = "managed-prefix-list" | "transit-gateway-route-table" | "client-vpn-endpoint" | "direct-connect-gateway" | "load-balancer" | "target-group" | "accelerator" | "accelerator-listener";

type LoopDefinition = {
  /** Shell variable holding the subject. */
  variable: string;
  /** The command listing the subjects (run with --output text). */
  list: string;
  /** `--query` picking their ids or ARNs. */
  query: string;
  /** Global Accelerator's API lives in us-west-2 only. */
  region?: "us-west-2";
  /** The loop this one runs inside (listeners of each accelerator). */
  parent?: CaptureLoop;
  /** ARNs are percent-encoded in file names. */
  arn?: boolean;
};

export const captureLoops: Record<CaptureLoop, LoopDefinition> = {
  "managed-prefix-list": { variable: "pl", list: "aws ec2 describe-managed-prefix-lists", query: "PrefixLists[].PrefixListId" },
  "transit-gateway-route-table": { variable: "rtb", list: "aws ec2 describe-transit-gateway-route-tables", query: "TransitGatewayRouteTables[].TransitGatewayRouteTableId" },
  "client-vpn-endpoint": { variable: "cvpn", list: "aws ec2 describe-client-vpn-endpoints", query: "ClientVpnEndpoints[].ClientVpnEndpointId" },
  "direct-connect-gateway": { variable: "dxgw", list: "aws directconnect describe-direct-connect-gateways", query: "directConnectGateways[].directConnectGatewayId" },
  "load-balancer": { variable: "lb", list: "aws elbv2 describe-load-balancers", query: "LoadBalancers[].LoadBalancerArn", arn: true },
  "target-group": { variable: "tg", list: "aws elbv2 describe-target-groups", query: "TargetGroups[].TargetGroupArn", arn: true },
  accelerator: { variable: "accelerator", list: "aws globalaccelerator list-accelerators", query: "Accelerators[].AcceleratorArn", region: "us-west-2", arn: true },
  "accelerator-listener": {
    variable: "listener",
    list: 'aws globalaccelerator list-listeners --accelerator-arn "$accelerator"',
    query: "Listeners[].ListenerArn",
    region: "us-west-2",
    parent: "accelerator",
    arn: true,
  },
};

export type CaptureCommand = {
  /** The command as typed: `aws ec2 describe-vpcs`. */
  command: string;
  /** Its arguments beyond `--region` and `--output json`; `$var` names a loop's subject. */
  arguments: readonly string[];
  /** Run once per subject of this loop. */
  per?: CaptureLoop;
  /** Global Accelerator's API is called in us-west-2 whatever the Region captured. */
  region?: "us-west-2";
  /** The top-level key of its output, as the reader recognises it. */
  outputKey: string;
  /** What the analyzer takes from it. */
  reads: string;
};

const ec2 = (name: string, outputKey: string, reads: string, extra: Partial<CaptureCommand> = {}): CaptureCommand => ({ command: `aws ec2 ${name}`, arguments: [], outputKey, reads, ...extra });

/** Every command, in the order the script runs them. */
export const captureCommands: readonly CaptureCommand[] = [
  ec2("describe-vpcs", "Vpcs", "VPCs and their IPv4 and IPv6 CIDR blocks"),
  ec2("describe-subnets", "Subnets", "subnets, their zones and CIDR blocks"),
  ec2("describe-availability-zones", "AvailabilityZones", "zone types (Local and Wavelength Zones)", { arguments: ["--all-availability-zones"] }),
  ec2("describe-route-tables", "RouteTables", "routes, subnet and gateway (edge) associations, route propagation"),
  ec2("describe-internet-gateways", "InternetGateways", "internet gateways and their attachments"),
  ec2("describe-egress-only-internet-gateways", "EgressOnlyInternetGateways", "egress-only internet gateways (IPv6)"),
  ec2("describe-carrier-gateways", "CarrierGateways", "carrier gateways (Wavelength Zones)"),
  ec2("describe-nat-gateways", "NatGateways", "NAT gateways, their addresses and state"),
  ec2("describe-security-groups", "SecurityGroups", "security group rules"),
  ec2("describe-network-acls", "NetworkAcls", "network ACL entries and subnet associations"),
  ec2("describe-network-interfaces", "NetworkInterfaces", "every network interface: addresses, groups, source/destination check, owner"),
  ec2("describe-instances", "Reservations", "instances, their state and interfaces"),
  ec2("describe-addresses", "Addresses", "Elastic IP addresses and what they are associated with"),
  ec2("describe-vpc-peering-connections", "VpcPeeringConnections", "peering connections, their state and both sides' CIDR blocks"),
  ec2("describe-vpc-endpoints", "VpcEndpoints", "gateway and interface endpoints, their state, policies and groups"),
  ec2("describe-vpc-endpoint-service-configurations", "ServiceConfigurations", "endpoint services this account provides (PrivateLink), acceptance"),
  ec2("describe-prefix-lists", "PrefixLists", "AWS-managed prefix lists with their CIDR blocks (S3, DynamoDB)"),
  ec2("describe-managed-prefix-lists", "PrefixLists", "managed prefix lists (no entries: see get-managed-prefix-list-entries)"),
  ec2("get-managed-prefix-list-entries", "Entries", "the entries of each managed prefix list, customer-managed and AWS-managed (e.g. CloudFront's origin-facing list)", {
    arguments: ["--prefix-list-id", "$pl"],
    per: "managed-prefix-list",
  }),
  ec2("describe-transit-gateways", "TransitGateways", "transit gateways and their options (default tables, security group referencing)"),
  ec2("describe-transit-gateway-attachments", "TransitGatewayAttachments", "every attachment: type, resource, state, association"),
  ec2("describe-transit-gateway-vpc-attachments", "TransitGatewayVpcAttachments", "VPC attachments: subnets, appliance mode, security group referencing"),
  ec2("describe-transit-gateway-peering-attachments", "TransitGatewayPeeringAttachments", "peering attachments, both ends"),
  ec2("describe-transit-gateway-route-tables", "TransitGatewayRouteTables", "transit gateway route tables"),
  ec2("search-transit-gateway-routes", "Routes", "the static, propagated and blackhole routes of each transit gateway route table", {
    arguments: ["--transit-gateway-route-table-id", "$rtb", "--filters", "Name=state,Values=active,blackhole", "--max-results", "1000"],
    per: "transit-gateway-route-table",
  }),
  ec2("get-transit-gateway-route-table-associations", "Associations", "the attachments associated with each table", {
    arguments: ["--transit-gateway-route-table-id", "$rtb"],
    per: "transit-gateway-route-table",
  }),
  ec2("get-transit-gateway-route-table-propagations", "TransitGatewayRouteTablePropagations", "the attachments propagating into each table", {
    arguments: ["--transit-gateway-route-table-id", "$rtb"],
    per: "transit-gateway-route-table",
  }),
  ec2("describe-vpn-gateways", "VpnGateways", "virtual private gateways and their VPC attachments"),
  ec2("describe-customer-gateways", "CustomerGateways", "customer gateways"),
  ec2("describe-vpn-connections", "VpnConnections", "Site-to-Site VPN connections: static routes, tunnel status"),
  ec2("describe-client-vpn-endpoints", "ClientVpnEndpoints", "Client VPN endpoints"),
  ec2("describe-client-vpn-target-networks", "ClientVpnTargetNetworks", "each Client VPN endpoint's associated subnets", { arguments: ["--client-vpn-endpoint-id", "$cvpn"], per: "client-vpn-endpoint" }),
  ec2("describe-client-vpn-authorization-rules", "AuthorizationRules", "each Client VPN endpoint's authorization rules", { arguments: ["--client-vpn-endpoint-id", "$cvpn"], per: "client-vpn-endpoint" }),
  ec2("describe-client-vpn-routes", "Routes", "each Client VPN endpoint's routes", { arguments: ["--client-vpn-endpoint-id", "$cvpn"], per: "client-vpn-endpoint" }),
  ec2("describe-flow-logs", "FlowLogs", "flow logs (which records a path writes)"),
  ec2("describe-traffic-mirror-targets", "TrafficMirrorTargets", "Traffic Mirroring targets"),
  ec2("describe-traffic-mirror-filters", "TrafficMirrorFilters", "Traffic Mirroring filters"),
  ec2("describe-traffic-mirror-sessions", "TrafficMirrorSessions", "Traffic Mirroring sessions"),
  { command: "aws directconnect describe-connections", arguments: [], outputKey: "connections", reads: "Direct Connect connections and their state" },
  { command: "aws directconnect describe-virtual-interfaces", arguments: [], outputKey: "virtualInterfaces", reads: "virtual interfaces: type, state, gateway, allowed prefixes" },
  { command: "aws directconnect describe-direct-connect-gateways", arguments: [], outputKey: "directConnectGateways", reads: "Direct Connect gateways" },
  {
    command: "aws directconnect describe-direct-connect-gateway-associations",
    arguments: ["--direct-connect-gateway-id", "$dxgw"],
    per: "direct-connect-gateway",
    outputKey: "directConnectGatewayAssociations",
    reads: "each Direct Connect gateway's associated virtual private and transit gateways, allowed prefixes",
  },
  { command: "aws elbv2 describe-load-balancers", arguments: [], outputKey: "LoadBalancers", reads: "load balancers: type, scheme, zones, addresses, security groups" },
  { command: "aws elbv2 describe-target-groups", arguments: [], outputKey: "TargetGroups", reads: "target groups" },
  { command: "aws elbv2 describe-listeners", arguments: ["--load-balancer-arn", "$lb"], per: "load-balancer", outputKey: "Listeners", reads: "each load balancer's listeners and default actions" },
  { command: "aws elbv2 describe-load-balancer-attributes", arguments: ["--load-balancer-arn", "$lb"], per: "load-balancer", outputKey: "Attributes", reads: "each load balancer's cross-zone setting" },
  { command: "aws elbv2 describe-target-health", arguments: ["--target-group-arn", "$tg"], per: "target-group", outputKey: "TargetHealthDescriptions", reads: "each target group's registered targets and their health" },
  { command: "aws globalaccelerator list-accelerators", arguments: [], region: "us-west-2", outputKey: "Accelerators", reads: "accelerators and their static addresses (all Regions: the API is in us-west-2)" },
  { command: "aws globalaccelerator list-listeners", arguments: ["--accelerator-arn", "$accelerator"], per: "accelerator", region: "us-west-2", outputKey: "Listeners", reads: "each accelerator's listeners" },
  { command: "aws globalaccelerator list-endpoint-groups", arguments: ["--listener-arn", "$listener"], per: "accelerator-listener", region: "us-west-2", outputKey: "EndpointGroups", reads: "each listener's endpoint groups, weights and health" },
];

/** AWS's published address ranges, downloaded beside the outputs. https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-ranges.html */
export const ipRangesDownload = { url: "https://ip-ranges.amazonaws.com/ip-ranges.json", file: "ip-ranges.json" } as const;

/** `describe-vpcs`: the command's own name, which names its file. */
export function commandName(c: CaptureCommand): string {
  return c.command.split(" ").at(-1) as string;
}

/** The file the script saves a command's output to, for a subject when the command takes one. */
export function captureFileName(c: CaptureCommand, subject?: string): string {
  if (!c.per) return `${commandName(c)}.json`;
  if (subject === undefined) throw new Error(`captureFileName: ${commandName(c)} runs once per ${c.per}; give the subject`);
  return `${subjectFileName(commandName(c), subject)}.json`;
}

function shellWord(word: string): string {
  if (/^\$[a-z]+$/.test(word)) return `"${word}"`;
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

function regionFlag(region: "us-west-2" | undefined): string {
  return region ? `--region ${region}` : '--region "$REGION"';
}

function commandLine(c: CaptureCommand): string {
  const file = c.per ? `"${commandName(c)}.${captureLoops[c.per].arn ? `$(enc "$${captureLoops[c.per].variable}")` : `$${captureLoops[c.per].variable}`}.json"` : `${commandName(c)}.json`;
  return `capture ${file} ${c.command} ${[...c.arguments.map(shellWord), regionFlag(c.region), "--output", "json"].join(" ")}`;
}

function loopHeader(loop: CaptureLoop): string {
  const l = captureLoops[loop];
  return `for ${l.variable} in $(ids ${l.list} ${regionFlag(l.region)} --query '${l.query}'); do`;
}

/**
 * The capture script. `region` fills in the default Region (the page's
 * choice); the person can still pass another as the first argument.
 */
export function captureScript(options: { region?: string } = {}): string {
  const region = options.region && /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$/.test(options.region) ? options.region : undefined;
  const lines: string[] = [
    "#!/usr/bin/env bash",
    "# Capture what Reachable's analyzer reads from one AWS account and Region: one JSON file per",
    "# command, exactly as the AWS CLI prints it. Drop the folder's files on the analyze page (nothing is",
    "# uploaded: they are read in your browser) or run: npm run reachability -- matrix --snapshot FOLDER",
    "#",
    "# Usage: bash capture-aws.sh [REGION] [FOLDER]",
    "# Needs: AWS CLI v2, read-only permissions (the AWS managed policy ReadOnlyAccess covers every",
    "# command: ec2:Describe*, ec2:Get*, ec2:SearchTransitGatewayRoutes, elasticloadbalancing:Describe*,",
    "# directconnect:Describe*, globalaccelerator:List*), and curl for AWS's ip-ranges.json.",
    "#",
    "# Pagination: the CLI follows NextToken itself, so each file holds every page. Do not add",
    "# --max-items; if you do, save each page to its own file (describe-instances.json,",
    "# describe-instances.2.json, ...) and drop them all: the reader merges pages.",
    "set -uo pipefail",
    `REGION="\${1:-\${AWS_REGION:-\${AWS_DEFAULT_REGION:-${region ?? ""}}}}"`,
    'if [ -z "$REGION" ]; then echo "usage: bash capture-aws.sh REGION [FOLDER]" >&2; exit 2; fi',
    'FOLDER="${2:-aws-snapshot-$REGION}"',
    'mkdir -p "$FOLDER" && cd "$FOLDER" || exit 2',
    "export AWS_PAGER=\"\"",
    "failed=0",
    "",
    "# capture FILE COMMAND...: run one command, keep its output only if it succeeded.",
    "capture() {",
    '  local file="$1"; shift',
    '  if "$@" > "$file.partial" 2> "$file.error"; then',
    '    mv "$file.partial" "$file"; rm -f "$file.error"',
    "  else",
    '    echo "not captured: $file: $(tr -s "\\n" " " < "$file.error" | sed "s/^ *//")" >&2',
    '    rm -f "$file.partial" "$file.error"; failed=$((failed + 1))',
    "  fi",
    "}",
    "# ids COMMAND...: the ids or ARNs a listing command returns (one word each).",
    'ids() { "$@" --output text 2> /dev/null | tr -s "\\t " "\\n\\n" | grep -v "^None$" | grep -v "^$"; }',
    "# enc ARN: an ARN as a file name (: as %3A, / as %2F), as the reader expects it.",
    'enc() { local s="${1//%/%25}"; s="${s//:/%3A}"; printf "%s" "${s//\\//%2F}"; }',
    "",
  ];
  // Each loop once, where its first command stands, with its commands and the loops nested in it.
  const emitLoop = (loop: CaptureLoop, depth: number) => {
    const pad = "  ".repeat(depth);
    lines.push(`${pad}${loopHeader(loop)}`);
    for (const each of captureCommands.filter((x) => x.per === loop)) lines.push(`${pad}  ${commandLine(each)}`);
    for (const child of Object.keys(captureLoops) as CaptureLoop[]) if (captureLoops[child].parent === loop) emitLoop(child, depth + 1);
    lines.push(`${pad}done`);
  };
  const emitted = new Set<CaptureLoop>();
  for (const c of captureCommands) {
    if (!c.per) {
      lines.push(commandLine(c));
      continue;
    }
    let root: CaptureLoop = c.per;
    while (captureLoops[root].parent) root = captureLoops[root].parent as CaptureLoop;
    if (emitted.has(root)) continue;
    emitted.add(root);
    emitLoop(root, 0);
  }
  lines.push(
    `capture ${ipRangesDownload.file} curl -fsSL ${ipRangesDownload.url}`,
    "",
    'echo "Wrote $(ls -1 | wc -l | tr -d " ") files to $(pwd)" >&2',
    'if [ "$failed" -gt 0 ]; then echo "$failed commands were not captured (see above): the analysis will lack what they describe" >&2; fi',
  );
  return `${lines.join("\n")}\n`;
}
