// Places imported nodes on the canvas in tiers, left to right: outside parties first, then each
// group's members to the right of the groups they admit traffic from (load balancer, app, db).
// Deterministic: the same design always gets the same positions.
import type { Design, Resource, ResourceKind, SecurityGroup } from "../../model/schema";

const COLUMN = 300;
const ROW = 160;
const KIND_ORDER: ResourceKind[] = ["loadBalancer", "endpoint", "containerService", "instance", "function", "database"];

/**
 * How many group-to-group hops lie between a group and traffic from addresses: the longest chain
 * of groups admitting traffic from groups. A reference back into the chain (a cycle) is not
 * followed, so every group is visited once and the result depends only on the design's order.
 */
function groupDepths(groups: readonly SecurityGroup[]): Map<string, number> {
  const sources = new Map<string, Set<string>>();
  for (const g of groups) {
    const from = new Set<string>();
    for (const r of g.ingress) if (r.peer.kind === "group" && r.peer.groupId !== g.id) from.add(r.peer.groupId);
    sources.set(g.id, from);
  }
  const depth = new Map<string, number>();
  const open = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    open.add(id);
    let d = 0;
    for (const source of sources.get(id) ?? []) if (!open.has(source)) d = Math.max(d, visit(source) + 1);
    open.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const g of groups) visit(g.id);
  return depth;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Resources by kind (KIND_ORDER), then name, then id, each in code-unit order: the order columns fill in. */
function placementOrder(resources: readonly Resource[]): Resource[] {
  const byKind = new Map<number, Resource[]>();
  let nul = false;
  for (const r of resources) {
    const rank = KIND_ORDER.indexOf(r.kind);
    const list = byKind.get(rank);
    if (list) list.push(r);
    else byKind.set(rank, [r]);
    if (r.name.includes("\0") || r.id.includes("\0")) nul = true;
  }
  const out: Resource[] = [];
  for (const rank of [...byKind.keys()].sort((a, b) => a - b)) {
    const list = byKind.get(rank) as Resource[];
    if (nul) list.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
    else {
      // A comparator called a hundred thousand times is most of a region's layout: sort one text
      // per resource natively instead. "\0" sorts first, so name + "\0" + id orders as (name, id)
      // wherever neither holds a "\0"; ids are unique, so each text finds its resource.
      const byKey = new Map<string, Resource>();
      for (const r of list) byKey.set(`${r.name}\0${r.id}`, r);
      const keys = [...byKey.keys()].sort();
      if (keys.length !== list.length) list.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
      else for (let i = 0; i < keys.length; i++) list[i] = byKey.get(keys[i] as string) as Resource;
    }
    for (const r of list) out.push(r);
  }
  return out;
}

export function layoutTiers(design: Design): Design {
  const depth = groupDepths(design.groups);
  const column = new Map<string, number>();
  for (const r of design.resources)
    column.set(r.id, 1 + r.groupIds.reduce((most, g) => Math.max(most, depth.get(g) ?? 0), 0));
  const columns = new Map<number, string[]>();
  const place = (col: number, id: string) => {
    const list = columns.get(col);
    if (list) list.push(id);
    else columns.set(col, [id]);
  };
  const externals = [...design.externals].sort((a, b) => byText(a.kind, b.kind) || byText(a.name, b.name));
  for (const e of externals) place(0, e.id);
  const resources = placementOrder(design.resources);
  for (const r of resources) place(column.get(r.id) ?? 1, r.id);
  const at = new Map<string, { x: number; y: number }>();
  for (const [col, ids] of columns) {
    ids.forEach((id, i) => {
      at.set(id, { x: col * COLUMN, y: 40 + i * ROW });
    });
  }
  // Groups get no place: the group level lays them out by tier (diagram/group-level.ts) and
  // keeps a group's position as where a person put it. A band the import chose (below the nodes,
  // under the first member) was taken for that, and `draw --level group` drew the groups far
  // below the outside parties they have lines with.
  return {
    ...design,
    externals: design.externals.map((e) => ({ ...e, position: at.get(e.id) ?? e.position })),
    resources: design.resources.map((r) => ({ ...r, position: at.get(r.id) ?? r.position })),
  };
}
