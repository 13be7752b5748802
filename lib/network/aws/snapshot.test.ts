import { describe, expect, it } from "vitest";
import { addSnapshotDocument, emptySnapshot, formatJsonPath, originFromRelativePath, paginationWarnings, subjectFileName, subjectFromPath } from "./snapshot";

describe("addSnapshotDocument", () => {
  it("recognises an output by its top-level key and keeps fields it does not check", () => {
    const snapshot = emptySnapshot();
    const messages = addSnapshotDocument(
      snapshot,
      { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16", DhcpOptionsId: "dopt-1" }], NextToken: "abc" },
      { file: "Vpcs.json" },
    );
    expect(messages).toEqual({ errors: [], warnings: [], outputs: 1, read: [{ command: "aws ec2 describe-vpcs", key: "Vpcs", count: 1 }], nextToken: "abc" });
    expect(snapshot.vpcs).toHaveLength(1);
    expect(snapshot.vpcs[0]?.value).toMatchObject({ VpcId: "vpc-1", DhcpOptionsId: "dopt-1" });
  });

  it("names the file and the JSON path of malformed data", () => {
    const messages = addSnapshotDocument(
      emptySnapshot(),
      { Vpcs: [{ VpcId: "vpc-1" }, { VpcId: "vpc-2" }, { VpcId: "vpc-3", CidrBlock: 42 }] },
      { file: "Vpcs.json" },
    );
    expect(messages.errors).toEqual(["Vpcs.json: $.Vpcs[2].CidrBlock: expected string, received number"]);
  });

  it("warns about keys it does not know and goes on", () => {
    const snapshot = emptySnapshot();
    const messages = addSnapshotDocument(snapshot, { DBInstances: [], Subnets: [{ SubnetId: "subnet-1", VpcId: "vpc-1" }] }, { file: "x.json" });
    expect(messages.errors).toEqual([]);
    expect(messages.warnings).toEqual(['x.json: top-level key "DBInstances" is not an AWS output this reader knows; ignored']);
    expect(snapshot.subnets).toHaveLength(1);
  });

  it("reads search-transit-gateway-routes output wrapped with its table id", () => {
    const snapshot = emptySnapshot();
    const messages = addSnapshotDocument(
      snapshot,
      {
        TransitGatewayRouteTableId: "tgw-rtb-1",
        Routes: [{ DestinationCidrBlock: "10.0.0.0/16", State: "active", Type: "static", TransitGatewayAttachments: [{ TransitGatewayAttachmentId: "tgw-attach-1" }] }],
      },
      { file: "routes.json" },
    );
    expect(messages.errors).toEqual([]);
    expect(snapshot.transitGatewayRoutes[0]?.value.TransitGatewayRouteTableId).toBe("tgw-rtb-1");
  });

  it("explains how to wrap an output that lacks its subject's id", () => {
    const messages = addSnapshotDocument(emptySnapshot(), { Routes: [{ DestinationCidrBlock: "10.0.0.0/16", State: "active" }] }, { file: "routes.json" });
    expect(messages.warnings[0]).toMatch(/wrap it as \{"TransitGatewayRouteTableId"/);
  });

  it("recognises AWS's ip-ranges.json by syncToken and its prefixes, without warning about its own keys", () => {
    const snapshot = emptySnapshot();
    const messages = addSnapshotDocument(
      snapshot,
      {
        syncToken: "1717000000",
        createDate: "2024-05-29-16-26-40",
        prefixes: [{ ip_prefix: "54.184.0.0/13", region: "us-west-2", service: "AMAZON", network_border_group: "us-west-2" }],
        ipv6_prefixes: [{ ipv6_prefix: "2600:1f14::/35", region: "us-west-2", service: "EC2", network_border_group: "us-west-2" }],
      },
      { file: "ip-ranges.json" },
    );
    expect(messages).toEqual({ errors: [], warnings: [], outputs: 1, read: [{ command: "ip-ranges.json", key: "prefixes", count: 2 }] });
    expect(snapshot.awsIpRanges).toHaveLength(1);
    expect(snapshot.awsIpRanges[0]?.value.prefixes[0]?.ip_prefix).toBe("54.184.0.0/13");
    // Only IPv6 prefixes is an ip-ranges.json too.
    expect(addSnapshotDocument(emptySnapshot(), { syncToken: "1", ipv6_prefixes: [] }, { file: "v6.json" })).toMatchObject({ errors: [], warnings: [], outputs: 1 });
  });

  it("names the file and the JSON path of a bad prefix in ip-ranges.json", () => {
    const messages = addSnapshotDocument(
      emptySnapshot(),
      {
        syncToken: "1717000000",
        prefixes: [
          { ip_prefix: "54.184.0.0/13", region: "us-west-2", service: "EC2" },
          { ip_prefix: "54.184.0.0", region: "us-west-2", service: "EC2" },
        ],
        ipv6_prefixes: [{ ipv6_prefix: "2600:1f14::/35", region: "us-west-2" }],
      },
      { file: "ip-ranges.json" },
    );
    expect(messages.errors).toEqual([
      'ip-ranges.json: $.prefixes[1].ip_prefix: expected an IPv4 CIDR block like "10.0.0.0/16"',
      "ip-ranges.json: $.ipv6_prefixes[0].service: expected string, received undefined",
    ]);
  });

  it("ignores a document that is not a JSON object, with a warning", () => {
    const messages = addSnapshotDocument(emptySnapshot(), [1, 2], { file: "list.json" });
    expect(messages.warnings).toHaveLength(1);
  });
});

describe("originFromRelativePath", () => {
  it("takes the Region and account from Batfish's folder layouts", () => {
    expect(originFromRelativePath("Vpcs.json")).toEqual({ file: "Vpcs.json" });
    expect(originFromRelativePath("us-east-1/Vpcs.json")).toEqual({ file: "us-east-1/Vpcs.json", region: "us-east-1" });
    expect(originFromRelativePath("accounts/123456789012/eu-west-2/Vpcs.json")).toEqual({
      file: "accounts/123456789012/eu-west-2/Vpcs.json",
      region: "eu-west-2",
      accountId: "123456789012",
    });
  });
});

describe("formatJsonPath", () => {
  it("writes keys and indexes as a JSONPath", () => {
    expect(formatJsonPath(["Vpcs", 2, "CidrBlock"])).toBe("$.Vpcs[2].CidrBlock");
    expect(formatJsonPath(["odd key"])).toBe('$["odd key"]');
  });
});

describe("outputs without their subject's id, exactly as the CLI prints them", () => {
  const route = { DestinationCidrBlock: "10.1.0.0/16", State: "active", Type: "propagated", TransitGatewayAttachments: [{ TransitGatewayAttachmentId: "tgw-attach-1", ResourceId: "vpc-1", ResourceType: "vpc" }] };
  const tgArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
  const lbArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/web/0123456789abcdef";

  it.each([
    ["search-transit-gateway-routes", "tgw-rtb-0123456789abcdef0", { Routes: [route], AdditionalRoutesAvailable: false }, "transitGatewayRoutes", "TransitGatewayRouteTableId"],
    ["get-transit-gateway-route-table-propagations", "tgw-rtb-0123456789abcdef0", { TransitGatewayRouteTablePropagations: [{ TransitGatewayAttachmentId: "tgw-attach-1", ResourceId: "vpc-1", ResourceType: "vpc", State: "enabled" }] }, "transitGatewayPropagations", "TransitGatewayRouteTableId"],
    ["get-transit-gateway-route-table-associations", "tgw-rtb-0123456789abcdef0", { Associations: [{ TransitGatewayAttachmentId: "tgw-attach-1", ResourceId: "vpc-1", ResourceType: "vpc", State: "associated" }] }, "transitGatewayAssociations", "TransitGatewayRouteTableId"],
    ["get-managed-prefix-list-entries", "pl-0123456789abcdef0", { Entries: [{ Cidr: "203.0.113.0/24", Description: "office" }] }, "managedPrefixListEntries", "PrefixListId"],
    ["describe-target-health", tgArn, { TargetHealthDescriptions: [{ Target: { Id: "i-1", Port: 80 }, HealthCheckPort: "80", TargetHealth: { State: "healthy" } }] }, "targetHealth", "TargetGroupArn"],
    ["describe-load-balancer-attributes", lbArn, { Attributes: [{ Key: "load_balancing.cross_zone.enabled", Value: "true" }] }, "loadBalancerAttributes", "LoadBalancerArn"],
  ] as const)("reads %s output when the file's name holds the subject", (command, subject, output, into, subjectKey) => {
    const snapshot = emptySnapshot();
    const file = `us-east-1/${subjectFileName(command, subject)}.json`;
    const messages = addSnapshotDocument(snapshot, output, originFromRelativePath(file));
    expect(messages.errors).toEqual([]);
    expect(messages.warnings).toEqual([]);
    expect(messages.read).toEqual([expect.objectContaining({ subject, count: 1 })]);
    const stored = snapshot[into][0]?.value as Record<string, unknown> | undefined;
    expect(stored?.[subjectKey]).toBe(subject);
  });

  it("finds the subject in a folder's name too, and ignores a page number", () => {
    const snapshot = emptySnapshot();
    addSnapshotDocument(snapshot, { Entries: [{ Cidr: "10.0.0.0/8" }] }, { file: "get-managed-prefix-list-entries/pl-0abc/page.2.json" });
    expect(snapshot.managedPrefixListEntries[0]?.value.PrefixListId).toBe("pl-0abc");
    expect(subjectFromPath("snap/get-managed-prefix-list-entries.pl-0abc.2.json", "prefix-list")).toEqual({ subject: "pl-0abc" });
  });

  it("reads an empty output without a subject: there is nothing to place", () => {
    const messages = addSnapshotDocument(emptySnapshot(), { Routes: [] }, { file: "describe-client-vpn-routes.cvpn-endpoint-1.json" });
    expect(messages).toMatchObject({ warnings: [], errors: [], outputs: 1, read: [{ command: "aws ec2 describe-client-vpn-routes", count: 0 }] });
  });

  it("says what to do when the name holds no subject, or two", () => {
    const none = addSnapshotDocument(emptySnapshot(), { Entries: [{ Cidr: "10.0.0.0/8" }] }, { file: "entries.json" });
    expect(none.warnings).toEqual([
      'entries.json: aws ec2 get-managed-prefix-list-entries output does not say which prefix list it belongs to: name the file after it (get-managed-prefix-list-entries.pl-0123456789abcdef0.json) or wrap it as {"PrefixListId": "…", "Entries": […]}; ignored',
    ]);
    const two = addSnapshotDocument(emptySnapshot(), { Routes: [route] }, { file: "tgw-rtb-1.tgw-rtb-2.json" });
    expect(two.warnings).toEqual(["tgw-rtb-1.tgw-rtb-2.json: aws ec2 search-transit-gateway-routes output: its name holds 2 transit gateway route table ids (tgw-rtb-1, tgw-rtb-2), so it does not say which one the output belongs to; ignored"]);
    expect(two.outputs).toBe(0);
  });

  it("warns when search-transit-gateway-routes says it left routes out", () => {
    const messages = addSnapshotDocument(emptySnapshot(), { Routes: [route], AdditionalRoutesAvailable: true }, { file: "search-transit-gateway-routes.tgw-rtb-1.json" });
    expect(messages.warnings).toEqual([expect.stringMatching(/^search-transit-gateway-routes\.tgw-rtb-1\.json: search-transit-gateway-routes says more routes are available .* for tgw-rtb-1: run it again with --max-results 1000/)]);
  });

  it("keeps reading Client VPN routes, which name their endpoint, under the same key", () => {
    const snapshot = emptySnapshot();
    const messages = addSnapshotDocument(snapshot, { Routes: [{ ClientVpnEndpointId: "cvpn-endpoint-1", DestinationCidr: "10.0.0.0/16", TargetSubnet: "subnet-1" }] }, { file: "describe-client-vpn-routes.json" });
    expect(messages.warnings).toEqual([]);
    expect(snapshot.clientVpnRoutes).toHaveLength(1);
  });
});

describe("one bad element does not discard its neighbours", () => {
  it("keeps the valid elements of a list and reports each invalid one with its JSON path", () => {
    const snapshot = emptySnapshot();
    const messages = addSnapshotDocument(snapshot, { Subnets: [{ SubnetId: "subnet-1", VpcId: "vpc-1" }, { SubnetId: 7 }, { SubnetId: "subnet-3", VpcId: "vpc-1" }] }, { file: "Subnets.json" });
    expect(snapshot.subnets.map((s) => s.value.SubnetId)).toEqual(["subnet-1", "subnet-3"]);
    expect(messages.errors).toEqual(["Subnets.json: $.Subnets[1].SubnetId: expected string, received number", "Subnets.json: $.Subnets[1].VpcId: expected string, received undefined"]);
    expect(messages.read).toEqual([{ command: "aws ec2 describe-subnets", key: "Subnets", count: 2 }]);
  });

  it("reads AWS's null for an empty list as empty, and reports a list that is not one", () => {
    expect(addSnapshotDocument(emptySnapshot(), { Vpcs: null }, { file: "a.json" }).errors).toEqual([]);
    expect(addSnapshotDocument(emptySnapshot(), { Vpcs: { VpcId: "vpc-1" } }, { file: "b.json" }).errors).toEqual(["b.json: $.Vpcs: expected a list, received object"]);
  });
});

describe("pages of a paginated output", () => {
  const page = (file: string, ids: string[], nextToken?: string) => {
    const snapshot = emptySnapshot();
    return { file, messages: addSnapshotDocument(snapshot, { Vpcs: ids.map((VpcId) => ({ VpcId, CidrBlock: "10.0.0.0/16" })), ...(nextToken ? { NextToken: nextToken } : {}) }, { file }) };
  };
  const subnets = { file: "Subnets.json", messages: addSnapshotDocument(emptySnapshot(), { Subnets: [] }, { file: "Subnets.json" }) };

  it("says nothing when the next page is there", () => {
    expect(paginationWarnings([page("describe-vpcs.json", ["vpc-1"], "t1"), page("describe-vpcs.2.json", ["vpc-2"])])).toEqual([]);
  });

  it("reports a page whose continuation is missing", () => {
    expect(paginationWarnings([page("describe-vpcs.json", ["vpc-1"], "t1"), subnets])).toEqual([
      "describe-vpcs.json: is one page of aws ec2 describe-vpcs (it holds a NextToken) and no other file continues it: run the command again with --starting-token (or without --max-items, so the CLI fetches every page) and add the output",
    ]);
  });
});

describe("PrefixLists, printed by two commands", () => {
  it("tells describe-managed-prefix-lists (no Cidrs) from describe-prefix-lists (Cidrs) element by element", () => {
    const snapshot = emptySnapshot();
    const managed = addSnapshotDocument(
      snapshot,
      { PrefixLists: [{ PrefixListId: "pl-0office", AddressFamily: "IPv4", State: "create-complete", PrefixListArn: "arn:aws:ec2:us-east-1:123456789012:prefix-list/pl-0office", PrefixListName: "office", MaxEntries: 10, Version: 3, Tags: [], OwnerId: "123456789012" }] },
      { file: "describe-managed-prefix-lists.json" },
    );
    const aws = addSnapshotDocument(snapshot, { PrefixLists: [{ Cidrs: ["52.216.0.0/15"], PrefixListId: "pl-63a5400a", PrefixListName: "com.amazonaws.us-east-1.s3" }] }, { file: "describe-prefix-lists.json" });
    expect(managed.read).toEqual([{ command: "aws ec2 describe-managed-prefix-lists", key: "PrefixLists", count: 1 }]);
    expect(aws.read).toEqual([{ command: "aws ec2 describe-prefix-lists", key: "PrefixLists", count: 1 }]);
    expect(snapshot.managedPrefixLists.map((p) => p.value.PrefixListId)).toEqual(["pl-0office"]);
    expect(snapshot.prefixLists.map((p) => p.value.PrefixListId)).toEqual(["pl-63a5400a"]);
  });
});
