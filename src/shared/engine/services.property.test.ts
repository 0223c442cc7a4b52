import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { has, type Ranges, type ServiceSet, serviceOfRule, union } from "./services";

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 300;

// Ports close together, so that ranges overlap, touch (80-80 and 81-90) and nest.
const port = fc.integer({ min: 0, max: 40 });
const rule = fc
  .record({ protocol: fc.constantFrom("tcp", "udp"), a: port, b: port })
  .map(({ protocol, a, b }) => ({ protocol, fromPort: Math.min(a, b), toPort: Math.max(a, b) }));
/** A set built as rules add up, the way selector maps build them. */
const set = fc
  .array(rule, { maxLength: 5 })
  .map((rules) => rules.map(serviceOfRule).reduce(union, serviceOfRule(rules[0] ?? { protocol: "50" })));

function canonical(r: Ranges): boolean {
  for (let i = 0; i < r.length; i += 2) {
    if ((r[i] as number) > (r[i + 1] as number)) return false;
    // Sorted, and apart by at least one port: touching ranges are merged.
    if (i > 0 && (r[i] as number) <= (r[i - 1] as number) + 1) return false;
  }
  return true;
}

describe("union of service sets", () => {
  it("holds exactly the ports either set holds, sorted and merged", () => {
    fc.assert(
      fc.property(set, set, (a: ServiceSet, b: ServiceSet) => {
        const u = union(a, b);
        expect(canonical(u.tcp) && canonical(u.udp), JSON.stringify(u)).toBe(true);
        for (const protocol of ["tcp", "udp"] as const)
          for (let p = 0; p <= 42; p++)
            expect(has(u, { protocol, port: p }), `${protocol} ${p}`).toBe(
              has(a, { protocol, port: p }) || has(b, { protocol, port: p }),
            );
      }),
      { numRuns: runs, seed: 20261127 },
    );
  });
});
