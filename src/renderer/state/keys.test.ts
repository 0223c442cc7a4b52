import { describe, expect, it } from "vitest";
import { keyLabel, matchesKey } from "./keys";

const press = (key: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("matchesKey", () => {
  it.each([
    ["Mod+Z", press("z", { ctrlKey: true }), false, true],
    ["Mod+Z", press("z", { metaKey: true }), true, true],
    ["Mod+Z", press("z", { metaKey: true }), false, false],
    ["Mod+Z", press("Z", { ctrlKey: true, shiftKey: true }), false, false],
    ["Mod+Shift+Z", press("Z", { ctrlKey: true, shiftKey: true }), false, true],
    ["Delete", press("Delete"), false, true],
    ["Delete", press("Delete", { ctrlKey: true }), false, false],
    ["?", press("?", { shiftKey: true }), false, false],
  ])("%s against %j (mac %s) is %s", (binding, e, mac, expected) => {
    expect(matchesKey(binding, e, mac)).toBe(expected);
  });
});

describe("keyLabel", () => {
  it("reads Mod as Ctrl or ⌘", () => {
    expect(keyLabel("Mod+Shift+Z", false)).toBe("Ctrl+Shift+Z");
    expect(keyLabel("Mod+Shift+Z", true)).toBe("⌘⇧Z");
  });
});
