import { describe, expect, it } from "vitest";
import { accelerator, COMMAND_IDS, commandSpec } from "./commands";

describe("the command vocabulary", () => {
  it("binds each key to one command only", () => {
    const owners = new Map<string, string>();
    for (const id of COMMAND_IDS)
      for (const key of commandSpec(id).keys ?? []) {
        expect(
          owners.get(key.toLowerCase()),
          `${key} is bound to ${owners.get(key.toLowerCase())} and ${id}`,
        ).toBeUndefined();
        owners.set(key.toLowerCase(), id);
      }
    expect(owners.size).toBeGreaterThan(20);
  });

  it("writes every binding as modifiers then one key", () => {
    for (const id of COMMAND_IDS)
      for (const key of commandSpec(id).keys ?? []) expect(key, id).toMatch(/^((Mod|Shift|Alt)\+)*[^+]+$/);
  });

  it("gives the menu the first binding in Electron's words", () => {
    expect(accelerator("redo")).toBe("CmdOrCtrl+Shift+Z");
    expect(accelerator("zoomIn")).toBe("CmdOrCtrl+=");
    expect(accelerator("openRecent")).toBeUndefined();
  });
});
