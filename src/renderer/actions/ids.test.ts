import { describe, expect, it } from "vitest";
import { freshId, freshName } from "./ids";

describe("freshId", () => {
  it.each([
    ["web", [], "web"],
    ["web", ["web"], "web-2"],
    ["web server", ["web-server", "web-server-2"], "web-server-3"],
    ["  ", [], "item"],
    ["ünïcode!", [], "n-code"],
  ])("%j with %j taken gives %j", (base, taken, expected) => {
    expect(freshId(base, new Set(taken))).toBe(expected);
  });
});

describe("freshName", () => {
  it("numbers names regardless of case", () => {
    expect(freshName("App", ["app", "App 2"])).toBe("App 3");
  });
});
