import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Design } from "../../model/schema";
import { permittedFlows } from "../flows";
import { designs } from "../testing/arbitraries";
import { findings } from "./index";

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 100;

/** The design without one rule. */
function without(design: Design, groupId: string, direction: "ingress" | "egress", index: number): Design {
  return {
    ...design,
    groups: design.groups.map((g) =>
      g.id === groupId ? { ...g, [direction]: g[direction].filter((_, i) => i !== index) } : g,
    ),
  };
}

describe("redundant rules (property)", () => {
  it("deleting a rule reported as shadowed or duplicate changes no permitted flow", () => {
    fc.assert(
      fc.property(designs, (design) => {
        const before = JSON.stringify(permittedFlows(design));
        for (const f of findings(design)) {
          if (f.code !== "shadowed-rule" && f.code !== "duplicate-rule") continue;
          const after = permittedFlows(
            without(design, f.groupId as string, f.direction as "ingress", f.ruleIndex as number),
          );
          expect(JSON.stringify(after)).toBe(before);
        }
      }),
      { numRuns: runs },
    );
  });
});
