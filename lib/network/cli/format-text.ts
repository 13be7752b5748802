import type { AnalysisComponent, Explanation, NetworkInsightsAnalysis, PathComponent } from "./analysis-output";

/**
 * The hop-by-hop story of one analysis, for a person at a terminal. Written
 * from the same describe-network-insights-analyses object `--format json`
 * prints.
 */

export type Query = {
  source: string;
  destination?: string | undefined;
  protocol: string;
  destinationPort?: number | undefined;
  sourceIp?: string | undefined;
  destinationIp?: string | undefined;
};

function name(component: AnalysisComponent | undefined): string {
  if (!component) return "?";
  const id = component.Id ?? component.Arn ?? "?";
  return component.Name && component.Name !== id ? `${id} (${component.Name})` : id;
}

function ports(range: { From?: number | undefined; To?: number | undefined } | undefined): string {
  if (!range || range.From === undefined) return "";
  return range.To === undefined || range.To === range.From ? ` port ${range.From}` : ` ports ${range.From}-${range.To}`;
}

function protocolName(protocol: string | undefined): string {
  if (protocol === undefined || protocol === "-1" || protocol === "all") return "all traffic";
  return protocol === "6" ? "tcp" : protocol === "17" ? "udp" : protocol === "1" ? "icmp" : protocol;
}

function routeTarget(route: NonNullable<PathComponent["RouteTableRoute"]>): string {
  return (
    route.GatewayId ??
    route.NatGatewayId ??
    route.TransitGatewayId ??
    route.VpcPeeringConnectionId ??
    route.NetworkInterfaceId ??
    route.InstanceId ??
    route.EgressOnlyInternetGatewayId ??
    route.CarrierGatewayId ??
    "?"
  );
}

/**
 * What happened at one component, in a sentence: the evaluator's own
 * `Note` when it gives one, else a sentence built from the AWS fields.
 */
export function describeComponent(c: PathComponent): string {
  if (typeof c.Note === "string" && c.Note.length > 0) {
    const id = c.Component?.Id;
    return id && c.Note.includes(id) ? c.Note : `${name(c.Component)}: ${c.Note}`;
  }
  const parts: string[] = [name(c.Component)];
  const where = [c.Subnet ? `subnet ${name(c.Subnet)}` : "", c.Vpc ? `VPC ${name(c.Vpc)}` : ""].filter(Boolean).join(", ");
  if (where) parts.push(`in ${where}`);
  if (c.SecurityGroupRule) {
    const r = c.SecurityGroupRule;
    const peer = r.Cidr ?? r.PrefixListId ?? "a referenced group";
    parts.push(`— security group rule (${r.Direction ?? "?"}) allows ${protocolName(r.Protocol)}${ports(r.PortRange)} ${r.Direction === "egress" ? "to" : "from"} ${peer}`);
  }
  if (c.AclRule) {
    const r = c.AclRule;
    parts.push(`— network ACL ${r.Egress ? "outbound" : "inbound"} rule ${r.RuleNumber ?? "?"} ${r.RuleAction ?? "?"}s ${protocolName(r.Protocol)}${ports(r.PortRange)} ${r.Egress ? "to" : "from"} ${r.Cidr ?? "?"}`);
  }
  if (c.RouteTableRoute) {
    const r = c.RouteTableRoute;
    parts.push(`— route ${r.DestinationCidr ?? r.DestinationPrefixListId ?? "?"} → ${routeTarget(r)}`);
  }
  if (c.TransitGatewayRouteTableRoute) {
    const r = c.TransitGatewayRouteTableRoute;
    parts.push(`— transit gateway route ${r.DestinationCidr ?? r.PrefixListId ?? "?"} → ${r.AttachmentId ?? r.ResourceId ?? "?"} (${r.RouteOrigin ?? r.State ?? "route"})`);
  }
  if (c.ElasticLoadBalancerListener) parts.push(`— listener ${name(c.ElasticLoadBalancerListener)}`);
  if (c.ServiceName) parts.push(`— service ${c.ServiceName}`);
  const inbound = c.InboundHeader;
  const outbound = c.OutboundHeader;
  if (inbound && outbound) {
    const before = `${inbound.SourceAddresses?.[0] ?? "?"} → ${inbound.DestinationAddresses?.[0] ?? "?"}`;
    const after = `${outbound.SourceAddresses?.[0] ?? "?"} → ${outbound.DestinationAddresses?.[0] ?? "?"}`;
    if (before !== after) parts.push(`— translates ${before} to ${after}`);
  }
  return parts.join(" ");
}

/** An explanation: its code, the resource, and the plain-English text when the evaluator gives one. */
export function describeExplanation(e: Explanation): string {
  const text = [e.Message, e.message].find((t): t is string => typeof t === "string");
  const resource = e.Component ?? e.Acl ?? e.RouteTable ?? e.SecurityGroups?.[0] ?? e.Subnet ?? e.Vpc;
  const head = `${e.ExplanationCode ?? "UNKNOWN"}${resource ? ` at ${name(resource)}` : ""}${e.Direction ? ` (${e.Direction})` : ""}`;
  const page = typeof e.Documentation === "string" ? ` (${e.Documentation})` : "";
  return text ? `${head}: ${text}${page}` : `${head}${page}`;
}

function describeQuery(q: Query): string {
  const to = q.destination ?? q.destinationIp ?? "?";
  const addresses = [q.sourceIp ? `from ${q.sourceIp}` : "", q.destinationIp && q.destination ? `to ${q.destinationIp}` : ""].filter(Boolean).join(" ");
  const what = `${q.protocol}${q.destinationPort !== undefined ? ` port ${q.destinationPort}` : ""}`;
  return `${q.source} → ${to}, ${what}${addresses ? ` (${addresses})` : ""}`;
}

export function formatAnalysisText(analysis: NetworkInsightsAnalysis, query: Query): string {
  const lines: string[] = [];
  lines.push(`${describeQuery(query)}: ${analysis.NetworkPathFound ? "REACHABLE" : "NOT REACHABLE"}`);
  const section = (title: string, components: PathComponent[] | undefined) => {
    if (!components || components.length === 0) return;
    lines.push("", `${title}:`);
    components.forEach((c, index) => {
      lines.push(`  ${String(c.SequenceNumber ?? index + 1).padStart(2)}. ${describeComponent(c)}`);
      for (const e of c.Explanations ?? []) lines.push(`      ! ${describeExplanation(e)}`);
    });
  };
  section("Forward path", analysis.ForwardPathComponents);
  section("Return path", analysis.ReturnPathComponents);
  const explanations = analysis.Explanations ?? [];
  if (explanations.length > 0) {
    lines.push("", analysis.NetworkPathFound ? "Notes:" : "Why not:");
    for (const e of explanations) lines.push(`  - ${describeExplanation(e)}`);
  }
  return `${lines.join("\n")}\n`;
}
