// The documents the host holds for its windows: each one's design at its latest revisions and
// its live flows. A window opens its document once (doc:open) and then sends edits as patches
// (doc:edit); other requests may name a held revision instead of sending the design. Lives in
// the engine worker where there is one, so that the main thread only passes messages on.
import type { DocRef, Replies } from "../shared/api";
import { LiveFlows } from "../shared/engine/live";
import { applyPatch, type Design, type DesignPatch, InputError } from "../shared/model";

/** Documents held at once (windows, and tabs of the browser mode); the least recently used goes first. */
export const MAX_DOCUMENTS = 8;
/** Revisions of a document kept for requests that name one (an answer may be asked for just after an edit). */
const KEPT_REVISIONS = 4;

interface Held {
  rev: number;
  live: LiveFlows;
  /** The latest revisions, newest last. */
  revisions: { rev: number; design: Design }[];
}

export class Documents {
  private readonly held = new Map<string, Held>();

  constructor(private readonly limit = MAX_DOCUMENTS) {}

  open(doc: string, design: Design): Replies["doc:open"] {
    const live = new LiveFlows(design);
    this.keep(doc, { rev: 1, live, revisions: [{ rev: 1, design }] });
    return {
      rev: 1,
      flows: live.flowList(),
      groupFlows: live.groupFlowList(),
      flowCount: live.flowCount,
      withheld: live.withheld,
      groupsWithheld: live.groupsWithheld,
    };
  }

  edit(doc: string, base: number, patch: DesignPatch): Replies["doc:edit"] {
    const held = this.held.get(doc);
    if (!held || held.rev !== base) return { resync: true };
    // Refused edits (InputError) leave the document as it was.
    const next = applyPatch(held.live.current, patch as Parameters<typeof applyPatch>[1]);
    let change: ReturnType<LiveFlows["update"]>;
    try {
      change = held.live.update(next);
    } catch (error) {
      // The live flows may be half updated: forget the document, the window will open it again.
      this.held.delete(doc);
      throw error;
    }
    held.rev += 1;
    held.revisions.push({ rev: held.rev, design: next });
    if (held.revisions.length > KEPT_REVISIONS) held.revisions.shift();
    this.keep(doc, held);
    const { flows, groupFlows, flowCount, withheld, groupsWithheld } = change;
    return { rev: held.rev, flows, groupFlows, flowCount, withheld, groupsWithheld };
  }

  close(doc: string): null {
    this.held.delete(doc);
    return null;
  }

  /** The design of a held revision; a problem saying what to do when it is not held. */
  design(ref: DocRef): Design {
    const held = this.held.get(ref.id);
    if (!held)
      throw new InputError([
        { message: `document ${ref.id} is not open here (the host restarted?); send the design`, severity: "error" },
      ]);
    const found = held.revisions.find((r) => r.rev === ref.rev);
    if (!found)
      throw new InputError([
        {
          message: `revision ${ref.rev} of document ${ref.id} is no longer held (it is at ${held.rev}); ask again`,
          severity: "error",
        },
      ]);
    return found.design;
  }

  private keep(doc: string, held: Held): void {
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.held.delete(doc);
    this.held.set(doc, held);
    for (const oldest of this.held.keys()) {
      if (this.held.size <= this.limit) break;
      this.held.delete(oldest);
    }
  }
}
