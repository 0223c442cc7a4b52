import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it } from "vitest";
import { accelerator, COMMAND_IDS, type CommandId, commandSpec } from "../shared/commands";
import { type MenuContext, menuTemplate } from "./menu";

function context(overrides: Partial<MenuContext> = {}): MenuContext & { sent: [CommandId, string?][] } {
  const sent: [CommandId, string?][] = [];
  return {
    sent,
    send: (command, arg) => sent.push(arg === undefined ? [command] : [command, arg]),
    recentFiles: [],
    clearRecent: () => {},
    isMac: false,
    exercises: [{ id: "http-server", title: "A web server" }],
    ...overrides,
  };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as unknown as () => void)();
}

describe("the native menu", () => {
  it("has File, Edit, View, Exercises and Help", () => {
    expect(menuTemplate(context()).map((m) => m.label ?? m.role)).toEqual([
      "File",
      "Edit",
      "View",
      "Exercises",
      "help",
    ]);
  });

  it("has View > Show outbound-to-anywhere flows, which sends the canvas's own toggle (issue 13)", () => {
    const ctx = context();
    const view = menuTemplate(ctx).find((m) => m.label === "View");
    const item = items(Array.isArray(view?.submenu) ? view.submenu : []).find(
      (i) => i.label === commandSpec("toggleOutbound").label,
    );
    expect(item).toBeDefined();
    click(item as MenuItemConstructorOptions);
    expect(ctx.sent).toEqual([["toggleOutbound"]]);
  });

  it("sends only ids of the one command vocabulary, labelled and keyed as it declares them", () => {
    const ctx = context({ recentFiles: ["/d/a.palisade.json"] });
    const sending = items(menuTemplate(ctx)).filter((i) => i.click && i.label !== "Clear Recent");
    for (const item of sending) click(item);
    expect(ctx.sent).toHaveLength(sending.length);
    ctx.sent.forEach(([id, arg], n) => {
      expect(COMMAND_IDS).toContain(id);
      // An item with an argument (a recent file, a lesson) is named for it and shows no key.
      if (arg !== undefined) return;
      expect(sending[n]?.label).toBe(commandSpec(id).label);
      expect(sending[n]?.accelerator).toBe(accelerator(id));
    });
    expect(ctx.sent.map(([id]) => id)).toEqual(
      expect.arrayContaining(["save", "undo", "redo", "deleteSelection", "help"]),
    );
  });

  it("writes a binding as Electron's accelerator, and none for a key only a layout makes", () => {
    expect(accelerator("saveAs")).toBe("CmdOrCtrl+Shift+S");
    expect(accelerator("deleteSelection")).toBe("Delete");
    expect(accelerator("help")).toBe("F1");
    expect(accelerator("exportPng")).toBeUndefined();
  });

  it("opens a recent file by its path", () => {
    const ctx = context({ recentFiles: ["/d/b.palisade.json", "/d/a.palisade.json"] });
    const recent = items(menuTemplate(ctx)).find((i) => i.label === "/d/a.palisade.json");
    click(recent as MenuItemConstructorOptions);
    expect(ctx.sent).toEqual([["openRecent", "/d/a.palisade.json"]]);
  });

  it("says when there are no recent files", () => {
    const labels = items(menuTemplate(context())).map((i) => i.label);
    expect(labels).toContain("No recent files");
    expect(labels).not.toContain("Clear Recent");
  });

  it("shows shortcuts without taking the keys from the page, which binds them itself", () => {
    const withKeys = items(menuTemplate(context())).filter((i) => i.accelerator);
    expect(withKeys.length).toBeGreaterThan(10);
    for (const item of withKeys) expect(item.registerAccelerator, item.label).toBe(false);
  });

  it("leaves cut, copy, paste and select all to Electron's roles so text fields keep working", () => {
    const roles = items(menuTemplate(context())).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(["cut", "copy", "paste", "selectAll"]));
  });

  it("puts the app menu first on a Mac and Quit in File elsewhere", () => {
    expect(menuTemplate(context({ isMac: true }))[0]?.role).toBe("appMenu");
    const file = menuTemplate(context())[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.at(-1)?.role).toBe("quit");
  });
});
