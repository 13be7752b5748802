import { z } from "zod";
import { ipv4Cidr, ipv6Cidr } from "../../model/common";
import { awsList } from "./common";

/**
 * AWS's published IP address ranges, `ip-ranges.json` (downloaded with
 * `curl -O https://ip-ranges.amazonaws.com/ip-ranges.json`; syntax:
 * https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-syntax.html). Not a
 * describe-* output: snake_case keys, recognised by `syncToken` beside
 * `prefixes` and/or `ipv6_prefixes`. Each prefix appears once per service
 * (`AMAZON`, `EC2`, `S3`…). The prefixes are checked as CIDR blocks here, so
 * an error names the JSON path of the bad one.
 */

const entryFields = {
  region: z.string().min(1),
  network_border_group: z.string().optional(),
  service: z.string().min(1),
};

export const ipRangesPrefixSchema = z.looseObject({ ip_prefix: ipv4Cidr, ...entryFields });
export const ipRangesIpv6PrefixSchema = z.looseObject({ ipv6_prefix: ipv6Cidr, ...entryFields });

export const ipRangesSchema = z.looseObject({
  /** Publication time, Unix epoch seconds, as a string. */
  syncToken: z.string(),
  /** Publication time, `yyyy-mm-dd-hh-mm-ss` (UTC). */
  createDate: z.string().optional(),
  prefixes: awsList(ipRangesPrefixSchema),
  ipv6_prefixes: awsList(ipRangesIpv6PrefixSchema),
});

export type AwsIpRanges = z.infer<typeof ipRangesSchema>;

/** A document is ip-ranges.json when it has AWS's `syncToken` and a prefix list. */
export function isIpRangesDocument(document: Record<string, unknown>): boolean {
  return "syncToken" in document && ("prefixes" in document || "ipv6_prefixes" in document);
}
