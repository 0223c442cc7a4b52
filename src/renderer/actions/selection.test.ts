import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDesign } from "../../shared/model";
import { copySelection, deleteSelection, duplicateSelection, paste, pasteInto } from "./selection";
import { sampleDesign } from "./testing";

describe("deleteSelection", () => {
  it("deletes nodes and the intents that named them", () => {
    const d = { ...sampleDesign(), intents: [{ id: "i1", from: "internet", to: "web", protocol: "tcp", port: 443 }] };
    const next = deleteSelection.perform(d, { ids: ["web"] });
    expect(next.resources.map((r) => r.id)).toEqual(["db"]);
    expect(next.intents).toEqual([]);
  });
  it("deleting a group detaches it and drops the rules that referenced it", () => {
    const next = deleteSelection.perform(sampleDesign(), { ids: ["sg-web"] });
    expect(next.groups.map((g) => g.id)).toEqual(["sg-db"]);
    expect(next.resources[0]?.groupIds).toEqual([]);
    expect(next.groups[0]?.ingress).toEqual([]);
    expect(() => validateDesign(next)).not.toThrow();
  });
  it("an empty selection changes nothing", () => {
    const d = sampleDesign();
    expect(deleteSelection.perform(d, { ids: [] })).toBe(d);
  });
});

describe("duplicate and paste", () => {
  it("duplicates a node with a fresh id and name, offset, keeping its groups", () => {
    const next = duplicateSelection.perform(sampleDesign(), { ids: ["web"] });
    expect(next.resources.at(-1)).toMatchObject({
      id: "web-2",
      name: "web 2",
      groupIds: ["sg-web"],
      position: { x: 140, y: 40 },
    });
  });
  it("pasting a group with a node points the copy and its self-references at the copied group", () => {
    const d = sampleDesign();
    d.groups[0]!.ingress.push({ id: "self", protocol: "-1", peer: { kind: "group", groupId: "sg-web" } });
    const { design: next, ids } = pasteInto(d, copySelection(d, ["web", "sg-web"]), { x: 0, y: 100 });
    const copy = next.groups.at(-1)!;
    expect(copy.id).toBe("sg-web-2");
    expect(copy.ingress.at(-1)?.peer).toEqual({ kind: "group", groupId: "sg-web-2" });
    expect(next.resources.at(-1)?.groupIds).toEqual(["sg-web-2"]);
    expect(ids).toEqual(["web-2", "sg-web-2"]);
  });
  it("pasting into another design drops references to groups that do not exist there", () => {
    const source = sampleDesign();
    const target = { ...sampleDesign(), resources: [], groups: [], externals: [] };
    const next = paste.perform(target, { clipboard: copySelection(source, ["db", "sg-db"]) });
    expect(next.groups[0]?.ingress).toEqual([]);
    expect(next.resources[0]?.groupIds).toEqual(["sg-db"]);
    expect(() => validateDesign(next)).not.toThrow();
  });
  it("any sequence of duplications and deletions leaves a valid design with unique ids", () => {
    const ids = ["web", "db", "internet", "sg-web", "sg-db"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.subarray(ids, { minLength: 1 })), { maxLength: 8 }), (steps) => {
        let d = sampleDesign();
        for (const [dup, sel] of steps)
          d = dup ? duplicateSelection.perform(d, { ids: sel }) : deleteSelection.perform(d, { ids: sel });
        expect(() => validateDesign(d)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});
