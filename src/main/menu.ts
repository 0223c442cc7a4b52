// The native menu, as data: every item either sends a command to the renderer (which decides
// what it does, the same as its own shortcut would) or uses one of Electron's roles.
import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand } from "../shared/api";

export interface MenuContext {
  send(command: MenuCommand, arg?: string): void;
  /** Most recent first. */
  recentFiles: readonly string[];
  clearRecent(): void;
  isMac: boolean;
  /** Shown under Exercises until the lessons exist. */
  exercises: readonly { id: string; title: string }[];
}

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const { send } = ctx;
  const item = (label: string, command: MenuCommand, accelerator?: string, arg?: string) => {
    const options: MenuItemConstructorOptions = { label, click: () => send(command, arg) };
    if (accelerator) {
      options.accelerator = accelerator;
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
          ...ctx.recentFiles.map((path) => item(path, "file:open-recent", undefined, path)),
          { type: "separator" },
          { label: "Clear Recent", click: () => ctx.clearRecent() },
        ];
  const template: MenuItemConstructorOptions[] = [
    {
      label: "File",
      submenu: [
        item("New", "file:new", "CmdOrCtrl+N"),
        item("Open…", "file:open", "CmdOrCtrl+O"),
        { label: "Open Recent", submenu: recent },
        { type: "separator" },
        item("Import… (Terraform, CloudFormation, AWS CLI)", "file:import", "CmdOrCtrl+I"),
        item("Import Terraform Folder…", "file:import-folder"),
        { type: "separator" },
        item("Save", "file:save", "CmdOrCtrl+S"),
        item("Save As…", "file:save-as", "CmdOrCtrl+Shift+S"),
        { type: "separator" },
        item("Export Terraform…", "file:export-terraform"),
        item("Export CloudFormation…", "file:export-cloudformation"),
        item("Export PNG…", "file:export-png"),
        item("Export SVG…", "file:export-svg"),
        { type: "separator" },
        item("Close", "file:close", "CmdOrCtrl+W"),
        ...(ctx.isMac ? [] : [{ type: "separator" } as const, { role: "quit" } as const]),
      ],
    },
    {
      label: "Edit",
      submenu: [
        item("Undo", "edit:undo", "CmdOrCtrl+Z"),
        item("Redo", "edit:redo", ctx.isMac ? "Cmd+Shift+Z" : "Ctrl+Y"),
        { type: "separator" },
        // Roles: text fields keep native clipboard behaviour; on the canvas the renderer handles
        // the DOM's cut/copy/paste events that these fire.
        { role: "cut" },
        { role: "copy" },
        { role: "paste" },
        item("Duplicate", "edit:duplicate", "CmdOrCtrl+D"),
        item("Delete", "edit:delete", "Delete"),
        { type: "separator" },
        { role: "selectAll" },
      ],
    },
    {
      label: "View",
      submenu: [
        item("Fit View", "view:fit", "Shift+1"),
        item("Zoom In", "view:zoom-in", "CmdOrCtrl+="),
        item("Zoom Out", "view:zoom-out", "CmdOrCtrl+-"),
        item("Actual Size", "view:zoom-reset", "CmdOrCtrl+0"),
        { type: "separator" },
        item("Toggle Minimap", "view:toggle-minimap", "CmdOrCtrl+M"),
        item("Show Outbound-to-Anywhere Flows", "view:toggle-outbound"),
        {
          label: "Theme",
          submenu: [
            item("Light", "view:theme-light"),
            item("Dark", "view:theme-dark"),
            item("Follow System", "view:theme-system"),
          ],
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
          : ctx.exercises.map((e) => item(e.title, "exercises:open", undefined, e.id)),
    },
    {
      role: "help",
      submenu: [item("Keyboard Shortcuts", "help:shortcuts", "CmdOrCtrl+/"), item("About Palisade", "help:about")],
    },
  ];
  if (ctx.isMac) template.unshift({ role: "appMenu" });
  return template;
}
