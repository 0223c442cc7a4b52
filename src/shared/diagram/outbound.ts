// Outbound to anywhere (a group's default egress: all traffic to 0.0.0.0/0 and ::/0) is a
// property of the node, not a line to every outside party: it is drawn as a marker on the node,
// and the flows it alone explains are left off the canvas unless asked for.
import { label, NOTHING, type ServiceSet, serviceOfRule, union } from "../engine/services";
import type { FlowEdge, Service } from "../engine/types";
import type { Design } from "../model/schema";

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

// Groups are immutable and mostly the same objects edit after edit (the canvas asks after each).
const byGroupObject = new WeakMap<object, ServiceSet | null>();

/** What each group lets out to anywhere (rules to 0.0.0.0/0 or ::/0), by group; absent when nothing. */
function anywhereByGroup(design: Pick<Design, "groups">): Map<string, ServiceSet> {
  const out = new Map<string, ServiceSet>();
  for (const g of design.groups) {
    let set = byGroupObject.get(g);
    if (set === undefined) {
      set = null;
      for (const r of g.egress)
        if ((r.peer.kind === "cidr4" || r.peer.kind === "cidr6") && ANYWHERE.has(r.peer.cidr))
          set = union(set ?? NOTHING, serviceOfRule(r));
      byGroupObject.set(g, set);
    }
    if (set) out.set(g.id, set);
  }
  return out;
}

const serviceSet = (services: readonly Service[]): ServiceSet =>
  services.reduce<ServiceSet>(
    (acc, s) =>
      union(
        acc,
        serviceOfRule({
          protocol: s.protocol,
          fromPort: s.fromPort ?? s.icmpType,
          toPort: s.toPort ?? s.icmpCode,
        }),
      ),
    NOTHING,
  );

export interface Outbound {
  /** Per node, the marker's text: "all outbound" or "outbound tcp 443". */
  markers: Map<string, string>;
  /** Flows to an outside party that the node's outbound to anywhere explains, or to the whole Internet. */
  hidden: Set<string>;
}

/** A drawn node with the groups whose egress it has: a resource, or at group level a group itself. */
export interface OutboundEnd {
  id: string;
  groupIds: readonly string[];
}

/** At group level each group is an end of its own flows: its marker is its own egress to anywhere. */
export const groupEnds = (design: Pick<Design, "groups">): OutboundEnd[] =>
  design.groups.map((g) => ({ id: g.id, groupIds: [g.id] }));

export function outboundOf(
  design: Pick<Design, "groups" | "resources" | "externals">,
  flows: readonly Pick<FlowEdge, "id" | "from" | "to" | "label" | "services">[],
  ends: readonly OutboundEnd[] = design.resources,
): Outbound {
  const byGroup = anywhereByGroup(design);
  const anywhere = new Map<string, ServiceSet>();
  const markers = new Map<string, string>();
  for (const r of ends) {
    let set: ServiceSet | undefined;
    for (const g of r.groupIds) {
      const s = byGroup.get(g);
      if (s) set = union(set ?? NOTHING, s);
    }
    if (!set) continue;
    anywhere.set(r.id, set);
    markers.set(r.id, set.all ? "all outbound" : `outbound ${label(set)}`);
  }
  const internet = new Set(design.externals.filter((e) => e.kind === "internet").map((e) => e.id));
  const outside = new Set(design.externals.map((e) => e.id));
  const hidden = new Set<string>();
  for (const f of flows) {
    if (!outside.has(f.to) || outside.has(f.from)) continue;
    if (internet.has(f.to)) {
      hidden.add(f.id);
      // The whole Internet through narrower rules (0.0.0.0/1 and 128.0.0.0/1): still a marker.
      if (!markers.has(f.from)) markers.set(f.from, `outbound ${f.label}`);
      continue;
    }
    const set = anywhere.get(f.from);
    if (!set) continue;
    // Covered: adding the flow's traffic to what goes anywhere changes nothing.
    if (set.all || label(union(set, serviceSet(f.services))) === label(set)) hidden.add(f.id);
  }
  return { markers, hidden };
}
