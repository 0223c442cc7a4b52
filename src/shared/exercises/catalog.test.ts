import { describe, expect, it } from "vitest";
import { lessons, parseLesson } from "./catalog";

describe("lesson catalog", () => {
  it("ships four lessons in order, each starting undone", () => {
    expect(lessons().map((l) => [l.number, l.id])).toEqual([
      [1, "http-server"],
      [2, "stateful"],
      [3, "three-tiers"],
      [4, "timeouts"],
    ]);
  });

  it("a lesson whose check names a missing node is refused with the field's path", () => {
    const raw = structuredClone(lessons()[0]) as unknown as { steps: { checks: { to: string }[] }[] };
    const check = raw.steps[0]?.checks[0];
    if (check) check.to = "nowhere";
    expect(() => parseLesson(raw, "bad.json")).toThrow(/no node of the starting design has id "nowhere"/);
    try {
      parseLesson(raw, "bad.json");
    } catch (e) {
      expect((e as { problems: { path: string; file: string }[] }).problems[0]).toMatchObject({
        file: "bad.json",
        path: "steps[0].checks[0].to",
      });
    }
  });

  it("a step without hints is refused", () => {
    const raw = structuredClone(lessons()[1]) as unknown as { steps: { hints: string[] }[] };
    if (raw.steps[0]) raw.steps[0].hints = [];
    expect(() => parseLesson(raw)).toThrow(/at least one hint/);
  });
});
