// Fresh ids for new parts of a design: readable ("app-2", "sg-web-3") and never reused within it.
import type { Design } from "../../shared/model";

export function usedIds(design: Design): Set<string> {
  const ids = new Set<string>();
  for (const list of [
    design.vpcs,
    design.resources,
    design.externals,
    design.groups,
    design.prefixLists,
    design.intents,
  ])
    for (const item of list) ids.add(item.id);
  // Two loops, not a spread of both lists: this runs on every new rule, over every group.
  for (const g of design.groups) {
    for (const r of g.ingress) ids.add(r.id);
    for (const r of g.egress) ids.add(r.id);
  }
  return ids;
}

/** `base` made safe for an id, then numbered past any id in `taken`: "web server" -> "web-server-2". */
export function freshId(base: string, taken: Set<string>): string {
  const stem = base.replace(/[^A-Za-z0-9._:/@+-]+/g, "-").replace(/^-+|-+$/g, "") || "item";
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/** A name not yet used among `names`: "app", "app 2", "app 3". */
export function freshName(base: string, names: Iterable<string>): string {
  const taken = new Set([...names].map((n) => n.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}
