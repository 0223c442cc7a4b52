import { describe, expect, it } from "vitest";
import { freshName } from "./ids";

describe("freshName", () => {
  it("numbers names regardless of case", () => {
    expect(freshName("App", ["app", "App 2"])).toBe("App 3");
  });
});
