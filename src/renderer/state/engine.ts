// Keeps the derived state (flows, group flows, findings, the current question's verdict) in step
// with the design. The host holds this window's document: the design goes once, then each edit
// goes as a patch of what it changed, and what comes back is the flows that changed. One request
// is out at a time; edits made meanwhile go together in the next patch.
import { useEffect } from "react";
import type { DocRef } from "../../shared/api";
import { flowOrder } from "../../shared/engine/flows";
import type { FlowQuery } from "../../shared/engine/types";
import { type Design, diffDesign, formatProblem, isEmptyPatch } from "../../shared/model";
import { parseAddress } from "../../shared/net/address";
import { api } from "../api-client";
import { applyDelta } from "./delta";
import { editor } from "./store";

/** This window's document at the host. */
const DOC = newDocId();
/** What the host holds: the design as last sent, at its revision. */
let held: { design: Design; rev: number } | undefined;
/** A design the host refused: not sent again until the design changes. */
let refused: Design | undefined;
let busy = false;
let findingsTimer: ReturnType<typeof setTimeout> | undefined;
/** Findings take longer than flows and matter less mid-edit: asked for once edits pause. */
const FINDINGS_DELAY_MS = 150;

function newDocId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function useEngineSync(): void {
  useEffect(() => {
    const unsubscribe = editor.subscribe(() => {
      const design = editor.get().history.present;
      if (design !== held?.design && design !== refused) void sync();
    });
    void sync();
    const close = () => void api["doc:close"]({ doc: DOC });
    window.addEventListener("pagehide", close);
    return () => {
      unsubscribe();
      window.removeEventListener("pagehide", close);
    };
  }, []);
}

/** A design for a request: the held revision when the host has it (nothing large is sent), else the design itself. */
export function designOrRef(design: Design = editor.get().history.present): { design: Design } | { doc: DocRef } {
  return held?.design === design ? { doc: { id: DOC, rev: held.rev } } : { design };
}

async function sync(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (;;) {
      const design = editor.get().history.present;
      if (design === held?.design || design === refused) break;
      clearTimeout(findingsTimer);
      // A design that shares little with the held one (another file opened) is sent whole.
      const base = held && shares(held.design, design) ? held : undefined;
      if (base) {
        const patch = diffDesign(base.design, design);
        if (isEmptyPatch(patch)) {
          // The same content: nothing to send, but the findings put off above are still owed.
          held = { design, rev: base.rev };
          followUp(held);
          continue;
        }
        // Marks for the UI bench and the browser's profiler: where an edit's time goes.
        performance.mark("palisade:edit-sent");
        const reply = await api["doc:edit"]({ doc: DOC, base: base.rev, patch });
        performance.mark("palisade:edit-answered");
        if (!reply.ok) {
          fail(design, reply.problems.map(formatProblem).join("\n"));
          break;
        }
        if ("resync" in reply.value) {
          held = undefined;
          continue;
        }
        const { rev, flows, groupFlows, flowCount, withheld, groupsWithheld } = reply.value;
        held = { design, rev };
        const s = editor.get();
        editor.set({
          flows: applyDelta(s.flows, flows, flowOrder(nodeIds(design))),
          groupFlows: applyDelta(s.groupFlows, groupFlows, byId),
          flowCount,
          flowsWithheld: withheld,
          groupFlowsWithheld: groupsWithheld,
          engineError: undefined,
          // A packet sent through the old rules says nothing about the new ones.
          ...(flows.upsert.length > 0 || flows.remove.length > 0 ? { simulation: undefined } : {}),
        });
        performance.mark("palisade:edit-applied");
      } else {
        const reply = await api["doc:open"]({ doc: DOC, design });
        if (!reply.ok) {
          fail(design, reply.problems.map(formatProblem).join("\n"));
          break;
        }
        held = { design, rev: reply.value.rev };
        editor.set({
          flows: reply.value.flows,
          groupFlows: reply.value.groupFlows,
          flowCount: reply.value.flowCount,
          flowsWithheld: reply.value.withheld,
          groupFlowsWithheld: reply.value.groupsWithheld,
          engineError: undefined,
          simulation: undefined,
        });
      }
      refused = undefined;
      followUp(held);
    }
  } finally {
    busy = false;
  }
}

/** The host refused the design: say why, show no flows, and send it again only once it changes. */
function fail(design: Design, why: string): void {
  held = undefined;
  refused = design;
  editor.set({
    flows: [],
    groupFlows: [],
    flowCount: 0,
    flowsWithheld: false,
    groupFlowsWithheld: false,
    findings: [],
    engineError: why,
    simulation: undefined,
  });
}

/**
 * After the flows: the asked question follows the design, and the findings once edits pause.
 * Answers are kept only while `now` is still what the host holds (by identity: a document opened
 * again starts again at revision 1).
 */
function followUp(now: { design: Design; rev: number }): void {
  const current = () => held === now;
  const ask = editor.get().ask;
  // A question about a node the edit removed is put away, not answered with an error.
  const nodes = new Set([...now.design.resources, ...now.design.externals].map((n) => n.id));
  const gone = (end: string) => !nodes.has(end) && !parseAddress(end);
  if (ask && (gone(ask.query.from) || gone(ask.query.to))) editor.set({ ask: undefined, simulation: undefined });
  else if (ask?.verdict) void evaluate(ask.query, current);
  findingsTimer = setTimeout(() => {
    void api["engine:findings"]({ doc: { id: DOC, rev: now.rev } }).then((reply) => {
      // An answer for a revision the window has moved past is dropped; the next one follows.
      if (current()) editor.set({ findings: reply.ok ? reply.value : [] });
    });
  }, FINDINGS_DELAY_MS);
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
  editor.set({
    simulation: undefined,
    ask: reply.ok ? { query, verdict: reply.value } : { query, problems: reply.problems },
  });
}
