import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it } from "vitest";
import { MENU_COMMANDS, type MenuCommand } from "../shared/api";
import { type MenuContext, menuTemplate } from "./menu";

function context(overrides: Partial<MenuContext> = {}): MenuContext & { sent: [MenuCommand, string?][] } {
  const sent: [MenuCommand, string?][] = [];
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

  it("sends every menu command, and nothing else, from some item", () => {
    const ctx = context({ recentFiles: ["/d/a.palisade.json"] });
    for (const item of items(menuTemplate(ctx))) if (item.click && item.label !== "Clear Recent") click(item);
    expect(new Set(ctx.sent.map(([c]) => c))).toEqual(new Set(MENU_COMMANDS));
  });

  it("opens a recent file by its path", () => {
    const ctx = context({ recentFiles: ["/d/b.palisade.json", "/d/a.palisade.json"] });
    const recent = items(menuTemplate(ctx)).find((i) => i.label === "/d/a.palisade.json");
    click(recent as MenuItemConstructorOptions);
    expect(ctx.sent).toEqual([["file:open-recent", "/d/a.palisade.json"]]);
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
