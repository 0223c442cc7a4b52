// How an edge's line is dashed, one table for the app's canvases and the SVG writer: Internet and
// internal flows solid, flows to or from other outside parties and within a group dashed, and a
// memberless group's rules-only edge (engine/rules-only.ts) dash-dotted, so that it never reads
// as traffic a member sends.
import type { Exposure } from "./types";

const DASHES: Record<Exposure, string | undefined> = {
  internet: undefined,
  external: "6 3",
  internal: undefined,
  sameGroup: "2 3",
};

export const RULES_ONLY_DASH = "10 4 2 4";

export function edgeDash(exposure: Exposure, rulesOnly = false): string | undefined {
  return rulesOnly ? RULES_ONLY_DASH : DASHES[exposure];
}
