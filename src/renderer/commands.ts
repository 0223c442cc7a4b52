// What every command of the editor does. Their ids, labels and keys are declared once in
// src/shared/commands.ts; the key bindings, the Help overlay, the toolbar and the native menu all
// call these. Document edits among them go through the named actions.

import { COMMAND_IDS, type CommandId, type CommandSpec, commandSpec } from "../shared/commands";
import { addGroup } from "./actions/groups";
import { autoLayout } from "./actions/nodes";
import {
  type Clipboard,
  copySelection,
  deleteSelection,
  duplicateSelection,
  PASTE_OFFSET,
  paste,
} from "./actions/selection";
import type { Action } from "./actions/types";
import { fitAll, flowInstance, nextFrame } from "./canvas/flowInstance";
import { canvasLevel } from "./canvas/groupLevel";
import { NODE_SIZE } from "./canvas/toFlow";
import { openLesson } from "./exercises/lesson";
import { exportCanvas } from "./export/image";
import { exportDiagramSvg } from "./export/svg";
import { designFileName } from "./file/download";
import { importFiles, importFolder, newDesign, openDesign, openExample, saveDesign } from "./file/fileOps";
import { stopLayout } from "./layout/offThread";
import { layoutByTier } from "./layout/tiers";
import { longWork } from "./state/busy";
import { redo, run, undo } from "./state/commands";
import { derivedState, docState, notify, viewState } from "./state/store";

export interface Command extends CommandSpec {
  id: CommandId;
  /** `arg`: what the menu sends with the command (a recent file's path, an exercise's id). */
  run: (arg?: string) => void | Promise<void>;
}

const selectedIds = (): string[] => {
  const { selection } = viewState.get();
  return selection.nodes.length > 0 ? selection.nodes : selection.group ? [selection.group] : [];
};

const nodeIds = (): Set<string> => {
  const d = docState.get().history.present;
  return new Set([...d.resources, ...d.externals].map((n) => n.id));
};

export async function layoutNow(): Promise<void> {
  const { history } = docState.get();
  const { flows } = derivedState.get();
  const sizes = new Map(
    (flowInstance()?.getNodes() ?? []).map((n) => [
      n.id,
      { width: n.measured?.width ?? NODE_SIZE.width, height: n.measured?.height ?? NODE_SIZE.height },
    ]),
  );
  try {
    // Tiers left to right (src/shared/diagram): our own layout, as ELK's layered algorithm took
    // seconds. Still 200 ms to over a second at 1,000 nodes, so it runs in the layout worker
    // (layout/offThread.ts): the page stays live, and Cancel or Escape terminates the worker.
    const outcome = await longWork("Laying out", () => layoutByTier(history.present, flows, sizes), stopLayout);
    if (!outcome.done) return;
    // An edit made meanwhile wins over a layout of the design as it was.
    if (docState.get().history.present !== history.present) return;
    run(autoLayout, { positions: outcome.value });
    await nextFrame();
    await fitAll({ padding: 0.15, maxZoom: 1 });
  } catch (e) {
    notify("error", `Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function exportImage(format: "png" | "svg"): Promise<void> {
  const { history } = docState.get();
  const { flows, groupFlows, flowCount, flowsWithheld } = derivedState.get();
  const { showOutbound, levelChoice } = viewState.get();
  if (format === "svg") {
    // The same writer as `palisade draw`: not a copy of the page's DOM.
    const name = designFileName(history.present.name).replace(/\.palisade\.json$/, "");
    if (history.present.resources.length + history.present.externals.length === 0)
      return notify("error", "Export failed: there is nothing on the canvas to export");
    // The level on the canvas: at group level, the groups as the group view draws them.
    const shown =
      canvasLevel(levelChoice, flowCount, flowsWithheld) === "groups"
        ? { level: "group" as const, groupFlows }
        : { level: "node" as const, flows };
    return exportDiagramSvg(history.present, shown, showOutbound, name);
  }
  const flow = flowInstance();
  if (!flow) return;
  // Nodes outside the view are not rendered; fit everything in first so all are drawn.
  await fitAll({ padding: 0.05, maxZoom: 1 });
  await nextFrame();
  await nextFrame();
  try {
    const name = designFileName(docState.get().history.present.name).replace(/\.palisade\.json$/, "");
    await exportCanvas(format, flow.getNodes(), name);
  } catch (e) {
    notify("error", `Export failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** What each command of the vocabulary (src/shared/commands.ts) does here; the menu sends the same ids. */
const RUN: Record<CommandId, (arg?: string) => void | Promise<void>> = {
  new: newDesign,
  open: () => openDesign(),
  openRecent: (path) => (path ? openDesign(path) : openDesign()),
  import: importFiles,
  importFolder,
  exampleHttpServer: () => openExample("http-server"),
  exampleThreeTier: () => openExample("three-tier"),
  save: () => saveDesign(false),
  saveAs: () => saveDesign(true),
  // The desktop app's main closes the window itself (through its unsaved-changes prompt); a page
  // that is asked anyway starts afresh, as New does.
  close: newDesign,
  undo,
  redo,
  deleteSelection: () => {
    const ids = selectedIds();
    if (ids.length > 0) run(deleteSelection, { ids }, { nodes: [] });
  },
  duplicateSelection: () => {
    const ids = selectedIds();
    if (ids.length > 0) runSelectingNew(duplicateSelection, { ids });
  },
  copy,
  cut,
  paste: pasteClipboard,
  selectAll: () => {
    const d = docState.get().history.present;
    viewState.set({ selection: { nodes: [...d.externals, ...d.resources].map((n) => n.id) } });
  },
  addGroup: () => {
    if (run(addGroup, {})) {
      const g = docState.get().history.present.groups.at(-1);
      if (g) viewState.set({ selection: { nodes: [], group: g.id } });
    }
  },
  autoLayout: layoutNow,
  fitView: () => void fitAll({ padding: 0.15, maxZoom: 1.5 }),
  zoomIn: () => void flowInstance()?.zoomIn(),
  zoomOut: () => void flowInstance()?.zoomOut(),
  zoomReset: () => void flowInstance()?.zoomTo(1),
  toggleMinimap: () => viewState.set({ minimap: !viewState.get().minimap }),
  toggleOutbound: () => viewState.set({ showOutbound: !viewState.get().showOutbound }),
  themeLight: () => viewState.set({ theme: "light" }),
  themeDark: () => viewState.set({ theme: "dark" }),
  themeSystem: () => viewState.set({ theme: "system" }),
  search: () => document.querySelector<HTMLInputElement>("#search")?.focus(),
  ask: focusQuestion,
  exportPng: () => exportImage("png"),
  exportSvg: () => exportImage("svg"),
  export: () => viewState.set({ exportOpen: { format: "terraform" } }),
  exportTerraform: () => viewState.set({ exportOpen: { format: "terraform" } }),
  exportCloudFormation: () => viewState.set({ exportOpen: { format: "cloudformation-yaml" } }),
  exercises: (id) => (id ? openLesson(id) : viewState.set({ exercisesOpen: true })),
  escape: () => viewState.set({ selection: { nodes: [] }, helpOpen: false }),
  help: () => viewState.set({ helpOpen: !viewState.get().helpOpen }),
  about: () => notify("info", "Palisade: a desktop editor for AWS security groups."),
};

export const COMMANDS: readonly Command[] = COMMAND_IDS.map((id) => ({ id, ...commandSpec(id), run: RUN[id] }));

export function command(id: CommandId): Command {
  return { id, ...commandSpec(id), run: RUN[id] };
}

/** Runs an action that adds nodes (paste, duplicate) and selects what it added. */
function runSelectingNew<A>(action: Action<A>, args: A): boolean {
  const before = nodeIds();
  if (!run(action, args)) return false;
  viewState.set({ selection: { nodes: [...nodeIds()].filter((id) => !before.has(id)) } });
  return true;
}

function copy(): void {
  const ids = selectedIds();
  if (ids.length === 0) return;
  viewState.set({ clipboard: copySelection(docState.get().history.present, ids) });
  notify("info", `Copied ${ids.length} item${ids.length > 1 ? "s" : ""}`);
}

function cut(): void {
  const ids = selectedIds();
  if (ids.length === 0) return;
  copy();
  run({ ...deleteSelection, label: "Cut" }, { ids }, { nodes: [] });
}

/** Pastes the clipboard, selects what was pasted, and moves the clipboard a step on for the next paste. */
function pasteClipboard(): void {
  const clip = viewState.get().clipboard;
  if (!clip) return;
  if (runSelectingNew(paste, { clipboard: clip })) viewState.set({ clipboard: pastedAgain(clip) });
}

function pastedAgain(clip: Clipboard): Clipboard {
  const move = <T extends { position: { x: number; y: number } }>(n: T): T => ({
    ...n,
    position: { x: n.position.x + PASTE_OFFSET.x, y: n.position.y + PASTE_OFFSET.y },
  });
  return { ...clip, resources: clip.resources.map(move), externals: clip.externals.map(move) };
}

/** The Ask tab, with its question field focused (once the tab is drawn), ready to type into. */
function focusQuestion(): void {
  viewState.set({ bottomTab: "ask" });
  const focus = (tries: number) =>
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLInputElement>('input[aria-label="Question"]');
      if (field) field.focus();
      else if (tries > 0) focus(tries - 1);
    });
  focus(10);
}
