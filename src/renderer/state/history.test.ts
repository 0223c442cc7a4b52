import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyDesign } from "../../shared/model";
import { canRedo, canUndo, record, redo, startHistory, undo } from "./history";

const named = (name: string) => emptyDesign(name);

describe("history", () => {
  it("undoes and redoes a step with its label", () => {
    const a = named("a");
    const b = named("b");
    let h = record(startHistory(a), "Rename", b);
    expect(h.label).toBe("Rename");
    h = undo(h);
    expect(h.present).toBe(a);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe(b);
    expect(h.label).toBe("Rename");
  });
  it("an action that changed nothing records no step", () => {
    const h = startHistory(named("a"));
    expect(record(h, "Nothing", h.present)).toBe(h);
  });
  it("a new step after undo drops the redo future", () => {
    let h = record(startHistory(named("a")), "1", named("b"));
    h = record(undo(h), "2", named("c"));
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present.name).toBe("a");
  });
  it("undo of every step returns the first document, redo of every step the last", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 30 }), (names) => {
        const first = named("start");
        let h = startHistory(first);
        for (const n of names) h = record(h, n, named(n));
        const last = h.present;
        while (canUndo(h)) h = undo(h);
        expect(h.present).toBe(first);
        while (canRedo(h)) h = redo(h);
        expect(h.present).toBe(last);
      }),
    );
  });
});
