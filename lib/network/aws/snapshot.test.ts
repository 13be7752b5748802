import { describe, expect, it } from "vitest";
import { addSnapshotDocument, emptySnapshot, formatJsonPath, originFromRelativePath } from "./snapshot";

describe("addSnapshotDocument", () => {
  it("recognises an output by its top-level key and keeps fields it does not check", () => {
    const snapshot = emptySnapshot();
    const messages = addSnapshotDocument(
      snapshot,
      { Vpcs: [{ VpcId: "vpc-1", CidrBlock: "10.0.0.0/16", DhcpOptionsId: "dopt-1" }], NextToken: "abc" },
      { file: "Vpcs.json" },
    );
    expect(messages).toEqual({ errors: [], warnings: [], outputs: 1 });
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
    const messages = addSnapshotDocument(emptySnapshot(), { Routes: [] }, { file: "routes.json" });
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
    expect(messages).toEqual({ errors: [], warnings: [], outputs: 1 });
    expect(snapshot.awsIpRanges).toHaveLength(1);
    expect(snapshot.awsIpRanges[0]?.value.prefixes[0]?.ip_prefix).toBe("54.184.0.0/13");
    // Only IPv6 prefixes is an ip-ranges.json too.
    expect(addSnapshotDocument(emptySnapshot(), { syncToken: "1", ipv6_prefixes: [] }, { file: "v6.json" })).toEqual({ errors: [], warnings: [], outputs: 1 });
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
