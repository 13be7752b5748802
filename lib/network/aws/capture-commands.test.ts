import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../questions/analyze";
import { captureCommands, captureFileName, captureScript, commandName, ipRangesDownload } from "./capture-commands";
import { readAwsFiles } from "./read-files";
import { addSnapshotDocument, emptySnapshot, knownTopLevelKeys, originFromRelativePath } from "./snapshot";

/**
 * `fixtures/cli/` holds one response per command of the capture script, as
 * `aws … --output json` prints it (the API reference's response elements in
 * PascalCase, Direct Connect's in camelCase), named as the script names its
 * files: one small account with two VPCs, a transit gateway, a VPN, Direct
 * Connect, a Network Load Balancer behind PrivateLink, Client VPN and Global
 * Accelerator.
 */
const fixtures = path.join(import.meta.dirname, "fixtures", "cli");
const fixtureFiles = readdirSync(fixtures).sort();
const filesOf = (name: string) => fixtureFiles.filter((f) => f === `${name}.json` || f.startsWith(`${name}.`));

describe("each command's output, as the CLI prints it", () => {
  it.each(captureCommands.map((c) => [c.command, c] as const))("%s is read without a warning", (_, c) => {
    const files = filesOf(commandName(c));
    expect(files.length, `fixtures/cli has no output of ${c.command}`).toBeGreaterThan(0);
    for (const file of files) {
      const snapshot = emptySnapshot();
      const messages = addSnapshotDocument(snapshot, JSON.parse(readFileSync(path.join(fixtures, file), "utf8")), originFromRelativePath(file));
      expect(messages.errors, file).toEqual([]);
      expect(messages.warnings, file).toEqual([]);
      expect(messages.read.map((r) => r.key), file).toContain(c.outputKey);
      expect(messages.read.find((r) => r.key === c.outputKey)?.command, file).toBe(c.command);
    }
  });

  it("recognises every command's top-level key", () => {
    for (const c of captureCommands) expect(knownTopLevelKeys.some((k) => k === c.outputKey || k.includes(c.outputKey)), c.command).toBe(true);
  });

  it("names a per-subject command's file after its subject, ARNs percent-encoded", () => {
    const entries = captureCommands.find((c) => commandName(c) === "get-managed-prefix-list-entries");
    const health = captureCommands.find((c) => commandName(c) === "describe-target-health");
    if (!entries || !health) throw new Error("missing commands");
    expect(captureFileName(entries, "pl-0abc")).toBe("get-managed-prefix-list-entries.pl-0abc.json");
    expect(captureFileName(health, "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123")).toBe(
      "describe-target-health.arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A123456789012%3Atargetgroup%2Fweb%2F0123.json",
    );
    expect(() => captureFileName(entries)).toThrow(/give the subject/);
  });
});

/**
 * A stand-in for the AWS CLI (bash, so seventy calls stay fast) that answers
 * from fixtures/cli and logs every call; `--query … --output text` answers
 * come precomputed from the same fixtures.
 */
function fakeAws(dir: string, missing: readonly string[] = []) {
  const log = path.join(dir, "calls.log");
  const answers = path.join(dir, "answers");
  mkdirSync(answers);
  for (const file of fixtureFiles) {
    const document = JSON.parse(readFileSync(path.join(fixtures, file), "utf8")) as Record<string, unknown>;
    for (const [key, value] of Object.entries(document)) {
      if (!Array.isArray(value)) continue;
      for (const field of ["PrefixListId", "TransitGatewayRouteTableId", "ClientVpnEndpointId", "directConnectGatewayId", "LoadBalancerArn", "TargetGroupArn", "AcceleratorArn", "ListenerArn"]) {
        const ids = value.map((x) => (x as Record<string, unknown>)[field]).filter((x) => typeof x === "string");
        if (ids.length > 0) writeFileSync(path.join(answers, `${file}|${key}[].${field}`), `${ids.join("\t")}\n`);
      }
    }
  }
  const stub = `#!/usr/bin/env bash
printf '%s\\x1f' "$@" >> ${JSON.stringify(log)}; printf '\\n' >> ${JSON.stringify(log)}
command="$2"; subject=""; query=""; previous=""
for arg in "$@"; do
  case "$previous" in
    --prefix-list-id|--transit-gateway-route-table-id|--client-vpn-endpoint-id|--direct-connect-gateway-id|--load-balancer-arn|--target-group-arn|--accelerator-arn|--listener-arn) subject="$arg" ;;
    --query) query="$arg" ;;
  esac
  previous="$arg"
done
name="$command.json"
if [ -n "$subject" ]; then s="\${subject//%/%25}"; s="\${s//:/%3A}"; name="$command.\${s//\\//%2F}.json"; fi
for skip in ${missing.join(" ")}; do
  if [ "$command" = "$skip" ]; then
    printf '\\nAn error occurred (UnauthorizedOperation) when calling the %s operation: You are not authorized to perform this operation.\\n' "$command" >&2; exit 254
  fi
done
if [ ! -f ${JSON.stringify(fixtures)}/"$name" ]; then echo "no fixture $name" >&2; exit 254; fi
if [ -n "$query" ]; then cat ${JSON.stringify(answers)}/"$name|$query" 2> /dev/null || echo; else cat ${JSON.stringify(fixtures)}/"$name"; fi
`;
  writeFileSync(path.join(dir, "aws"), stub);
  writeFileSync(path.join(dir, "curl"), `#!/usr/bin/env bash\ncat ${JSON.stringify(path.join(fixtures, ipRangesDownload.file))}\n`);
  chmodSync(path.join(dir, "aws"), 0o755);
  chmodSync(path.join(dir, "curl"), 0o755);
  return { log };
}

function runScript(missing: readonly string[] = []) {
  const bin = mkdtempSync(path.join(tmpdir(), "fake-aws-"));
  const work = mkdtempSync(path.join(tmpdir(), "capture-"));
  const { log } = fakeAws(bin, missing);
  const script = path.join(work, "capture-aws.sh");
  writeFileSync(script, captureScript({ region: "us-east-1" }));
  const result = spawnSync("bash", [script, "us-east-1", path.join(work, "snapshot")], { env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` }, encoding: "utf8" });
  const folder = path.join(work, "snapshot");
  const written = readdirSync(folder).sort();
  const calls = readFileSync(log, "utf8").trim().split("\n").map((l) => l.split("\x1f").slice(0, -1));
  return { result, folder, written, calls };
}

describe("the capture script", () => {
  it("is valid bash", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "script-"));
    writeFileSync(path.join(dir, "capture-aws.sh"), captureScript());
    expect(() => execFileSync("bash", ["-n", path.join(dir, "capture-aws.sh")])).not.toThrow();
  });

  it("writes one file per command and subject, exactly the CLI's output, which the browser reader reads whole", () => {
    const { result, folder, written, calls } = runScript();
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Wrote 52 files to /);
    expect(written).toEqual(fixtureFiles);
    for (const file of written) expect(readFileSync(path.join(folder, file), "utf8"), file).toBe(readFileSync(path.join(fixtures, file), "utf8"));

    // Pagination-safe: no call limits what the CLI fetches; every call names its Region; Global Accelerator's is us-west-2.
    for (const call of calls) {
      expect(call).not.toContain("--max-items");
      expect(call).not.toContain("--no-paginate");
      expect(call[call.indexOf("--region") + 1]).toBe(call[0] === "globalaccelerator" ? "us-west-2" : "us-east-1");
    }
    expect(calls.find((c) => c[1] === "search-transit-gateway-routes")).toEqual(expect.arrayContaining(["--filters", "Name=state,Values=active,blackhole", "--max-results", "1000"]));
    expect(calls.filter((c) => c[1] === "get-managed-prefix-list-entries").map((c) => c[c.indexOf("--prefix-list-id") + 1])).toEqual(["pl-63a5400a", "pl-0a1b2c3d4e5f60001"]);

    const read = readAwsFiles(written.map((name) => ({ name, text: readFileSync(path.join(folder, name), "utf8") })));
    expect(read.files.filter((f) => f.status !== "read" || f.warnings.length > 0)).toEqual([]);
    expect(read.general).toEqual([]);
    const t = read.topology;
    if (!t) throw new Error("no topology");
    expect(t.prefixLists.find((p) => p.prefixListId === "pl-0a1b2c3d4e5f60001")?.entries.map((e) => e.cidr)).toEqual(["192.0.2.0/24", "198.51.100.128/25"]);
    expect(t.transitGatewayRouteTables[0]?.routes.map((r) => [r.destinationCidrBlock, r.type, r.state])).toEqual([
      ["10.0.0.0/16", "propagated", "active"],
      ["10.1.0.0/16", "propagated", "active"],
      ["192.168.0.0/16", "propagated", "active"],
      ["10.99.0.0/16", "static", "blackhole"],
    ]);
    expect(t.directConnectGateways[0]?.associations[0]?.allowedPrefixesToDirectConnectGateway.map((p) => p.cidr)).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
    expect(t.accelerators[0]?.listeners[0]?.endpointGroups[0]?.endpointDescriptions[0]?.endpointId).toBe("i-0a1b2c3d4e5f60001");
    expect(t.clientVpnEndpoints[0]?.routes).toEqual([expect.objectContaining({ destinationCidr: "10.0.0.0/16", origin: "associate" })]);
    expect(t.loadBalancers[0]).toMatchObject({ crossZoneLoadBalancing: false, enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: "on" });

    // The customer-managed list resolves both where a security group rule uses it and where a route does.
    const fromBranch = analyze(t, { source: "internet", sourceIp: "198.51.100.200", destination: "i-0a1b2c3d4e5f60001", protocol: "tcp", destinationPort: 22 });
    if (!fromBranch.ok) throw new Error(fromBranch.error);
    expect(fromBranch.forwardPathComponents.some((c) => c.securityGroupRule?.prefixListId === "pl-0a1b2c3d4e5f60001")).toBe(true);
    expect(fromBranch.returnPathComponents.some((c) => c.routeTableRoute?.destinationPrefixListId === "pl-0a1b2c3d4e5f60001")).toBe(true);
    const webToApp = analyze(t, { source: "i-0a1b2c3d4e5f60001", destination: "i-0a1b2c3d4e5f60003", protocol: "tcp", destinationPort: 443 });
    expect(webToApp.ok && webToApp.networkPathFound).toBe(true);
  });

  it("goes on when a command fails, says which, and the reader still reads the rest", () => {
    const { result, written } = runScript(["describe-carrier-gateways", "list-accelerators"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("not captured: describe-carrier-gateways.json: An error occurred (UnauthorizedOperation) when calling the describe-carrier-gateways operation");
    expect(result.stderr).toContain("2 commands were not captured");
    expect(written).not.toContain("describe-carrier-gateways.json");
    expect(written).toContain("describe-vpcs.json");
  });
});

describe("the README", () => {
  it("shows the script exactly as captureScript prints it", () => {
    const readme = readFileSync(path.join(import.meta.dirname, "README.md"), "utf8");
    expect(readme).toContain(`\`\`\`bash\n${captureScript()}\`\`\``);
  });
});
