// The editor's state by kind, in three small external stores that components read with a
// selector: the document (docState: the design's history and file), what the engine derives
// from it (derivedState: flows, findings), and the view (viewState: selection, panels, dialogs).
// Each has its own setter, so a change of view never looks like a change of the document.

import { useSyncExternalStore } from "react";
import type { Held } from "../../shared/api";
import type { GroupFlow } from "../../shared/engine/group-flows";
import type { FlowDiff } from "../../shared/engine/reachability";
import type { Simulation } from "../../shared/engine/simulate";
import type { FixProposal } from "../../shared/engine/synthesize";
import type { Finding, FlowEdge, FlowQuery, FlowVerdict } from "../../shared/engine/types";
import { type Design, emptyDesign, type Problem } from "../../shared/model";
import type { Direction } from "../../shared/model/direction";
import type { Clipboard } from "../actions/selection";
import type { LessonState } from "../exercises/lessonState";
import type { PendingInputs } from "../file/importInputs";
import { type History, startHistory } from "./history";

export type BottomTab = "flows" | "findings" | "ask" | "matrix";

/** The formats of the export dialog's tabs. */
export type ExportChoice = "terraform" | "cloudformation-yaml" | "cloudformation-json";

/** What the canvas draws: nodes and their flows, or security groups and the flows between them. */
export type CanvasLevel = "nodes" | "groups";

export interface Selection {
  nodes: string[];
  group?: string;
  edge?: string;
}

/** A document the host read and holds already, as `id` (see api.ts's OPENING_CHANNELS). */
export interface HeldAs {
  id: string;
  held: Held;
}

export interface Notice {
  kind: "error" | "info";
  text: string;
  /** Increases with every notice, so that the same text twice is shown twice. */
  seq: number;
}

/** The document: the design with its undo history, and where it is saved. Changed only by actions (commands.ts). */
export interface DocState {
  history: History;
  /** The design as last saved or opened; the document is dirty when it is not this one. */
  saved: Design;
  path?: string;
}

/**
 * What the engine derives from the document: replaced with every answer about the design the
 * host holds, never edited here (engine.ts).
 */
export interface DerivedState {
  /** The design these are of; while the document's design is another, its answer is on its way. */
  of?: Design;
  flows: FlowEdge[];
  /** Node pairs that may talk: flows.length, unless they are too many to send (withheld). */
  flowCount: number;
  /** Too many node flows to send or draw: `flows` is empty, the canvas shows group flows only. */
  flowsWithheld: boolean;
  /** Too many group flows as well (a whole region): none are drawn, and flowCount is a lower bound. */
  groupFlowsWithheld: boolean;
  /** Flows between security groups. */
  groupFlows: GroupFlow[];
  findings: Finding[];
  /** Per flow id, the unknowns (var.x, a range without a value) whose rules permit it; asked with the findings. */
  dependsOn: Record<string, string[]>;
  /** Why the host refused the design, while it does. */
  engineError?: string;
}

/**
 * The view: what the person is looking at and working with. The panels' own questions and their
 * answers (a question, a packet, a fix, reach, a comparison) are here, with the panel that shows them.
 */
export interface ViewState {
  selection: Selection;
  hoverEdge?: string;
  ask?: { query: FlowQuery; verdict?: FlowVerdict; problems?: Problem[] };
  /** A rule to point at in the inspector (a finding about it was chosen). */
  focusRule?: { groupId: string; direction: Direction; index: number };
  /** The packet being animated; seq restarts the animation when the same flow is sent again. */
  simulation?: { sim: Simulation; seq: number };
  /** A connection just drawn between two nodes, waiting for its protocol and port. */
  intentDraft?: { from: string; to: string; x: number; y: number };
  /** A proposed fix of an intent, shown as a diff before it is applied. */
  fix?: { intentId: string; proposal?: FixProposal; problems?: Problem[] };
  /** The lesson being worked on, with the engine's latest check of the design against it. */
  lesson?: LessonState;
  /** The lesson that New, Open or Import ended, with its design then: offered back until dismissed. */
  leftLesson?: { state: LessonState; design: Design };
  /** The list of lessons is showing. */
  exercisesOpen?: boolean;
  /** The export dialog is open, on this format. */
  exportOpen?: { format: ExportChoice };
  /** "Who can reach X" / "what can X reach", shown in the Matrix tab. */
  reach?: { node: string; role: "to" | "from"; filter: { protocol?: string; port?: number } };
  /** Flows opened and closed against another design file ("Compare with file…"). */
  compare?: { name: string; diff: FlowDiff };
  /** The user's choice of level; absent = automatic (groups past DENSE_EDGES node edges). */
  levelChoice?: CanvasLevel;
  notice?: Notice;
  /** Long work under way (opening, importing, exporting, laying out), shown with a Cancel button. */
  busy?: { label: string; seq: number; since: number };
  /** An import that needs values it was not given, asked for in a dialog (file/InputsDialog.tsx). */
  importInputs?: PendingInputs;
  /** Problems of a file that could not be opened, shown until dismissed. */
  problems?: { title: string; problems: Problem[] };
  /** Unsaved work of a session that did not end cleanly, offered back; the host holds it as `held`. */
  recovery?: { design: Design; path?: string; savedAt: string; held?: HeldAs };
  clipboard?: Clipboard;
  bottomTab: BottomTab;
  helpOpen: boolean;
  theme: "system" | "light" | "dark";
  minimap: boolean;
  /** Draw the flows that outbound-to-anywhere markers stand for (View menu, the canvas toggle). */
  showOutbound: boolean;
}

type Listener = () => void;

export interface Store<S> {
  get(): S;
  set(update: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(listener: Listener): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === "function" ? update(state) : update;
      state = { ...state, ...patch };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function initialDoc(design: Design = emptyDesign()): DocState {
  return { history: startHistory(design), saved: design };
}

export function noDerived(): DerivedState {
  return {
    flows: [],
    flowCount: 0,
    flowsWithheld: false,
    groupFlowsWithheld: false,
    groupFlows: [],
    findings: [],
    dependsOn: {},
  };
}

export const docState = createStore(initialDoc());
export const derivedState = createStore(noDerived());
export const viewState = createStore<ViewState>({
  selection: { nodes: [] },
  bottomTab: "flows",
  helpOpen: false,
  theme: "system",
  minimap: true,
  showOutbound: false,
});

function useSlice<S, T>(store: Store<S>, selector: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}

export const useDoc = <T>(selector: (s: DocState) => T): T => useSlice(docState, selector);
export const useDerived = <T>(selector: (s: DerivedState) => T): T => useSlice(derivedState, selector);
export const useView = <T>(selector: (s: ViewState) => T): T => useSlice(viewState, selector);

export const currentDesign = (): Design => docState.get().history.present;
export const isDirty = (s: DocState): boolean => s.history.present !== s.saved;

let noticeSeq = 0;
export function notify(kind: Notice["kind"], text: string): void {
  viewState.set({ notice: { kind, text, seq: ++noticeSeq } });
}
