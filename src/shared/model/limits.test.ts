import { describe, expect, it } from "vitest";
import { checkExpandedSize, checkNesting, MAX_EXPANDED_VALUES, MAX_NESTING } from "./limits";
import { InputError } from "./problems";

function refusal(f: () => void): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("checkNesting", () => {
  it.each([
    ["as deep as allowed", `${"[".repeat(MAX_NESTING)}${"]".repeat(MAX_NESTING)}`],
    ["brackets inside strings", `{"a": "${"[".repeat(MAX_NESTING * 2)}"}`],
    ["an escaped quote inside a string", `{"a": "\\"${"{".repeat(MAX_NESTING * 2)}"}`],
    ["many siblings, each shallow", `[${"[1],".repeat(10_000)}[1]]`],
  ])("lets pass %s", (_, text) => {
    expect(() => checkNesting(text, "f.json")).not.toThrow();
  });

  it("refuses one level deeper than allowed, at the bracket that goes too deep", () => {
    const text = `\n  ${'{"a":'.repeat(MAX_NESTING + 1)}1${"}".repeat(MAX_NESTING + 1)}`;
    const [problem] = refusal(() => checkNesting(text, "f.json")).problems;
    expect(problem).toMatchObject({ file: "f.json", line: 2, column: 3 + 5 * MAX_NESTING });
    expect(problem?.message).toMatch(/nested more than 256 levels/);
  });
});

describe("checkExpandedSize", () => {
  it("counts a shared part each time it appears, and stops at the limit", () => {
    let value: unknown = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    for (let i = 0; i < 9; i++) value = Array(9).fill(value);
    const [problem] = refusal(() => checkExpandedSize(value, "a: &a [1]\nb: *a\n", "x.yaml")).problems;
    expect(problem).toMatchObject({ file: "x.yaml", line: 2, column: 4 });
  });

  it("lets a large value without sharing pass", () => {
    expect(() => checkExpandedSize(Array(MAX_EXPANDED_VALUES - 1).fill(0), "", "x.yaml")).not.toThrow();
  });
});
