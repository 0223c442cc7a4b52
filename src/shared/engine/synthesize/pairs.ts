// How open a design is, counted the way a reviewer would: ordered node pairs with any permitted
// flow. Counted per class flow, without expanding node pairs.
import type { Design } from "../../model/schema";
import { classFlows, type FlowRelation, flowRelation } from "../flows";

export function permittedPairCount(design: Design, prebuilt?: FlowRelation): number {
  const relation = prebuilt ?? flowRelation(design);
  let count = 0;
  for (const flow of classFlows(relation)) {
    const from = relation.classes[flow.from]?.members.length ?? 0;
    const to = relation.classes[flow.to]?.members.length ?? 0;
    // Within one class, a node never counts as reaching itself.
    count += flow.from === flow.to ? from * (from - 1) : from * to;
  }
  return count;
}
