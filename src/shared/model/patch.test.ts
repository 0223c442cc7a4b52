import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designs } from "../engine/testing/arbitraries";
import { applyPatch, DesignPatch, diffDesign, isEmptyPatch } from "./patch";
import { InputError } from "./problems";
import type { Design } from "./schema";
import { CURRENT_VERSION } from "./schema";

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 100;

/** A patch as the host receives it: sent as JSON, then validated. */
const wire = (before: Design, after: Design) =>
  DesignPatch.parse(JSON.parse(JSON.stringify(diffDesign(before, after))));

function refusal(f: () => unknown): string[] {
  try {
    f();
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error("not refused");
}

describe("design patches", () => {
  it("carry any design to any other: applying the diff gives the same design", () => {
    fc.assert(
      fc.property(designs, designs, fc.boolean(), (a, b, extra) => {
        const after: Design = extra ? ({ ...b, description: "new", future: { x: 1 } } as Design) : b;
        expect(applyPatch(a, wire(a, after))).toEqual(after);
        expect(applyPatch(after, wire(after, a))).toEqual(a);
      }),
      { numRuns: runs },
    );
  });

  it("send only what changed, and leave everything else the same objects", () => {
    fc.assert(
      fc.property(designs, (a) => {
        const [first, ...rest] = a.resources;
        if (!first) return;
        const moved = { ...first, position: { x: 7, y: 9 } };
        const after = { ...a, resources: [moved, ...rest] };
        const patch = diffDesign(a, after);
        expect(patch).toEqual({ resources: { upsert: [moved] } });
        const applied = applyPatch(a, DesignPatch.parse(patch));
        expect(applied.groups).toBe(a.groups);
        rest.forEach((r, i) => {
          expect(applied.resources[i + 1]).toBe(r);
        });
        expect(isEmptyPatch(diffDesign(a, a))).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it("refuse a patch that would break the design, naming where, and change nothing", () => {
    const design: Design = {
      format: "palisade",
      version: CURRENT_VERSION,
      name: "d",
      vpcs: [],
      resources: [{ id: "r", kind: "instance", name: "r", groupIds: ["sg"], position: { x: 0, y: 0 } }],
      externals: [],
      groups: [{ id: "sg", name: "sg", description: "", ingress: [], egress: [] }],
      prefixLists: [],
      intents: [],
    };
    const snapshot = structuredClone(design);
    expect(refusal(() => applyPatch(design, DesignPatch.parse({ groups: { ids: [], upsert: [] } })))).toEqual([
      'resources.0.groupIds.0: no security group has id "sg"',
    ]);
    expect(
      refusal(() => applyPatch(design, DesignPatch.parse({ resources: { ids: ["r", "q"], upsert: [] } }))),
    ).toEqual(['resources.ids[1]: nothing in resources has id "q"']);
    expect(
      refusal(() =>
        applyPatch(
          design,
          DesignPatch.parse({
            externals: {
              upsert: [{ id: "x", kind: "cidr", name: "x", cidrs: ["10.0.0.0/8"], position: { x: 0, y: 0 } }],
            },
          }),
        ),
      ),
    ).toEqual(['externals.upsert: "x" is not in the list\'s new order']);
    expect(refusal(() => applyPatch(design, DesignPatch.parse({ fields: { version: 2, name: 5 } })))).toEqual([
      "fields.version: cannot be set by an edit",
      "fields.name: Invalid input: expected string, received number",
    ]);
    // No field that reaches an object's prototype, whatever JSON brings.
    const proto = DesignPatch.safeParse(
      JSON.parse('{"fields":{"__proto__":{"polluted":true}},"unset":["constructor"]}'),
    );
    expect(proto.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Entities are checked by the model's schemas before they reach applyPatch: a bad CIDR is named.
    const bad = DesignPatch.safeParse({
      externals: {
        ids: ["x"],
        upsert: [{ id: "x", kind: "cidr", name: "x", cidrs: ["10.0.0.300/8"], position: { x: 0, y: 0 } }],
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["externals", "upsert", 0, "cidrs", 0]);
    expect(design).toEqual(snapshot);
  });
});
