// Keeps the derived state (flows, group flows, findings, the current question's verdict) in step
// with the design. The host holds this window's document: the design goes once, then each edit
// goes as a patch of what it changed, and what comes back is the flows that changed. One request
// is out at a time; edits made meanwhile go together in the next patch.
import { useEffect } from "react";
import type { DocRef, Held } from "../../shared/api";
import { flowOrder } from "../../shared/engine/flows";
import type { FlowQuery } from "../../shared/engine/types";
import { type Design, diffDesign, formatProblem, isEmptyPatch } from "../../shared/model";
import { parseAddress } from "../../shared/net/address";
import { api } from "../api-client";
import { applyDelta } from "./delta";
import { derivedState, docState, noDerived, viewState } from "./store";

/** Findings take longer than flows and matter less mid-edit: asked for once edits pause. */
const FINDINGS_DELAY_MS = 150;

/** What the host holds of this window's document: the design as last sent, at its revision. */
interface HeldDesign {
  design: Design;
  rev: number;
}

/**
 * This window's document at the host, and the one request at a time that keeps it in step with
 * the design being edited. Everything it knows is here, named, rather than in module variables.
 */
export class EngineSync {
  /** This window's document at the host; another when a file read there is adopted. */
  private doc = newDocId();
  /** What the host holds; undefined until the first open, and after a refusal or a resync. */
  private held: HeldDesign | undefined;
  /** A design the host refused: not sent again until the design changes. */
  private refused: Design | undefined;
  /** A request is out; edits made meanwhile go together in the next patch. */
  private sending = false;
  private findingsTimer: ReturnType<typeof setTimeout> | undefined;

  /** Follows the store's design from now on, and lets the document go with the page; returns the function that stops it. */
  start(): () => void {
    const stop = this.follow();
    const close = () => void api["doc:close"]({ doc: this.doc });
    window.addEventListener("pagehide", close);
    return () => {
      stop();
      window.removeEventListener("pagehide", close);
    };
  }

  /** Follows the store's design from now on (no page needed); returns the function that stops it. */
  follow(): () => void {
    const unsubscribe = docState.subscribe(() => {
      const design = docState.get().history.present;
      if (design !== this.held?.design && design !== this.refused) void this.sync();
    });
    void this.sync();
    return unsubscribe;
  }

  /** An id for a new document: a file read with it (api.ts's OpenAs) is held at the host at once. */
  newDocument(): string {
    return newDocId();
  }

  /**
   * Takes as this window's document one the host already holds: a file it read and held as `id`
   * (opening, importing). Its flows come with it, so nothing is sent; the document held before
   * is let go.
   */
  adopt(id: string, design: Design, held: Held): void {
    const previous = this.doc;
    clearTimeout(this.findingsTimer);
    this.doc = id;
    this.held = { design, rev: held.rev };
    this.refused = undefined;
    derivedState.set({
      ...noDerived(),
      of: design,
      flows: held.flows,
      groupFlows: held.groupFlows,
      flowCount: held.flowCount,
      flowsWithheld: held.withheld,
      groupFlowsWithheld: held.groupsWithheld,
    });
    viewState.set({ simulation: undefined });
    if (previous !== id) void api["doc:close"]({ doc: previous });
    this.followUp(this.held);
  }

  /** A document read for this window but not taken (the person kept the unsaved one, or cancelled). */
  discard(id: string): void {
    if (id !== this.doc) void api["doc:close"]({ doc: id });
  }

  /** A design for a request: the held revision when the host has it (nothing large is sent), else the design itself. */
  designOrRef(design: Design): { design: Design } | { doc: DocRef } {
    return this.held?.design === design ? { doc: { id: this.doc, rev: this.held.rev } } : { design };
  }

  private async sync(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (;;) {
        const design = docState.get().history.present;
        if (design === this.held?.design || design === this.refused) break;
        clearTimeout(this.findingsTimer);
        // A design that shares little with the held one (another file opened) is sent whole.
        const base = this.held && shares(this.held.design, design) ? this.held : undefined;
        const held = base ? await this.edit(base, design) : await this.open(design);
        if (held === "stop") break;
        if (held === "again") continue;
        this.held = held;
        this.refused = undefined;
        this.followUp(held);
      }
    } finally {
      this.sending = false;
    }
  }

  /** Sends what changed since `base`; answers the new held revision, or what to do next. */
  private async edit(base: HeldDesign, design: Design): Promise<HeldDesign | "stop" | "again"> {
    const doc = this.doc;
    const patch = diffDesign(base.design, design);
    // The same content: nothing to send, but the findings put off are still owed.
    if (isEmptyPatch(patch)) {
      derivedState.set({ of: design });
      return { design, rev: base.rev };
    }
    // Marks for the UI bench and the browser's profiler: where an edit's time goes.
    performance.mark("palisade:edit-sent");
    const reply = await api["doc:edit"]({ doc, base: base.rev, patch });
    performance.mark("palisade:edit-answered");
    // Another document was adopted meanwhile: this answer is about one the window let go.
    if (this.doc !== doc) return "again";
    if (!reply.ok) {
      this.fail(design, reply.problems.map(formatProblem).join("\n"));
      return "stop";
    }
    if ("resync" in reply.value) {
      this.held = undefined;
      return "again";
    }
    const { rev, flows, groupFlows, flowCount, withheld, groupsWithheld } = reply.value;
    derivedState.set((s) => ({
      of: design,
      flows: applyDelta(s.flows, flows, flowOrder(nodeIds(design))),
      groupFlows: applyDelta(s.groupFlows, groupFlows, byId),
      flowCount,
      flowsWithheld: withheld,
      groupFlowsWithheld: groupsWithheld,
      engineError: undefined,
    }));
    // A packet sent through the old rules says nothing about the new ones.
    if (flows.upsert.length > 0 || flows.remove.length > 0) viewState.set({ simulation: undefined });
    performance.mark("palisade:edit-applied");
    return { design, rev };
  }

  /** Sends the design whole, as a new document at the host. */
  private async open(design: Design): Promise<HeldDesign | "stop" | "again"> {
    const doc = this.doc;
    const reply = await api["doc:open"]({ doc, design });
    if (this.doc !== doc) return "again";
    if (!reply.ok) {
      this.fail(design, reply.problems.map(formatProblem).join("\n"));
      return "stop";
    }
    derivedState.set({
      of: design,
      flows: reply.value.flows,
      groupFlows: reply.value.groupFlows,
      flowCount: reply.value.flowCount,
      flowsWithheld: reply.value.withheld,
      groupFlowsWithheld: reply.value.groupsWithheld,
      engineError: undefined,
    });
    viewState.set({ simulation: undefined });
    return { design, rev: reply.value.rev };
  }

  /** The host refused the design: say why, show no flows, and send it again only once it changes. */
  private fail(design: Design, why: string): void {
    this.held = undefined;
    this.refused = design;
    derivedState.set({ ...noDerived(), of: design, engineError: why });
    viewState.set({ simulation: undefined });
  }

  /**
   * After the flows: the asked question follows the design, and the findings once edits pause.
   * Answers are kept only while `now` is still what the host holds (by identity: a document opened
   * again starts again at revision 1).
   */
  private followUp(now: HeldDesign): void {
    const current = () => this.held === now;
    const ask = viewState.get().ask;
    // A question about a node the edit removed is put away, not answered with an error.
    const nodes = new Set([...now.design.resources, ...now.design.externals].map((n) => n.id));
    const gone = (end: string) => !nodes.has(end) && !parseAddress(end);
    if (ask && (gone(ask.query.from) || gone(ask.query.to))) viewState.set({ ask: undefined, simulation: undefined });
    else if (ask?.verdict) void evaluate(ask.query, current);
    this.findingsTimer = setTimeout(() => {
      void api["engine:findings"]({ doc: { id: this.doc, rev: now.rev } }).then((reply) => {
        // An answer for a revision the window has moved past is dropped; the next one follows.
        if (current()) derivedState.set({ findings: reply.ok ? reply.value : [] });
      });
      // What each flow depends on takes the relation again per unknown: asked when edits pause too.
      void api["engine:dependsOn"]({ doc: { id: this.doc, rev: now.rev } }).then((reply) => {
        if (current()) derivedState.set({ dependsOn: reply.ok ? reply.value : {} });
      });
    }, FINDINGS_DELAY_MS);
  }
}

export const engineSync = new EngineSync();

function newDocId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function useEngineSync(): void {
  useEffect(() => engineSync.start(), []);
}

/** A design for a request: the held revision when the host has it (nothing large is sent), else the design itself. */
export function designOrRef(design: Design = docState.get().history.present): { design: Design } | { doc: DocRef } {
  return engineSync.designOrRef(design);
}

/** Whether most of `after`'s nodes and groups are the very objects of `before` (an edit, not a new file). */
function shares(before: Design, after: Design): boolean {
  if (before.resources === after.resources && before.groups === after.groups) return true;
  const kept = new Set<unknown>([...before.resources, ...before.externals, ...before.groups]);
  const all = [...after.resources, ...after.externals, ...after.groups];
  return all.filter((x) => kept.has(x)).length * 2 >= all.length;
}

function nodeIds(design: Design): string[] {
  return [...design.resources.map((r) => r.id), ...design.externals.map((e) => e.id)];
}

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Asks the engine whether `query` is permitted, and shows the answer in the Ask tab and on the canvas. */
export async function evaluate(query: FlowQuery, stillWanted: () => boolean = () => true): Promise<void> {
  const reply = await api["engine:evaluate"]({ ...designOrRef(), query });
  if (!stillWanted()) return;
  viewState.set({
    simulation: undefined,
    ask: reply.ok ? { query, verdict: reply.value } : { query, problems: reply.problems },
  });
}
