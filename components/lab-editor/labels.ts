/** Field names as a person reads them: `destinationCidrBlock` → "Destination CIDR block". */
const custom: Record<string, string> = {
  ipPermissions: "Inbound rules",
  ipPermissionsEgress: "Outbound rules",
  entries: "Entries",
  ipProtocol: "Protocol",
  cidrIp: "Source/destination CIDR",
  fromPort: "From port",
  toPort: "To port",
  mapPublicIpOnLaunch: "Auto-assign public IPv4",
  sourceDestCheck: "Source/destination check",
  gatewayId: "Gateway ID (igw-, vgw-, vpce- or local)",
  main: "Main route table",
  egress: "Outbound (egress) rule",
  privateDnsEnabled: "Private DNS enabled",
  staticRoutesOnly: "Static routes only",
  vgwTelemetry: "Tunnels",
  propagatingVgws: "Propagating VGWs",
  ipRanges: "IPv4 ranges",
  ipv6Ranges: "IPv6 ranges",
  userIdGroupPairs: "Security group references",
};

const words: Record<string, string> = {
  id: "ID", ids: "IDs", cidr: "CIDR", vpc: "VPC", ip: "IP", ipv4: "IPv4", ipv6: "IPv6", dns: "DNS", nat: "NAT",
  acl: "ACL", vpn: "VPN", vgw: "VGW", vgws: "VGWs", tgw: "TGW", asn: "ASN", bgp: "BGP", icmp: "ICMP", arn: "ARN", arns: "ARNs",
  az: "AZ", eni: "ENI", ecmp: "ECMP",
};

export function humanize(name: string): string {
  if (custom[name]) return custom[name];
  const parts = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z])/g, "$1 $2").split(" ").map((w) => w.toLowerCase());
  const text = parts.map((w) => words[w] ?? w).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Routes" → "Route", "Inbound rules" → "Inbound rule", "Entries" → "Entry". */
export function singular(label: string): string {
  if (/ies$/.test(label)) return label.replace(/ies$/, "y");
  if (/(sses|xes)$/.test(label)) return label.replace(/es$/, "");
  return label.replace(/s$/, "");
}
