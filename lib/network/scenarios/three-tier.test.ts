import { describe, expect, it } from "vitest";
import { analyze, pathHops, type AnalysisResult, type AnalysisSuccess } from "../index";
import { threeTier } from "../testing/three-tier";

function ok(result: AnalysisResult): AnalysisSuccess {
  if (!result.ok) throw new Error(`analysis failed: ${result.error}`);
  return result;
}

describe("three tiers with a NAT gateway", () => {
  const topology = threeTier().build();

  it("lets the internet reach the web tier on 443 through the internet gateway's 1:1 NAT", () => {
    const r = ok(analyze(topology, { source: "internet", destination: "i-web", protocol: "tcp", destinationPort: 443, sourceIp: "8.8.8.8" }));
    expect(r.networkPathFound).toBe(true);
    expect(r.query.destinationIp).toBe("54.1.1.10");
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet", "igw-shop", "vpc-shop", "subnet-web", "i-web"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["i-web", "subnet-web", "vpc-shop", "igw-shop", "internet"]);
    const igw = r.forwardPathComponents.find((c) => c.component.id === "igw-shop");
    expect(igw?.outboundHeader?.destinationAddresses).toEqual(["10.0.1.10"]);
    const back = r.returnPathComponents.find((c) => c.component.id === "igw-shop");
    expect(back?.outboundHeader?.sourceAddresses).toEqual(["54.1.1.10"]);
  });

  it("blocks the internet on port 22 at the web tier's security group", () => {
    const r = ok(analyze(topology, { source: "internet", destination: "i-web", protocol: "tcp", destinationPort: 22 }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]?.explanationCode).toBe("ENI_SG_RULES_MISMATCH");
    expect(r.explanations[0]?.component.id).toBe("sg-web");
    expect(r.forwardDisposition).toBe("DENIED_IN");
  });

  it("lets the app tier reach the internet through the NAT gateway, which translates the source", () => {
    const r = ok(analyze(topology, { source: "i-app", destinationIp: "8.8.8.8", protocol: "tcp", destinationPort: 443 }));
    expect(r.networkPathFound).toBe(true);
    expect(r.forwardDisposition).toBe("EXITS_NETWORK");
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-app", "subnet-app", "vpc-shop", "subnet-web", "nat-shop", "subnet-web", "vpc-shop", "igw-shop", "internet"]);
    const nat = r.forwardPathComponents.find((c) => c.component.id === "nat-shop");
    expect(nat?.outboundHeader?.sourceAddresses).toEqual(["10.0.1.5"]);
    const igw = r.forwardPathComponents.find((c) => c.component.id === "igw-shop");
    expect(igw?.outboundHeader?.sourceAddresses).toEqual(["3.3.3.3"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["internet", "igw-shop", "vpc-shop", "subnet-web", "nat-shop", "subnet-web", "vpc-shop", "subnet-app", "i-app"]);
  });

  it("admits no connection initiated from the internet to the NAT gateway's address", () => {
    const r = ok(analyze(topology, { source: "internet", destinationIp: "3.3.3.3", protocol: "tcp", destinationPort: 80 }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]?.explanationCode).toBe("NAT_GATEWAY_NO_INBOUND");
    expect(r.forwardDisposition).toBe("DENIED_IN");
    expect(pathHops(r.forwardPathComponents)).toEqual(["internet", "igw-shop", "vpc-shop", "subnet-web", "nat-shop"]);
  });

  it("drops protocols other than TCP, UDP and ICMP at the NAT gateway", () => {
    const r = ok(analyze(topology, { source: "i-app", destinationIp: "8.8.8.8", protocol: "47" }));
    expect(r.explanations[0]?.explanationCode).toBe("NAT_GATEWAY_PROTOCOL");
  });

  it("keeps the private app tier unreachable from the internet: no public IP", () => {
    const r = ok(analyze(topology, { source: "internet", destination: "i-app", protocol: "tcp", destinationPort: 8080 }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]?.explanationCode).toBe("INTERNET_UNROUTABLE_ADDRESS");
  });

  it("allows web → app → db through security groups that reference each other", () => {
    expect(ok(analyze(topology, { source: "i-web", destination: "i-app", protocol: "tcp", destinationPort: 8080 })).networkPathFound).toBe(true);
    const db = ok(analyze(topology, { source: "i-app", destination: "i-db", protocol: "tcp", destinationPort: 5432 }));
    expect(db.networkPathFound).toBe(true);
    expect(db.forwardPathComponents.find((c) => c.securityGroupRule?.direction === "ingress")?.securityGroupRule?.referencedGroupId).toBe("sg-app");
  });

  it("denies the web tier a direct path to the database (sg-db admits only sg-app)", () => {
    const r = ok(analyze(topology, { source: "i-web", destination: "i-db", protocol: "tcp", destinationPort: 5432 }));
    expect(r.networkPathFound).toBe(false);
    expect(r.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", direction: "ingress", component: { id: "sg-db" } });
  });

  it("gives the database no way out: the main table has only the local route", () => {
    const r = ok(analyze(topology, { source: "i-db", destinationIp: "8.8.8.8", protocol: "tcp", destinationPort: 443 }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_ROUTE_TO_DESTINATION", component: { id: "rtb-main" } });
    expect(r.forwardDisposition).toBe("NO_ROUTE");
  });

  it("needs a public IP to use the internet gateway", () => {
    const t = threeTier().routeTable("rtb-db-public", "vpc-shop", { routes: { "0.0.0.0/0": "igw-shop" } }).build();
    // Re-associate the db subnet to a table with an internet route: still no public IP.
    const patched = { ...t, routeTables: t.routeTables.map((rt) => (rt.routeTableId === "rtb-main" ? { ...rt, routes: [...rt.routes, { destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-shop", state: "active" as const, origin: "CreateRoute" as const }] } : rt)) };
    const r = ok(analyze(patched, { source: "i-db", destinationIp: "8.8.8.8", protocol: "tcp", destinationPort: 443 }));
    expect(r.explanations[0]).toMatchObject({ explanationCode: "NO_PUBLIC_IP_ADDRESS", component: { id: "igw-shop" } });
    expect(r.forwardDisposition).toBe("DENIED_IN");
  });
});

describe("sources and destinations that are components", () => {
  const topology = threeTier().build();
  const https = { protocol: "tcp" as const, destinationPort: 443 };

  it("reaches an internet gateway through the NAT gateway, and the reply returns from it", () => {
    const r = ok(analyze(topology, { source: "i-app", destination: "igw-shop", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents).slice(-1)).toEqual(["igw-shop"]);
    expect(pathHops(r.returnPathComponents)).toEqual(["igw-shop", "vpc-shop", "subnet-web", "nat-shop", "subnet-web", "vpc-shop", "subnet-app", "i-app"]);
  });

  it("starts at a NAT gateway, a subnet or the VPC router", () => {
    expect(ok(analyze(topology, { source: "nat-shop", destinationIp: "8.8.8.8", ...https })).networkPathFound).toBe(true);
    const subnet = ok(analyze(topology, { source: "subnet-app", destination: "i-db", protocol: "tcp", destinationPort: 5432 }));
    expect(subnet.query.sourceIp).toBe("10.0.2.4");
    expect(subnet.explanations[0]).toMatchObject({ explanationCode: "ENI_SG_RULES_MISMATCH", component: { id: "sg-db" } });
    const router = ok(analyze(topology, { source: "vpc-shop", destination: "i-web", ...https }));
    expect(router.networkPathFound).toBe(true);
    expect(pathHops(router.forwardPathComponents)).toEqual(["vpc-shop", "subnet-web", "i-web"]);
  });

  it("ends at a subnet", () => {
    const r = ok(analyze(topology, { source: "i-web", destination: "subnet-db", ...https }));
    expect(r.networkPathFound).toBe(true);
    expect(pathHops(r.forwardPathComponents)).toEqual(["i-web", "subnet-web", "vpc-shop", "subnet-db"]);
  });
});

describe("bad input", () => {
  const topology = threeTier().build();
  it("reports unknown ids and bad queries without throwing", () => {
    expect(analyze(topology, { source: "i-nope", destination: "i-web", protocol: "tcp", destinationPort: 1 })).toMatchObject({ ok: false, errorCode: "UNKNOWN_SOURCE" });
    expect(analyze(topology, { source: "i-web", destination: "i-nope", protocol: "tcp", destinationPort: 1 })).toMatchObject({ ok: false, errorCode: "UNKNOWN_DESTINATION" });
    expect(analyze(topology, { source: "i-web", protocol: "tcp" })).toMatchObject({ ok: false, errorCode: "INVALID_QUERY" });
    expect(analyze(topology, { source: "i-web", destinationIp: "999.1.1.1", protocol: "tcp" })).toMatchObject({ ok: false, errorCode: "INVALID_QUERY" });
    expect(analyze(topology, { source: "i-web", destinationIp: "2600:1f18::1", protocol: "tcp" })).toMatchObject({ ok: false, errorCode: "INVALID_QUERY" });
  });
});
