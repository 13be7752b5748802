import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getIn, setIn, toJson, type Json } from "@/components/lab-editor/document";
import { COALESCE_MS, historyReducer, initialHistory } from "@/components/lab-editor/history";
import { importPastedText } from "@/components/lab-editor/import-text";
import { humanize } from "@/components/lab-editor/labels";
import { collections, elementSchema, freshId, idKey, locate, newElement, referrersOf, suggestionsFor } from "@/components/lab-editor/resource-kinds";
import { parseTopology } from "@/lib/network";

const doc: Json = {
  vpcs: [{ vpcId: "vpc-a", cidrBlock: "10.0.0.0/16" }],
  subnets: [{ subnetId: "subnet-a", vpcId: "vpc-a", cidrBlock: "10.0.1.0/24" }],
  internetGateways: [{ internetGatewayId: "igw-a", attachments: [{ vpcId: "vpc-a" }] }],
};

describe("editing the document", () => {
  it("sets, creates and removes values without touching the original", () => {
    const next = setIn(doc, ["subnets", 0, "mapPublicIpOnLaunch"], true);
    expect(getIn(next, ["subnets", 0, "mapPublicIpOnLaunch"])).toBe(true);
    expect(getIn(doc, ["subnets", 0, "mapPublicIpOnLaunch"])).toBeUndefined();
    expect(getIn(setIn(doc, ["routeTables", 0, "routeTableId"], "rtb-a"), ["routeTables"])).toEqual([{ routeTableId: "rtb-a" }]);
    expect(getIn(setIn(doc, ["subnets", 0], undefined), ["subnets"])).toEqual([]);
    expect(getIn(setIn(doc, ["vpcs", 0, "cidrBlock"], undefined), ["vpcs", 0])).toEqual({ vpcId: "vpc-a" });
  });

  it("undoes and redoes, and keeps typing into one field as one step", () => {
    let h = initialHistory(doc);
    const a = setIn(doc, ["vpcs", 0, "cidrBlock"], "10.1");
    const b = setIn(doc, ["vpcs", 0, "cidrBlock"], "10.1.0.0/16");
    h = historyReducer(h, { type: "edit", doc: a, key: "vpcs.0.cidrBlock", at: 1000 });
    h = historyReducer(h, { type: "edit", doc: b, key: "vpcs.0.cidrBlock", at: 1000 + COALESCE_MS / 2 });
    expect(h.past).toHaveLength(1);
    const c = setIn(b, ["subnets", 0, "cidrBlock"], "10.1.1.0/24");
    h = historyReducer(h, { type: "edit", doc: c, key: "subnets.0.cidrBlock", at: 1600 });
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(b);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(doc);
    expect(historyReducer(h, { type: "undo" })).toBe(h);
    h = historyReducer(h, { type: "redo" });
    expect(h.present).toBe(b);
    // A new edit after an undo drops the redo branch.
    h = historyReducer(h, { type: "edit", doc: setIn(b, ["name"], "x"), key: null, at: 5000 });
    expect(h.future).toEqual([]);
  });
});

describe("resource kinds", () => {
  it("finds every collection's id field from the evaluator's schema", () => {
    expect(idKey("vpcs")).toBe("vpcId");
    expect(idKey("securityGroups")).toBe("groupId");
    expect(idKey("onPremisesNetworks")).toBe("id");
    for (const c of collections) expect(elementSchema(c).properties, c).toBeDefined();
  });

  it("adds resources the evaluator accepts once their blanks are filled", () => {
    let d: Json = doc;
    for (const c of ["subnets", "routeTables", "natGateways", "securityGroups", "networkAcls", "vpcEndpoints", "transitGateways", "vpnGateways", "customerGateways", "onPremisesNetworks", "awsServices"] as const) {
      d = setIn(d, [c, (getIn(d, [c]) as Json[] | undefined)?.length ?? 0], newElement(d, c));
    }
    d = setIn(d, ["subnets", 1, "cidrBlock"], "10.0.2.0/24");
    const parsed = parseTopology(d);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(freshId(d, "subnets")).toBe("subnet-new-2");
  });

  it("every other collection gets an element whose id the evaluator accepts", () => {
    for (const c of collections) {
      const element = newElement({}, c);
      const parsed = parseTopology({ [c]: [element] });
      const idIssues = parsed.ok ? [] : parsed.issues.filter((i) => i.path === `${c}.0.${idKey(c)}`);
      expect(idIssues, c).toEqual([]);
    }
  });

  it("suggests the ids a field can refer to and finds a diagram node's resource", () => {
    expect(suggestionsFor(doc, "vpcId")).toEqual(["vpc-a"]);
    expect(suggestionsFor(doc, "gatewayId")).toEqual(["local", "igw-a"]);
    expect(locate(doc, "subnet-a")).toEqual({ collection: "subnets", index: 0 });
    expect(locate(doc, "internet")).toBeNull();
  });

  it("lists what refers to a resource, field by field", () => {
    expect(referrersOf(doc, "vpc-a")).toEqual([
      { collection: "subnets", index: 0, id: "subnet-a", field: "vpcId" },
      { collection: "internetGateways", index: 0, id: "igw-a", field: "attachments.0.vpcId" },
    ]);
    expect(referrersOf(doc, "igw-a")).toEqual([]);
  });

  it("labels fields as AWS's console does", () => {
    expect(humanize("destinationCidrBlock")).toBe("Destination CIDR block");
    expect(humanize("vpcPeeringConnectionId")).toBe("VPC peering connection ID");
  });
});

describe("pasting text into the editor", () => {
  it("takes a topology as it is", () => {
    const result = importPastedText(JSON.stringify(doc));
    expect(result).toEqual({ ok: true, doc, source: "topology", warnings: [] });
  });

  it("turns AWS describe-* output into a topology with the snapshot reader", () => {
    const dir = "lib/network/aws/fixtures/two-tier";
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".json"));
    const documents = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown);
    const result = importPastedText(JSON.stringify(documents));
    if (!result.ok) throw new Error(result.error);
    expect(result.source).toBe("aws");
    const parsed = parseTopology(result.doc);
    expect(parsed.ok && parsed.topology.vpcs.length).toBeGreaterThan(0);
  });

  it("explains what is wrong with bad text", () => {
    expect(importPastedText("{ nope")).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(importPastedText("[1]")).toMatchObject({ ok: false });
    expect(importPastedText(JSON.stringify({ Vpcs: [{ VpcId: 7 }] }))).toMatchObject({ ok: false, error: expect.stringMatching(/AWS output could not be read/) });
  });

  it("keeps only JSON values", () => {
    expect(toJson({ a: undefined, b: [1, Infinity], c: "x" })).toEqual({ b: [1, null], c: "x" });
  });
});
