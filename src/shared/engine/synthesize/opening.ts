// How many node pairs a change opens, without recomputing the design's flows. Rules are only
// added, so a pair can open only where a changed side is involved: a member of a group that gained
// an ingress rule, reached from something the new rule's peer touches, or a member of a group that
// gained an egress rule, towards something its peer touches. Only those pairs are weighed, by the
// engine's own side logic, before and after.
import type { Direction } from "../../model/direction";
import type { Design, Intent, Rule, SecurityGroup } from "../../model/schema";
import { type Family, overlaps } from "../../net/address";
import { type DesignIndex, type IndexedNode, type IndexedRule, indexDesign } from "../index-design";
import { EVERYTHING, has, intersect, isEmpty, NOTHING, type ServiceSet, toServices, union } from "../services";
import { allowedServices, type Counterpart } from "../side";
import type { Change } from "./changes";

export interface Opening {
  /** Whether the intent holds after the change. */
  holds: boolean;
  /** Ordered node pairs with no permitted flow before and one after. */
  newPairs: number;
  /** Ordered node pairs that had a flow before and carry more traffic after. */
  widenedPairs: number;
}

const FAMILIES: Family[] = [4, 6];

/** A function scoring change lists against one design and intent; the design is indexed once. */
export function openingCounter(
  design: Design,
  intent: Intent,
  prebuilt?: DesignIndex,
): (changes: readonly Change[]) => Opening {
  const index = prebuilt ?? indexDesign(design);
  const nodes = [...index.nodes.values()];
  return (changes) => {
    const attached = new Map<string, string[]>();
    const created = new Map<string, SecurityGroup>();
    const added = new Map<string, SecurityGroup>();
    for (const c of changes) {
      if (c.kind === "createGroup") {
        // A new group comes with rules of its own (AWS's default egress): they open flows too.
        created.set(c.group.id, c.group);
        added.set(c.group.id, { ...c.group, ingress: [...c.group.ingress], egress: [...c.group.egress] });
      } else if (c.kind === "attachGroup") attached.set(c.nodeId, [...(attached.get(c.nodeId) ?? []), c.groupId]);
      else {
        const base = index.groups.get(c.groupId) ?? created.get(c.groupId);
        if (!base) continue;
        const g = added.get(c.groupId) ?? { ...base, ingress: [] as Rule[], egress: [] as Rule[] };
        g[c.direction] = [...g[c.direction], c.rule];
        added.set(c.groupId, g);
      }
    }
    // The new rules, indexed the engine's way (peers as ranges, services as sets).
    const fresh = indexDesign({ ...design, groups: [...added.values()], resources: [], externals: [] }).rules;
    const groupsAfter = new Map(
      nodes.map((n) => [n.id, [...n.groups.map((g) => g.id), ...(attached.get(n.id) ?? [])]]),
    );

    const rules = (n: IndexedNode, direction: Direction, after: boolean): IndexedRule[] => {
      const out = n.groups.flatMap((g) => index.rules.get(g.id)?.[direction] ?? []);
      if (after) for (const id of groupsAfter.get(n.id) ?? []) out.push(...(fresh.get(id)?.[direction] ?? []));
      return out;
    };
    const counterpart = (n: IndexedNode, family: Family, after: boolean): Counterpart => ({
      name: n.name,
      groupIds: n.isResource ? new Set(after ? groupsAfter.get(n.id) : n.groups.map((g) => g.id)) : undefined,
      ranges: n.addresses[family]?.ranges ?? [],
      why: n.name,
    });
    const services = (x: IndexedNode, y: IndexedNode, after: boolean): Record<Family, ServiceSet> => {
      const out: Record<Family, ServiceSet> = { 4: NOTHING, 6: NOTHING };
      if (!x.isResource && !y.isResource) return out;
      for (const f of FAMILIES) {
        if (!x.addresses[f] || !y.addresses[f]) continue;
        const sent = x.isResource
          ? allowedServices(rules(x, "egress", after), counterpart(y, f, after), f)
          : EVERYTHING;
        if (isEmpty(sent)) continue;
        const admitted = y.isResource
          ? allowedServices(rules(y, "ingress", after), counterpart(x, f, after), f)
          : EVERYTHING;
        out[f] = intersect(sent, admitted);
      }
      return out;
    };

    // Who a new rule's peer may touch: a group's members, or whatever has an address in its ranges.
    const touched = (direction: Direction): Set<IndexedNode> => {
      const out = new Set<IndexedNode>();
      for (const g of added.keys())
        for (const r of fresh.get(g)?.[direction] ?? []) {
          const peer = r.peer;
          for (const n of nodes)
            if (
              peer.kind === "group"
                ? groupsAfter.get(n.id)?.includes(peer.groupId)
                : (n.addresses[peer.family]?.ranges ?? []).some((a) => peer.ranges.some((b) => overlaps(a, b)))
            )
              out.add(n);
        }
      return out;
    };
    const membersWithNew = (direction: Direction) =>
      new Set(
        nodes.filter((n) => (groupsAfter.get(n.id) ?? []).some((g) => (fresh.get(g)?.[direction].length ?? 0) > 0)),
      );
    const targets = membersWithNew("ingress");
    const sources = membersWithNew("egress");
    const opened = new Set<string>();
    const widened = new Set<string>();
    const seen = new Set<string>();
    const same = (a: ServiceSet, b: ServiceSet) => JSON.stringify(toServices(a)) === JSON.stringify(toServices(b));
    const weigh = (x: IndexedNode, y: IndexedNode) => {
      const key = `${x.id}\u0000${y.id}`;
      if (x === y || seen.has(key)) return;
      seen.add(key);
      const after = services(x, y, true);
      if (isEmpty(after[4]) && isEmpty(after[6])) return;
      const before = services(x, y, false);
      if (isEmpty(before[4]) && isEmpty(before[6])) opened.add(key);
      // Rules are only added, so a pair's traffic can only grow: any difference is a widening.
      else if (!same(before[4], after[4]) || !same(before[6], after[6])) widened.add(key);
    };
    const fromTouched = new Set([...touched("ingress"), ...sources]);
    for (const y of targets) for (const x of fromTouched) weigh(x, y);
    const toTouched = new Set([...touched("egress"), ...targets]);
    for (const x of sources) for (const y of toTouched) weigh(x, y);

    const from = index.nodes.get(intent.from);
    const to = index.nodes.get(intent.to);
    let holds = false;
    if (from && to && from !== to) {
      const s = services(from, to, true);
      if (intent.protocol === "-1") holds = union(s[4], s[6]).all;
      else {
        // ICMP for IPv4 exists in IPv4 only, ICMPv6 in IPv6 only, as evaluateFlow asks them.
        const families = intent.protocol === "icmp" ? [4] : intent.protocol === "icmpv6" ? [6] : [4, 6];
        const probe = {
          protocol: intent.protocol,
          ...(intent.port !== undefined ? { port: intent.port } : {}),
          ...(intent.protocol === "icmp" ? { icmpType: 8, icmpCode: 0 } : {}),
          ...(intent.protocol === "icmpv6" ? { icmpType: 128, icmpCode: 0 } : {}),
        };
        holds = families.some((f) => has(s[f as Family], probe));
      }
    }
    return { holds, newPairs: opened.size, widenedPairs: widened.size };
  };
}
