// The native menu, as data: every item either sends a command to the renderer (which decides
// what it does, the same as its own shortcut would) or uses one of Electron's roles. Labels and
// keys are the command vocabulary's (src/shared/commands.ts); only the menu's shape is here.
import type { MenuItemConstructorOptions } from "electron";
import { accelerator, type CommandId, commandSpec } from "../shared/commands";

export interface MenuContext {
  send(command: CommandId, arg?: string): void;
  /** Most recent first. */
  recentFiles: readonly string[];
  clearRecent(): void;
  isMac: boolean;
  /** Shown under Exercises until the lessons exist. */
  exercises: readonly { id: string; title: string }[];
}

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const { send } = ctx;
  const item = (command: CommandId, arg?: string, label: string = commandSpec(command).label) => {
    const options: MenuItemConstructorOptions = { label, click: () => send(command, arg) };
    const keys = arg === undefined ? accelerator(command) : undefined;
    if (keys) {
      options.accelerator = keys;
      // The renderer binds the same keys itself (the browser mode has no native menu), so the
      // menu only shows them; registering them here would steal keys from text fields too.
      options.registerAccelerator = false;
    }
    return options;
  };
  const recent: MenuItemConstructorOptions[] =
    ctx.recentFiles.length === 0
      ? [{ label: "No recent files", enabled: false }]
      : [
          ...ctx.recentFiles.map((path) => item("openRecent", path, path)),
          { type: "separator" },
          { label: "Clear Recent", click: () => ctx.clearRecent() },
        ];
  const template: MenuItemConstructorOptions[] = [
    {
      label: "File",
      submenu: [
        item("new"),
        item("open"),
        { label: "Open Recent", submenu: recent },
        { type: "separator" },
        item("import"),
        item("importFolder"),
        { type: "separator" },
        item("save"),
        item("saveAs"),
        { type: "separator" },
        item("exportTerraform"),
        item("exportCloudFormation"),
        item("exportPng"),
        item("exportSvg"),
        { type: "separator" },
        item("close"),
        ...(ctx.isMac ? [] : [{ type: "separator" } as const, { role: "quit" } as const]),
      ],
    },
    {
      label: "Edit",
      submenu: [
        item("undo"),
        item("redo"),
        { type: "separator" },
        // Roles: text fields keep native clipboard behaviour; on the canvas the renderer handles
        // the DOM's cut/copy/paste events that these fire.
        { role: "cut" },
        { role: "copy" },
        { role: "paste" },
        item("duplicateSelection"),
        item("deleteSelection"),
        { type: "separator" },
        { role: "selectAll" },
      ],
    },
    {
      label: "View",
      submenu: [
        item("fitView"),
        item("zoomIn"),
        item("zoomOut"),
        item("zoomReset"),
        { type: "separator" },
        item("toggleMinimap"),
        item("toggleOutbound"),
        {
          label: "Theme",
          submenu: [item("themeLight"), item("themeDark"), item("themeSystem")],
        },
        { type: "separator" },
        { role: "togglefullscreen" },
      ],
    },
    {
      label: "Exercises",
      submenu:
        ctx.exercises.length === 0
          ? [{ label: "No exercises yet", enabled: false }]
          : ctx.exercises.map((e) => item("exercises", e.id, e.title)),
    },
    {
      role: "help",
      submenu: [item("help"), item("about")],
    },
  ];
  if (ctx.isMac) template.unshift({ role: "appMenu" });
  return template;
}
