// The editor's commands, declared once: the native menu (src/main/menu.ts) shows their labels
// and keys and sends their ids, the renderer (src/renderer/commands.ts) binds the keys and says
// what each id does, and the Help overlay lists them. An id the menu sends is an id the renderer
// runs: both sides take it from here.

export interface CommandSpec {
  /** What a person reads in the menu, the Help overlay and the toolbar. */
  label: string;
  /**
   * Key bindings such as "Mod+Shift+Z"; Mod is Cmd on a Mac and Ctrl elsewhere. The first is the
   * one the native menu shows (`accelerator`).
   */
  keys?: readonly string[];
}

export const COMMANDS = {
  new: { label: "New design", keys: ["Alt+N"] },
  open: { label: "Open…", keys: ["Mod+O"] },
  /** The menu's Open Recent: the path comes as the command's argument. */
  openRecent: { label: "Open recent" },
  import: { label: "Import Terraform, CloudFormation or AWS CLI JSON…", keys: ["Mod+I"] },
  importFolder: { label: "Import a Terraform folder…" },
  exampleHttpServer: { label: "Example: HTTP/HTTPS server" },
  exampleThreeTier: { label: "Example: three tiers" },
  save: { label: "Save", keys: ["Mod+S"] },
  saveAs: { label: "Save as…", keys: ["Mod+Shift+S"] },
  /** The desktop app's main process does this one itself (the window's unsaved-changes prompt). */
  close: { label: "Close" },
  undo: { label: "Undo", keys: ["Mod+Z"] },
  redo: { label: "Redo", keys: ["Mod+Shift+Z", "Mod+Y"] },
  deleteSelection: { label: "Delete", keys: ["Delete", "Backspace"] },
  duplicateSelection: { label: "Duplicate", keys: ["Mod+D"] },
  copy: { label: "Copy", keys: ["Mod+C"] },
  cut: { label: "Cut", keys: ["Mod+X"] },
  paste: { label: "Paste", keys: ["Mod+V"] },
  selectAll: { label: "Select all", keys: ["Mod+A"] },
  addGroup: { label: "New security group", keys: ["Mod+G"] },
  autoLayout: { label: "Auto-layout", keys: ["Shift+L"] },
  fitView: { label: "Fit view", keys: ["Shift+1"] },
  zoomIn: { label: "Zoom in", keys: ["Mod+="] },
  zoomOut: { label: "Zoom out", keys: ["Mod+-"] },
  zoomReset: { label: "Actual size", keys: ["Mod+0"] },
  toggleMinimap: { label: "Show or hide the minimap", keys: ["Mod+M"] },
  toggleOutbound: { label: "Show outbound-to-anywhere flows" },
  themeLight: { label: "Light theme" },
  themeDark: { label: "Dark theme" },
  themeSystem: { label: "Theme of the system" },
  search: { label: "Search by name", keys: ["Mod+F"] },
  ask: { label: "Ask whether A can reach B", keys: ["Mod+K", "/"] },
  exportPng: { label: "Export canvas as PNG" },
  exportSvg: { label: "Export canvas as SVG" },
  export: { label: "Export Terraform or CloudFormation…", keys: ["Mod+E"] },
  exportTerraform: { label: "Export Terraform…" },
  exportCloudFormation: { label: "Export CloudFormation…" },
  /** The lessons; with an exercise's id as the argument, that lesson. */
  exercises: { label: "Exercises" },
  escape: { label: "Clear the selection, close overlays", keys: ["Escape"] },
  help: { label: "Keyboard shortcuts", keys: ["F1", "Shift+?"] },
  about: { label: "About Palisade" },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_IDS = Object.keys(COMMANDS) as [CommandId, ...CommandId[]];

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS[id];
}

/**
 * A binding as Electron's menu writes it ("Mod+Shift+S" -> "CmdOrCtrl+Shift+S"), or undefined
 * when the command has no key or its first key is a character only a keyboard layout makes
 * (Shift+? is not a key Electron can name).
 */
export function accelerator(id: CommandId): string | undefined {
  const first = commandSpec(id).keys?.[0];
  if (!first) return undefined;
  const parts = first.split("+");
  const key = parts.at(-1) ?? "";
  if (!/^([A-Za-z0-9=-]|F\d{1,2}|Delete|Backspace|Escape)$/.test(key)) return undefined;
  return parts.map((p) => (p === "Mod" ? "CmdOrCtrl" : p)).join("+");
}
