// What a document just opened (New, Open, Import, an example, recovery) needs before it is looked
// at, decided here once: laid out, when it came without a layout (an import puts every node at
// the same spot), or fitted into view. The canvas fits (it knows when its nodes are drawn); the
// lifecycle lays out (layoutNow, which fits afterwards).
import type { Design } from "../../shared/model";
import { needsLayout } from "../canvas/toFlow";
import type { DocState } from "./store";

export type Arrival = "layout" | "fit";

/** Undefined once the document has been edited (or undone back to its start), and for an empty one. */
export function arrival(doc: DocState): Arrival | undefined {
  if (doc.history.past.length > 0 || doc.history.future.length > 0) return undefined;
  return arrivalOf(doc.history.present);
}

export function arrivalOf(design: Design): Arrival | undefined {
  if (needsLayout(design)) return "layout";
  // React Flow queues a fit of an empty canvas until the first node arrives, which would jump the
  // view under the person's first drop: an empty design is not fitted.
  return design.resources.length + design.externals.length > 0 ? "fit" : undefined;
}
