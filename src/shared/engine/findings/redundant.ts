// Rules that add nothing: an exact duplicate (AWS refuses to create it: InvalidPermission.Duplicate),
// or a rule shadowed by a broader rule of the same group and direction.

import type { Direction } from "../../model/direction";
import type { Design, Peer, Rule, SecurityGroup } from "../../model/schema";
import { type AddressRange, contains, parseCidr } from "../../net/address";
import { type ServiceSet, serviceOfRule, toServices, union } from "../services";
import type { Finding } from "../types";
import { atRule, ruleText } from "./place";

const key = (s: ServiceSet) => JSON.stringify(toServices(s));

/** A rule made ready for comparison: its traffic and its peer's addresses, computed once. */
interface Prepared {
  services: ServiceSet;
  key: string;
  peer: Peer;
  range?: AddressRange;
}

function prepare(rule: Rule): Prepared {
  const services = serviceOfRule(rule);
  const peer = rule.peer;
  const range = peer.kind === "cidr4" || peer.kind === "cidr6" ? parseCidr(peer.cidr) : undefined;
  return { services, key: key(services), peer, ...(range ? { range } : {}) };
}

/** Whether every address `inner` stands for is one `outer` stands for. */
function peerCovers(outer: Prepared, inner: Prepared): boolean {
  if (outer.range && inner.range) return contains(outer.range, inner.range);
  const [a, b] = [outer.peer, inner.peer];
  if (a.kind === "group" && b.kind === "group") return a.groupId === b.groupId;
  if (a.kind === "prefixList" && b.kind === "prefixList") return a.prefixListId === b.prefixListId;
  return false;
}

/** Whether rule `outer` allows everything rule `inner` allows. */
function ruleCovers(outer: Prepared, inner: Prepared): boolean {
  return peerCovers(outer, inner) && key(union(outer.services, inner.services)) === outer.key;
}

export function redundantRuleFindings(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const group of design.groups)
    for (const direction of ["ingress", "egress"] as const) out.push(...inList(design, group, direction));
  return out;
}

function inList(design: Design, group: SecurityGroup, direction: Direction): Finding[] {
  const rules = group[direction];
  const prepared = rules.map(prepare);
  const out: Finding[] = [];
  prepared.forEach((rule, i) => {
    for (let j = 0; j < prepared.length; j++) {
      const other = prepared[j] as Prepared;
      if (j === i || !ruleCovers(other, rule)) continue;
      const same = ruleCovers(rule, other);
      // Of two equal rules, the later one is the duplicate.
      if (same && j > i) continue;
      out.push(
        same
          ? {
              code: "duplicate-rule",
              severity: "medium",
              title: "Duplicate rule",
              message: `${ruleText(design, group, direction, i)} repeats rule ${j + 1}. AWS refuses to create a duplicate rule (InvalidPermission.Duplicate); delete one.`,
              ...atRule(group, direction, i),
            }
          : {
              code: "shadowed-rule",
              severity: "low",
              title: "Rule shadowed by a broader rule",
              message: `${ruleText(design, group, direction, i)} allows nothing that rule ${j + 1} (${ruleText(design, group, direction, j).split(", ").slice(1).join(", ")}) does not already allow; it can go.`,
              ...atRule(group, direction, i),
            },
      );
      break;
    }
  });
  return out;
}
