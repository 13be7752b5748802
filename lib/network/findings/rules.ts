import { aclEntryCovers, aclEntryText } from "../filters/network-acl";
import { singleRuleCovers, singleRules } from "../filters/security-group";
import type { IndexedTopology } from "../model/indexed-topology";
import type { Finding } from "./finding";

/**
 * Security group and network ACL rules that nothing uses or that add
 * nothing: groups attached to no interface, rules naming a group or a
 * prefix list the snapshot does not hold, rules another rule of the same
 * group already covers, network ACL entries a lower-numbered entry always
 * matches first, and ACLs associated with no subnet.
 */

const SG_DOCS = "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html";
const ACL_DOCS = "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html";

export function unusedSecurityGroups(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const group of index.topology.securityGroups) {
    if ((index.securityGroupMembers.get(group.groupId) ?? []).length > 0) continue;
    // A VPC's default group cannot be deleted; that it is unused is worth knowing, not fixing.
    const isDefault = group.groupName === "default";
    const referencedBy = index.topology.securityGroups.filter((g) => g.groupId !== group.groupId && [...g.ipPermissions, ...g.ipPermissionsEgress].some((p) => p.userIdGroupPairs.some((u) => u.groupId === group.groupId))).map((g) => g.groupId);
    findings.push({
      code: "SECURITY_GROUP_UNUSED",
      severity: isDefault ? "info" : "low",
      resources: [{ id: group.groupId, type: "security-group", ...(group.groupName ? { name: group.groupName } : {}) }],
      message: `${group.groupId}${group.groupName ? ` (${group.groupName})` : ""} is attached to no network interface, so its rules filter nothing${referencedBy.length > 0 ? `, and the rules of ${referencedBy.join(", ")} that name it admit no one` : ""}.${isDefault ? " It is its VPC's default group, which cannot be deleted." : ""}`,
      evidence: { kind: "resource", detail: `no interface, load balancer, endpoint or Client VPN endpoint has ${group.groupId}` },
      documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/security-groups.html",
    });
  }
  return findings;
}

export function securityGroupRuleFindings(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const group of index.topology.securityGroups) {
    const groupRef = { id: group.groupId, type: "security-group" as const, ...(group.groupName ? { name: group.groupName } : {}) };
    for (const [direction, permissions] of [["ingress", group.ipPermissions], ["egress", group.ipPermissionsEgress]] as const) {
      const rules = singleRules(group.groupId, direction, permissions);
      rules.forEach((rule, n) => {
        if (rule.source.kind === "group" && !index.securityGroups.has(rule.source.id)) {
          const pair = rule.permission.userIdGroupPairs.find((u) => u.groupId === (rule.source.kind === "group" ? rule.source.id : ""));
          const otherAccount = pair?.userId !== undefined && group.ownerId !== undefined && pair.userId !== group.ownerId;
          findings.push({
            code: "SECURITY_GROUP_RULE_UNKNOWN_GROUP",
            severity: otherAccount ? "info" : "low",
            resources: [groupRef],
            message: `${group.groupId} ${rule.text} names ${rule.source.id}, which is not in the snapshot${otherAccount ? ` (it belongs to account ${pair?.userId}, whose resources were not captured)` : " (deleted, or in a VPC or account that was not captured)"}: the analysis treats the rule as matching no one.`,
            evidence: { kind: "security-group-rule", securityGroupId: group.groupId, rule: rule.text },
            documentation: SG_DOCS,
          });
        }
        if (rule.source.kind === "prefix-list" && !index.prefixListPrefixes.has(rule.source.id)) {
          findings.push({
            code: "SECURITY_GROUP_RULE_UNKNOWN_PREFIX_LIST",
            severity: "medium",
            resources: [groupRef, { id: rule.source.id, type: "prefix-list" }],
            message: `${group.groupId} ${rule.text} names prefix list ${rule.source.id}, whose entries are not in the snapshot (capture them with get-managed-prefix-list-entries): the rule matches no address in the analysis.`,
            evidence: { kind: "security-group-rule", securityGroupId: group.groupId, rule: rule.text },
            documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html",
          });
        }
        // Covered by another rule of the group; of two identical rules, the later one is reported.
        const cover = rules.find((other, m) => m !== n && singleRuleCovers(index, other, rule) && (!singleRuleCovers(index, rule, other) || m < n));
        if (cover) {
          findings.push({
            code: "SECURITY_GROUP_RULE_COVERED",
            severity: "low",
            resources: [groupRef],
            message: `${group.groupId} ${rule.text} allows nothing that ${cover.text} does not already allow; it can be removed.`,
            evidence: { kind: "security-group-rule", securityGroupId: group.groupId, rule: rule.text, coveredBy: cover.text },
            documentation: SG_DOCS,
          });
        }
      });
    }
  }
  return findings;
}

export function networkAclFindings(index: IndexedTopology): Finding[] {
  const findings: Finding[] = [];
  for (const acl of index.topology.networkAcls) {
    const aclRef = { id: acl.networkAclId, type: "network-acl" as const };
    if (!acl.isDefault && acl.associations.length === 0) {
      findings.push({
        code: "NETWORK_ACL_UNASSOCIATED",
        severity: "low",
        resources: [aclRef],
        message: `Network ACL ${acl.networkAclId} is associated with no subnet, so its rules apply to nothing.`,
        evidence: { kind: "resource", detail: `${acl.networkAclId} has no subnet association` },
        documentation: "https://docs.aws.amazon.com/vpc/latest/userguide/network-acls.html",
      });
    }
    for (const egress of [false, true]) {
      // The `*` rule (32767) AWS lists last is the default deny, not a rule to review.
      const entries = acl.entries.filter((e) => e.egress === egress && e.ruleNumber !== 32767).sort((a, b) => a.ruleNumber - b.ruleNumber);
      entries.forEach((entry, n) => {
        const earlier = entries.slice(0, n).find((e) => aclEntryCovers(e, entry));
        if (!earlier) return;
        const conflicting = earlier.ruleAction !== entry.ruleAction;
        findings.push({
          code: "NETWORK_ACL_RULE_SHADOWED",
          severity: conflicting ? "medium" : "low",
          resources: [aclRef],
          message: conflicting
            ? `${acl.networkAclId} ${aclEntryText(entry)}, but ${aclEntryText(earlier)} matches all of that traffic first: rules are evaluated from the lowest number and the first match decides, so the intended ${entry.ruleAction} never happens.`
            : `${acl.networkAclId} ${aclEntryText(entry)} is never reached: ${aclEntryText(earlier)} matches all of that traffic first, with the same action. It can be removed.`,
          evidence: { kind: "network-acl-rule", networkAclId: acl.networkAclId, rule: aclEntryText(entry), shadowedBy: aclEntryText(earlier) },
          documentation: ACL_DOCS,
        });
      });
    }
  }
  return findings;
}
