// The editor's state in one small external store, read by components with useEditor(selector).
// The design itself lives in `history.present`; everything derived from it (flows, findings)
// comes from the engine over the api and is replaced, never edited, here.
import { useSyncExternalStore } from "react";
import type { Finding, FlowEdge, FlowQuery, FlowVerdict } from "../../shared/engine/types";
import { type Design, emptyDesign, type Problem } from "../../shared/model";
import type { Clipboard } from "../actions/selection";
import { type History, startHistory } from "./history";

export type BottomTab = "flows" | "findings" | "ask";

export interface Selection {
  nodes: string[];
  group?: string;
  edge?: string;
}

export interface Notice {
  kind: "error" | "info";
  text: string;
  /** Increases with every notice, so that the same text twice is shown twice. */
  seq: number;
}

export interface EditorState {
  history: History;
  /** The design as last saved or opened; the document is dirty when it is not this one. */
  saved: Design;
  path?: string;
  selection: Selection;
  hoverEdge?: string;
  flows: FlowEdge[];
  findings: Finding[];
  engineError?: string;
  ask?: { query: FlowQuery; verdict?: FlowVerdict; problems?: Problem[] };
  notice?: Notice;
  /** Problems of a file that could not be opened, shown until dismissed. */
  problems?: { title: string; problems: Problem[] };
  recovery?: { design: Design; path?: string; savedAt: string };
  clipboard?: Clipboard;
  bottomTab: BottomTab;
  helpOpen: boolean;
  theme: "system" | "light" | "dark";
  minimap: boolean;
}

type Listener = () => void;

export function createStore(initial: EditorState) {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(update: Partial<EditorState> | ((s: EditorState) => Partial<EditorState>)) {
      const patch = typeof update === "function" ? update(state) : update;
      state = { ...state, ...patch };
      for (const l of listeners) l();
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function initialState(design: Design = emptyDesign()): EditorState {
  return {
    history: startHistory(design),
    saved: design,
    selection: { nodes: [] },
    flows: [],
    findings: [],
    bottomTab: "flows",
    helpOpen: false,
    theme: "system",
    minimap: true,
  };
}

export const editor = createStore(initialState());

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useSyncExternalStore(editor.subscribe, () => selector(editor.get()));
}

export const currentDesign = (): Design => editor.get().history.present;
export const isDirty = (s: EditorState): boolean => s.history.present !== s.saved;

let noticeSeq = 0;
export function notify(kind: Notice["kind"], text: string): void {
  editor.set({ notice: { kind, text, seq: ++noticeSeq } });
}
