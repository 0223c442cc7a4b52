// Admin and database ports open to the whole Internet, and all traffic from anywhere. Several
// rules may open a port together (0.0.0.0/1 + 128.0.0.0/1, or a wide port range), so coverage
// is computed over the union of a group's inbound rules, per address family.
import type { Design, Rule, SecurityGroup } from "../../model/schema";
import { type AddressRange, everything, type Family, parseCidr, unionCovers } from "../../net/address";
import { groupLabel } from "../describe";
import type { Finding, Severity } from "../types";
import { atRule, ruleText } from "./place";

interface Exposed {
  code: string;
  severity: Severity;
  title: string;
  ports: { port: number; name: string }[];
}

const EXPOSED: Exposed[] = [
  {
    code: "ssh-open-to-world",
    severity: "high",
    title: "SSH open to the Internet",
    ports: [{ port: 22, name: "SSH" }],
  },
  {
    code: "rdp-open-to-world",
    severity: "high",
    title: "RDP open to the Internet",
    ports: [{ port: 3389, name: "RDP" }],
  },
  {
    code: "database-open-to-world",
    severity: "critical",
    title: "Database port open to the Internet",
    ports: [
      { port: 3306, name: "MySQL" },
      { port: 5432, name: "PostgreSQL" },
      { port: 1433, name: "SQL Server" },
      { port: 1521, name: "Oracle" },
      { port: 6379, name: "Redis" },
      { port: 27017, name: "MongoDB" },
      { port: 9200, name: "Elasticsearch" },
    ],
  },
];

const WORLD: Record<Family, string> = { 4: "0.0.0.0/0", 6: "::/0" };

/** The addresses a rule's peer stands for in one family; groups are inside AWS, never the world. */
function peerRanges(design: Design, rule: Rule, family: Family): AddressRange[] {
  const peer = rule.peer;
  if (peer.kind === "cidr4" || peer.kind === "cidr6") {
    const range = parseCidr(peer.cidr);
    return range.family === family ? [range] : [];
  }
  if (peer.kind === "prefixList") {
    const list = design.prefixLists.find((p) => p.id === peer.prefixListId);
    return (list?.entries ?? []).map((e) => parseCidr(e.cidr)).filter((r) => r.family === family);
  }
  return [];
}

/** Indices of inbound rules that together admit the whole family's address space, if they do. */
function openingRules(
  design: Design,
  group: SecurityGroup,
  family: Family,
  admits: (rule: Rule) => boolean,
): number[] | undefined {
  const indices: number[] = [];
  const ranges: AddressRange[] = [];
  group.ingress.forEach((rule, i) => {
    if (!admits(rule)) return;
    const r = peerRanges(design, rule, family);
    if (r.length === 0) return;
    indices.push(i);
    ranges.push(...r);
  });
  if (!unionCovers(ranges, everything(family))) return undefined;
  // Point at the broadest rule: the one that alone covers the most.
  const size = (i: number) =>
    peerRanges(design, group.ingress[i] as Rule, family).reduce((n, r) => n + (r.end - r.start), 0n);
  return indices.sort((a, b) => (size(b) > size(a) ? 1 : size(b) < size(a) ? -1 : a - b));
}

const allTraffic = (rule: Rule) => rule.protocol === "-1";
const tcpPort = (port: number) => (rule: Rule) =>
  rule.protocol === "-1" || (rule.protocol === "tcp" && (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535));

export function exposureFindings(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const group of design.groups)
    for (const family of [4, 6] as const) {
      // Only address peers can open a group to the world: most groups reference groups alone.
      if (!group.ingress.some((rule) => peerRanges(design, rule, family).length > 0)) continue;
      const world = WORLD[family];
      const all = openingRules(design, group, family, allTraffic);
      if (all) {
        const first = all[0] as number;
        out.push({
          code: "all-traffic-from-anywhere",
          severity: "critical",
          title: "All traffic allowed from the Internet",
          message: `${ruleText(design, group, "ingress", first)}${all.length > 1 ? ` (with ${all.length - 1} other rule${all.length > 2 ? "s" : ""})` : ""} admits every protocol and port from ${world}: every service on ${groupLabel(group)}'s members is public. Allow only the ports the service needs.`,
          ...atRule(group, "ingress", first),
        });
        // Every port is then open; naming each one again would only repeat this finding.
        continue;
      }
      for (const exposed of EXPOSED) {
        const open = exposed.ports
          .map((p) => ({ ...p, rules: openingRules(design, group, family, tcpPort(p.port)) }))
          .filter((p) => p.rules !== undefined);
        const first = open[0]?.rules?.[0];
        if (first === undefined) continue;
        const what = open.map((p) => `${p.name} (tcp ${p.port})`).join(", ");
        out.push({
          code: exposed.code,
          severity: exposed.severity,
          title: exposed.title,
          message: `${ruleText(design, group, "ingress", first)} opens ${what} to ${world}, the whole Internet${family === 6 ? " over IPv6" : ""}. Allow it only from known addresses (an office range, a VPN, a bastion's group).`,
          ...atRule(group, "ingress", first),
        });
      }
    }
  return out;
}
