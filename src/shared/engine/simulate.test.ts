import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDesign } from "../model/document";
import { evaluateFlow } from "./evaluate";
import { simulate } from "./simulate";
import { designs, PROBES } from "./testing/arbitraries";

const example = (name: string) => parseDesign(readFileSync(`examples/${name}.palisade.json`, "utf8"));
const threeTier = example("three-tier");
const stages = (s: ReturnType<typeof simulate>) => s.hops.map((h) => `${h.stage}@${h.at}${h.ok ? "" : "!"}`);

describe("simulate", () => {
  it("a permitted flow passes both checks, arrives, and its reply returns without a rule", () => {
    const s = simulate(threeTier, { from: "app-1", to: "db", protocol: "tcp", port: 5432 });
    expect(s.permitted).toBe(true);
    expect(stages(s)).toEqual([
      "leave@app-1",
      "egress-check@app-1",
      "ingress-check@db",
      "arrive@db",
      "reply@db",
      "reply@app-1",
    ]);
    expect(s.hops[2]).toMatchObject({ groupIds: ["sg-db"], ruleRef: { groupId: "sg-db", direction: "ingress" } });
    expect(s.hops[4]?.text).toMatch(/stateful/);
    expect(s.family).toBe(4);
  });

  it("a flow the target's inbound rules drop ends in a timeout at the target's groups, with the reason", () => {
    const s = simulate(threeTier, { from: "internet", to: "db", protocol: "tcp", port: 5432 });
    expect(s.permitted).toBe(false);
    expect(stages(s)).toEqual(["leave@internet", "egress-check@internet", "ingress-check@db!", "timeout@db!"]);
    expect(s.hops.at(-1)).toMatchObject({ groupIds: ["sg-db"] });
    expect(s.reason).toMatch(/No inbound rule of group db matches/);
    // The Internet is outside AWS: nothing filters its side.
    expect(s.hops[1]).toMatchObject({ ok: true, groupIds: [] });
  });

  it("a flow the source's outbound rules drop times out at the source, before it leaves", () => {
    const s = simulate(threeTier, { from: "db", to: "internet", protocol: "tcp", port: 443 });
    expect(stages(s)).toEqual(["leave@db", "egress-check@db!", "timeout@db!"]);
    expect(s.hops.at(-1)?.groupIds).toEqual(["sg-db"]);
    expect(s.reason).toMatch(/outbound/);
  });

  it("ends in a timeout when the two ends share no address family", () => {
    const d = {
      ...threeTier,
      externals: [
        ...threeTier.externals,
        { id: "v6", kind: "cidr" as const, name: "v6 office", cidrs: ["2001:db8::/32"], position: { x: 0, y: 0 } },
      ],
    };
    const s = simulate(d, { from: "v6", to: "db", protocol: "tcp", port: 5432 });
    expect(s.family).toBeUndefined();
    expect(stages(s)).toEqual(["leave@v6", "timeout@v6!"]);
    expect(s.reason).toMatch(/no IPv6 address/);
  });

  it("refuses a query naming no node, as evaluateFlow does", () => {
    expect(() => simulate(threeTier, { from: "nobody", to: "db", protocol: "tcp", port: 1 })).toThrow(/nobody/);
  });
});

describe("simulate on random designs", () => {
  it("agrees with evaluateFlow, and a blocked flow ends in a timeout where the verdict drops it", () => {
    fc.assert(
      fc.property(designs, fc.constantFrom(...PROBES), (design, probe) => {
        const ids = [...design.resources, ...design.externals].map((n) => n.id);
        const outside = new Set(design.externals.map((e) => e.id));
        for (const from of ids)
          for (const to of ids) {
            if (from === to || (outside.has(from) && outside.has(to))) continue;
            const query = { from, to, ...probe };
            const s = simulate(design, query);
            const verdict = evaluateFlow(design, query);
            expect(s.permitted).toBe(verdict.permitted);
            const last = s.hops.at(-1);
            if (verdict.permitted) {
              expect(last).toMatchObject({ stage: "reply", at: from, ok: true });
              expect(s.hops.every((h) => h.ok)).toBe(true);
            } else {
              expect(last?.stage).toBe("timeout");
              expect(s.hops.filter((h) => h.stage === "timeout")).toHaveLength(1);
              if (verdict.droppedAt) {
                expect(last?.at).toBe(verdict.droppedAt.side === "egress" ? from : to);
                expect(last?.groupIds).toEqual(verdict.droppedAt.groupIds);
              }
            }
          }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});
