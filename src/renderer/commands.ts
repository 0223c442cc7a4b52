// Every command of the editor in one table: the key bindings, the Help overlay, the toolbar and
// the native menu all call these. Document edits among them go through the named actions.

import { addGroup } from "./actions/groups";
import { autoLayout } from "./actions/nodes";
import { copySelection, deleteSelection, duplicateSelection, pasteInto } from "./actions/selection";
import { fitAll, flowInstance, nextFrame } from "./canvas/flowInstance";
import { NODE_SIZE } from "./canvas/toFlow";
import { exportCanvas } from "./export/image";
import { exportDiagramSvg } from "./export/svg";
import { designFileName } from "./file/download";
import { importFiles, importFolder, newDesign, openDesign, openExample, saveDesign } from "./file/fileOps";
import { layoutByTier } from "./layout/tiers";
import { longWork } from "./state/busy";
import { change, redo, run, undo } from "./state/commands";
import { editor, notify } from "./state/store";

export interface Command {
  name: string;
  label: string;
  keys?: readonly string[];
  run: () => void | Promise<void>;
}

const selectedIds = (): string[] => {
  const { selection } = editor.get();
  return selection.nodes.length > 0 ? selection.nodes : selection.group ? [selection.group] : [];
};

const nodeIds = (): Set<string> => {
  const d = editor.get().history.present;
  return new Set([...d.resources, ...d.externals].map((n) => n.id));
};

export async function layoutNow(): Promise<void> {
  const { history, flows } = editor.get();
  const sizes = new Map(
    (flowInstance()?.getNodes() ?? []).map((n) => [
      n.id,
      { width: n.measured?.width ?? NODE_SIZE.width, height: n.measured?.height ?? NODE_SIZE.height },
    ]),
  );
  try {
    // Tiers left to right (src/shared/diagram): tens of milliseconds at 1,000 nodes, where ELK's
    // layered algorithm took seconds; it runs here, not in a worker.
    const outcome = await longWork(
      "Laying out",
      async () => layoutByTier(history.present, flows, sizes),
      () => undefined,
    );
    if (!outcome.done) return;
    // An edit made meanwhile wins over a layout of the design as it was.
    if (editor.get().history.present !== history.present) return;
    run(autoLayout, { positions: outcome.value });
    await nextFrame();
    await fitAll({ padding: 0.15, maxZoom: 1 });
  } catch (e) {
    notify("error", `Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function exportImage(format: "png" | "svg"): Promise<void> {
  const { history, flows, showOutbound } = editor.get();
  if (format === "svg") {
    // The same writer as `palisade draw`: not a copy of the page's DOM.
    const name = designFileName(history.present.name).replace(/\.palisade\.json$/, "");
    if (history.present.resources.length + history.present.externals.length === 0)
      return notify("error", "Export failed: there is nothing on the canvas to export");
    return exportDiagramSvg(history.present, flows, showOutbound, name);
  }
  const flow = flowInstance();
  if (!flow) return;
  // Nodes outside the view are not rendered; fit everything in first so all are drawn.
  await fitAll({ padding: 0.05, maxZoom: 1 });
  await nextFrame();
  await nextFrame();
  try {
    const name = designFileName(editor.get().history.present.name).replace(/\.palisade\.json$/, "");
    await exportCanvas(format, flow.getNodes(), name);
  } catch (e) {
    notify("error", `Export failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export const COMMANDS: readonly Command[] = [
  { name: "new", label: "New design", keys: ["Alt+N"], run: newDesign },
  { name: "open", label: "Open…", keys: ["Mod+O"], run: () => openDesign() },
  { name: "import", label: "Import Terraform, CloudFormation or AWS CLI JSON…", keys: ["Mod+I"], run: importFiles },
  { name: "importFolder", label: "Import a Terraform folder…", run: importFolder },
  { name: "exampleHttpServer", label: "Example: HTTP/HTTPS server", run: () => openExample("http-server") },
  { name: "exampleThreeTier", label: "Example: three tiers", run: () => openExample("three-tier") },
  { name: "save", label: "Save", keys: ["Mod+S"], run: () => saveDesign(false) },
  { name: "saveAs", label: "Save as…", keys: ["Mod+Shift+S"], run: () => saveDesign(true) },
  { name: "undo", label: "Undo", keys: ["Mod+Z"], run: undo },
  { name: "redo", label: "Redo", keys: ["Mod+Shift+Z", "Mod+Y"], run: redo },
  {
    name: deleteSelection.name,
    label: deleteSelection.label,
    keys: deleteSelection.keys,
    run: () => {
      const ids = selectedIds();
      if (ids.length > 0) run(deleteSelection, { ids }, { nodes: [] });
    },
  },
  {
    name: duplicateSelection.name,
    label: duplicateSelection.label,
    keys: duplicateSelection.keys,
    run: () => {
      const ids = selectedIds();
      if (ids.length === 0) return;
      const before = nodeIds();
      if (run(duplicateSelection, { ids }))
        editor.set({ selection: { nodes: [...nodeIds()].filter((id) => !before.has(id)) } });
    },
  },
  { name: "copy", label: "Copy", keys: ["Mod+C"], run: copy },
  { name: "cut", label: "Cut", keys: ["Mod+X"], run: cut },
  { name: "paste", label: "Paste", keys: ["Mod+V"], run: paste },
  {
    name: "selectAll",
    label: "Select all",
    keys: ["Mod+A"],
    run: () => {
      const d = editor.get().history.present;
      editor.set({ selection: { nodes: [...d.externals, ...d.resources].map((n) => n.id) } });
    },
  },
  {
    name: addGroup.name,
    label: addGroup.label,
    keys: addGroup.keys,
    run: () => {
      if (run(addGroup, {})) {
        const g = editor.get().history.present.groups.at(-1);
        if (g) editor.set({ selection: { nodes: [], group: g.id } });
      }
    },
  },
  { name: autoLayout.name, label: autoLayout.label, keys: autoLayout.keys, run: layoutNow },
  {
    name: "fitView",
    label: "Fit view",
    keys: ["Shift+1"],
    run: () => void fitAll({ padding: 0.15, maxZoom: 1.5 }),
  },
  { name: "zoomIn", label: "Zoom in", keys: ["Mod+="], run: () => void flowInstance()?.zoomIn() },
  { name: "zoomOut", label: "Zoom out", keys: ["Mod+-"], run: () => void flowInstance()?.zoomOut() },
  {
    name: "search",
    label: "Search by name",
    keys: ["Mod+F"],
    run: () => document.querySelector<HTMLInputElement>("#search")?.focus(),
  },
  { name: "ask", label: "Ask whether A can reach B", keys: ["Mod+K", "/"], run: focusQuestion },
  { name: "exportPng", label: "Export canvas as PNG", run: () => exportImage("png") },
  { name: "exportSvg", label: "Export canvas as SVG", run: () => exportImage("svg") },
  {
    name: "export",
    label: "Export Terraform or CloudFormation…",
    keys: ["Mod+E"],
    run: () => editor.set({ exportOpen: { format: "terraform" } }),
  },
  {
    name: "exportTerraform",
    label: "Export Terraform…",
    run: () => editor.set({ exportOpen: { format: "terraform" } }),
  },
  {
    name: "exportCloudFormation",
    label: "Export CloudFormation…",
    run: () => editor.set({ exportOpen: { format: "cloudformation-yaml" } }),
  },
  {
    name: "escape",
    label: "Clear the selection, close overlays",
    keys: ["Escape"],
    run: () => editor.set({ selection: { nodes: [] }, helpOpen: false }),
  },
  {
    name: "help",
    label: "Keyboard shortcuts",
    keys: ["Shift+?", "F1"],
    run: () => editor.set({ helpOpen: !editor.get().helpOpen }),
  },
];

export function command(name: string): Command {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new Error(`no command ${name}`);
  return c;
}

function copy(): void {
  const ids = selectedIds();
  if (ids.length === 0) return;
  editor.set({ clipboard: copySelection(editor.get().history.present, ids) });
  notify("info", `Copied ${ids.length} item${ids.length > 1 ? "s" : ""}`);
}

function cut(): void {
  const ids = selectedIds();
  if (ids.length === 0) return;
  copy();
  run({ ...deleteSelection, label: "Cut" }, { ids }, { nodes: [] });
}

function paste(): void {
  const clip = editor.get().clipboard;
  if (!clip) return;
  let added: string[] = [];
  change("Paste", (d) => {
    const result = pasteInto(d, clip, { x: 40, y: 40 });
    added = result.ids;
    return result.design;
  });
  const nodes = nodeIds();
  editor.set({ selection: { nodes: added.filter((id) => nodes.has(id)) } });
  // The next paste lands a step further on, not on top of this one.
  editor.set({ clipboard: pastedAgain(clip) });
}

function pastedAgain(clip: NonNullable<ReturnType<typeof editor.get>["clipboard"]>) {
  const move = <T extends { position: { x: number; y: number } }>(n: T): T => ({
    ...n,
    position: { x: n.position.x + 40, y: n.position.y + 40 },
  });
  return { ...clip, resources: clip.resources.map(move), externals: clip.externals.map(move) };
}

/** The Ask tab, with its question field focused (once the tab is drawn), ready to type into. */
function focusQuestion(): void {
  editor.set({ bottomTab: "ask" });
  const focus = (tries: number) =>
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLInputElement>('input[aria-label="Question"]');
      if (field) field.focus();
      else if (tries > 0) focus(tries - 1);
    });
  focus(10);
}
