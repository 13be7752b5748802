import { formatIp, type Ip } from "./ip";

/** A packet as the evaluator follows it: addresses as unsigned 32-bit numbers, protocol by IANA number (-1: any). */
export interface Packet {
  srcIp: Ip;
  dstIp: Ip;
  /** 6 TCP, 17 UDP, 1 ICMP, other IANA numbers; -1 for "all traffic". */
  protocol: number;
  srcPort: number | undefined;
  dstPort: number | undefined;
}

export const TCP = 6;
export const UDP = 17;
export const ICMP = 1;

export function hasPorts(protocol: number): boolean {
  return protocol === TCP || protocol === UDP;
}

export function protocolName(protocol: number): string {
  switch (protocol) {
    case TCP:
      return "tcp";
    case UDP:
      return "udp";
    case ICMP:
      return "icmp";
    case -1:
      return "all";
    default:
      return String(protocol);
  }
}

/** Rule protocols as AWS writes them ("-1", "tcp", "6", "all"…) → number, -1 meaning all. */
export function ruleProtocol(text: string): number {
  switch (text.toLowerCase()) {
    case "-1":
    case "all":
      return -1;
    case "tcp":
      return TCP;
    case "udp":
      return UDP;
    case "icmp":
      return ICMP;
    case "icmpv6":
      return 58;
    default: {
      const n = Number(text);
      return Number.isInteger(n) ? n : -2;
    }
  }
}

export function reversePacket(p: Packet): Packet {
  return { srcIp: p.dstIp, dstIp: p.srcIp, protocol: p.protocol, srcPort: p.dstPort, dstPort: p.srcPort };
}

export function describePacket(p: Packet): string {
  const ports = hasPorts(p.protocol) ? ` ${p.srcPort ?? "*"} → ${p.dstPort ?? "*"}` : "";
  return `${protocolName(p.protocol)} ${formatIp(p.srcIp)} → ${formatIp(p.dstIp)}${ports}`;
}
