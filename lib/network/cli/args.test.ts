import { describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "./args";

describe("parseCliArgs", () => {
  it("reads analyze with the flag names of create-network-insights-path", () => {
    expect(
      parseCliArgs(["analyze", "--snapshot", "snap", "--source", "i-1", "--destination", "i-2", "--protocol", "udp", "--destination-port", "53", "--format", "json"]),
    ).toEqual({ command: "analyze", snapshot: "snap", source: "i-1", destination: "i-2", protocol: "udp", destinationPort: 53, format: "json" });
  });

  it("defaults to tcp and the text story", () => {
    expect(parseCliArgs(["analyze", "--snapshot", "s", "--source", "i-1", "--destination-ip", "8.8.8.8"])).toMatchObject({
      protocol: "tcp",
      format: "text",
      destinationIp: "8.8.8.8",
    });
  });

  it.each([
    [["analyze", "--source", "i-1", "--destination", "i-2"], "--snapshot PATH is required"],
    [["analyze", "--snapshot", "s", "--destination", "i-2"], "--source ID is required"],
    [["analyze", "--snapshot", "s", "--source", "i-1"], "--destination ID (or --destination-ip IP) is required"],
    [["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--protocol", "sctp"], "--protocol must be tcp, udp, icmp, all, -1 or an IP protocol number from 0 to 255"],
    [["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--protocol", "256"], "--protocol must be tcp, udp, icmp, all, -1 or an IP protocol number from 0 to 255"],
    [["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--protocol", "-2"], "--protocol must be tcp, udp, icmp, all, -1 or an IP protocol number from 0 to 255"],
    [["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--protocol", "-1", "--destination-port", "80"], "--destination-port applies only to --protocol tcp or udp"],
    [["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--destination-port", "70000"], "--destination-port must be a port number from 0 to 65535"],
    [["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--source-ip", "10.0.0.300"], "--source-ip must be an IP address like 10.0.1.25"],
    [["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--protocol", "icmp", "--destination-port", "80"], "--destination-port applies only to --protocol tcp or udp"],
    [["matrix", "--snapshot", "s", "--source", "i-1"], "--source does not apply to matrix"],
    [["probe", "--snapshot", "s"], 'unknown command "probe": use analyze or matrix'],
    [[], "missing command: analyze or matrix"],
  ])("rejects %j with a one-line message", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(new UsageError(message));
  });

  // AWS writes "all protocols" as -1 (IpProtocol "-1" in describe-security-groups, Protocol "-1" in
  // describe-network-acls): https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
  it.each([
    ["-1", "all"],
    ["all", "all"],
    ["ALL", "all"],
    ["6", "tcp"],
    ["17", "udp"],
    ["1", "icmp"],
    ["47", "47"],
    ["050", "50"],
    ["0", "0"],
  ])("takes --protocol %s as AWS writes protocols (%s)", (given, protocol) => {
    expect(parseCliArgs(["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--protocol", given])).toMatchObject({ protocol });
    expect(parseCliArgs(["matrix", "--snapshot", "s", "--protocol", given])).toMatchObject({ protocol });
  });

  it("keeps --destination-port for tcp given by number", () => {
    expect(parseCliArgs(["analyze", "--snapshot", "s", "--source", "i-1", "--destination", "i-2", "--protocol", "6", "--destination-port", "443"])).toMatchObject({ protocol: "tcp", destinationPort: 443 });
  });

  it("names an unknown flag", () => {
    expect(() => parseCliArgs(["analyze", "--sorce", "i-1"])).toThrow(/Unknown option '--sorce'/);
  });
});
