import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Design } from "../model/schema";
import { evaluateFlow } from "./evaluate";
import { permittedFlows } from "./flows";
import { indexDesign } from "./index-design";
import { designs, PROBES } from "./testing/arbitraries";
import { referencePermits } from "./testing/reference";
import type { Service } from "./types";

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 150;

function pairs(design: Design): [string, string][] {
  // Every interface is an end: a resource (eth0) and each further interface, "r0/eth1".
  const ids = [
    ...design.resources.flatMap((r) => [r.id, ...(r.interfaces ?? []).map((i) => `${r.id}/eth${i.deviceIndex}`)]),
    ...design.externals.map((e) => e.id),
  ];
  const external = new Set(design.externals.map((e) => e.id));
  return ids.flatMap((a) =>
    ids.filter((b) => b !== a && !(external.has(a) && external.has(b))).map((b): [string, string] => [a, b]),
  );
}

/** Written apart from the engine's service sets on purpose. */
function listHas(services: Service[], probe: (typeof PROBES)[number]): boolean {
  return services.some((s) => {
    if (s.protocol === "-1") return true;
    if (s.protocol !== probe.protocol) return false;
    if ("port" in probe) return (s.fromPort as number) <= probe.port && probe.port <= (s.toPort as number);
    if ("icmpType" in probe)
      return (
        (s.icmpType === -1 || s.icmpType === probe.icmpType) && (s.icmpCode === -1 || s.icmpCode === probe.icmpCode)
      );
    return true;
  });
}

describe("the engine agrees with the by-the-book reference", () => {
  it("evaluateFlow permits exactly what the reference permits", () => {
    fc.assert(
      fc.property(designs, (design) => {
        const index = indexDesign(design);
        for (const [from, to] of pairs(design))
          for (const probe of PROBES) {
            const query = { from, to, ...probe };
            expect(evaluateFlow(design, query, index).permitted, JSON.stringify(query)).toBe(
              referencePermits(design, query),
            );
          }
      }),
      { numRuns: runs, seed: 20261125 },
    );
  });

  it("permittedFlows draws an edge carrying exactly the traffic the reference permits", () => {
    fc.assert(
      fc.property(designs, (design) => {
        const edges = new Map(permittedFlows(design).map((e) => [e.id, e]));
        for (const [from, to] of pairs(design)) {
          const edge = edges.get(`${from}->${to}`);
          for (const probe of PROBES) {
            const expected = referencePermits(design, { from, to, ...probe });
            const family = probe.protocol === "icmp" ? [4] : probe.protocol === "icmpv6" ? [6] : [4, 6];
            const carried = family.some((f) =>
              listHas((f === 4 ? edge?.byFamily.ipv4 : edge?.byFamily.ipv6) ?? [], probe),
            );
            expect(carried, `${from}->${to} ${JSON.stringify(probe)}`).toBe(expected);
          }
        }
        for (const edge of edges.values()) expect(edge.services.length).toBeGreaterThan(0);
      }),
      { numRuns: runs, seed: 20261126 },
    );
  });
});
