// The group level's ends and where they go, one code for the app's group view and for
// `palisade draw --level group` (build.ts), so that both draw the same picture: every end at one
// size, laid out by tier (layout.ts), a group a person moved kept where they put it.
import type { GroupFlow } from "../engine/group-flows";
import type { Design } from "../model/schema";
import type { Point } from "./geometry";
import { type LayoutFlow, type LayoutNode, layoutNodes, placeNear } from "./layout";
import { NODE_WIDTH } from "./measure";

/** Each end of the group level is drawn at this size: a head, the name, its counts and room for the outbound marker. */
export const GROUP_NODE_SIZE = { width: NODE_WIDTH, height: 84 };

export interface GroupLevelEnd extends LayoutNode {
  /** Where a person put the group (a group's own position in the design). */
  saved?: Point;
}

type Ends = Pick<GroupFlow, "from" | "to" | "fromKind" | "toKind">;

/** The resources without a group that group flows name as ends of their own. */
export function namedResources(flows: readonly Ends[]): Set<string> {
  const named = new Set<string>();
  for (const f of flows) {
    if (f.fromKind === "node") named.add(f.from);
    if (f.toKind === "node") named.add(f.to);
  }
  return named;
}

/** What the group level draws, in the order it is laid out: outside parties, security groups, then resources without a group. */
export function groupLevelEnds(
  design: Pick<Design, "externals" | "groups" | "resources">,
  flows: readonly Ends[],
): GroupLevelEnd[] {
  const named = namedResources(flows);
  return [
    ...design.externals.map((e) => ({ id: e.id, kind: e.kind, external: true, ...GROUP_NODE_SIZE })),
    ...design.groups.map((g) => ({
      id: g.id,
      kind: "group",
      external: false,
      ...(g.vpcId ? { vpcId: g.vpcId } : {}),
      ...GROUP_NODE_SIZE,
      ...(g.position ? { saved: g.position } : {}),
    })),
    ...design.resources
      .filter((r) => named.has(r.id))
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        external: false,
        ...(r.vpcId ? { vpcId: r.vpcId } : {}),
        ...GROUP_NODE_SIZE,
      })),
  ];
}

/**
 * Each end's place: by tier from the flows drawn, a group with a saved place at that place
 * (unless `relayout`). Groups have no place until someone moves one, so the tiers place the rest.
 */
export function placeGroupLevel(
  ends: readonly GroupLevelEnd[],
  flows: readonly LayoutFlow[],
  relayout = false,
): Map<string, Point> {
  const at = layoutNodes(ends, flows);
  if (!relayout) for (const e of ends) if (e.saved) at.set(e.id, e.saved);
  return at;
}

/**
 * The places after an edit (the app's group view): every end keeps the place it had (a moved
 * group its saved one) and a new end goes near the ends it has flows with, clear of the others,
 * so that an edit does not reshuffle the picture.
 */
export function placeGroupLevelAfter(
  ends: readonly GroupLevelEnd[],
  before: ReadonlyMap<string, Point>,
  flows: readonly LayoutFlow[],
): Map<string, Point> {
  const placed = new Map<string, Point>();
  for (const e of ends) {
    const p = e.saved ?? before.get(e.id);
    if (p) placed.set(e.id, p);
  }
  return placeNear(ends, placed, flows);
}

/**
 * A group flow's label: its services, and how many node pairs it stands for where more than one;
 * a memberless group's own rules say that no member carries them yet.
 */
export const groupFlowLabel = (f: Pick<GroupFlow, "label" | "pairs" | "rulesOnly">): string =>
  f.rulesOnly ? `${f.label} · rules only` : f.pairs > 1 ? `${f.label} (${f.pairs} pairs)` : f.label;
