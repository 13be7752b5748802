import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSnapshotDocument, emptySnapshot } from "./snapshot";
import { snapshotToTopology } from "./to-topology";

/**
 * Bad input never crashes: whatever JSON a file holds, reading it gives
 * data, warnings or errors that name the file — never an exception.
 */
describe("reading any JSON", () => {
  const keys = ["Vpcs", "Subnets", "RouteTables", "SecurityGroups", "NetworkAcls", "Reservations", "TransitGatewayRouteTableId", "Routes", "LoadBalancers", "Entries", "PrefixListId", "syncToken", "prefixes", "ipv6_prefixes"];
  // Shapes AWS's schemas accept but with arbitrary values, so the mapping onto the model is exercised too.
  const id = (prefix: string) => fc.oneof(fc.constant(`${prefix}-1`), fc.string({ maxLength: 6 }).map((s) => `${prefix}-${s}`), fc.string({ maxLength: 6 }));
  const cidr = fc.oneof(fc.constant("10.0.0.0/16"), fc.string({ maxLength: 12 }), fc.ipV4().map((ip) => `${ip}/24`));
  const nearlyValid = fc.record({
    Vpcs: fc.array(fc.record({ VpcId: id("vpc"), CidrBlock: cidr, State: fc.string({ maxLength: 9 }) }), { maxLength: 3 }),
    Subnets: fc.array(fc.record({ SubnetId: id("subnet"), VpcId: id("vpc"), CidrBlock: cidr, AvailabilityZone: fc.string({ maxLength: 12 }) }), { maxLength: 3 }),
    RouteTables: fc.array(
      fc.record({
        RouteTableId: id("rtb"),
        VpcId: id("vpc"),
        Routes: fc.array(fc.record({ DestinationCidrBlock: cidr, GatewayId: fc.oneof(fc.constant("local"), id("igw"), id("x")), State: fc.string({ maxLength: 9 }) }), { maxLength: 3 }),
      }),
      { maxLength: 2 },
    ),
    NetworkAcls: fc.array(
      fc.record({
        NetworkAclId: id("acl"),
        VpcId: id("vpc"),
        Entries: fc.array(fc.record({ RuleNumber: fc.integer({ min: -5, max: 40000 }), Protocol: fc.string({ maxLength: 4 }), RuleAction: fc.constantFrom("allow", "deny", "maybe"), Egress: fc.boolean(), CidrBlock: cidr }), { maxLength: 3 }),
      }),
      { maxLength: 2 },
    ),
  });
  // AWS's ip-ranges.json, with arbitrary prefixes and services.
  const ipRanges = fc.record({
    syncToken: fc.oneof(fc.constant("1717000000"), fc.string({ maxLength: 4 })),
    prefixes: fc.array(fc.record({ ip_prefix: cidr, region: fc.string({ maxLength: 9 }), service: fc.constantFrom("AMAZON", "EC2", "S3", "") }), { maxLength: 3 }),
    ipv6_prefixes: fc.array(fc.record({ ipv6_prefix: fc.oneof(fc.constant("2600:1f14::/35"), fc.string({ maxLength: 8 })), region: fc.string({ maxLength: 9 }), service: fc.string({ maxLength: 5 }) }), { maxLength: 2 }),
  });
  const document = fc.oneof(
    fc.json().map((text) => JSON.parse(text) as unknown),
    fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()),
    nearlyValid,
    ipRanges,
  );

  it("never throws, and every message names the file", () => {
    fc.assert(
      fc.property(document, (doc) => {
        const snapshot = emptySnapshot();
        const messages = addSnapshotDocument(snapshot, doc, { file: "any.json" });
        for (const message of [...messages.errors, ...messages.warnings]) expect(message.startsWith("any.json: ")).toBe(true);
        const converted = snapshotToTopology(snapshot);
        if (!converted.ok) for (const error of converted.errors) expect(error).toMatch(/^any\.json: /);
      }),
      { numRuns: 300 },
    );
  });
});
