import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDesign } from "../../model/document";
import { permittedFlows } from "../flows";
import { designs } from "../testing/arbitraries";
import { reachabilityMatrix, whatCanReach, whoCanReach } from "./index";

const threeTier = parseDesign(readFileSync("examples/three-tier.palisade.json", "utf8"));
const cells = (list: { from: string; to: string; label: string }[]) =>
  list.map((c) => `${c.from}->${c.to}: ${c.label}`);

describe("reachabilityMatrix", () => {
  it("has a row and a column for every node and a cell for every permitted pair", () => {
    const m = reachabilityMatrix(threeTier);
    expect(m.nodes.map((n) => n.id)).toEqual(["alb", "app-1", "app-2", "db", "internet", "office"]);
    expect(cells(m.cells)).toContain("internet->alb: tcp 80, 443");
    expect(cells(m.cells)).toContain("app-2->db: tcp 5432");
    expect(m.cells.some((c) => c.to === "db" && c.from === "internet")).toBe(false);
  });

  it.each([
    // A port without a protocol means tcp or udp: all traffic out to the Internet holds both.
    [
      { port: 5432 },
      [
        "app-1->db: tcp 5432",
        "app-2->db: tcp 5432",
        "app-1->internet: tcp 5432; udp 5432",
        "app-1->office: tcp 5432; udp 5432",
        "app-2->internet: tcp 5432; udp 5432",
        "app-2->office: tcp 5432; udp 5432",
      ],
    ],
    [
      { protocol: "tcp", port: 22 },
      [
        "app-1->internet: tcp 22",
        "app-1->office: tcp 22",
        "app-2->internet: tcp 22",
        "app-2->office: tcp 22",
        "office->app-1: tcp 22",
        "office->app-2: tcp 22",
      ],
    ],
    [
      { protocol: "udp", port: 53 },
      ["app-1->internet: udp 53", "app-1->office: udp 53", "app-2->internet: udp 53", "app-2->office: udp 53"],
    ],
  ])("filtered by %j, each cell shows only the matching traffic", (filter, expected) => {
    expect(cells(reachabilityMatrix(threeTier, filter).cells).sort()).toEqual([...expected].sort());
  });

  it("asked about some nodes, has rows and columns for those alone, with the same cells", () => {
    const chosen = ["internet", "alb", "app-1", "db"];
    const some = reachabilityMatrix(threeTier, { nodes: chosen, port: 5432 });
    expect(some.nodes.map((n) => n.id)).toEqual(["alb", "app-1", "db", "internet"]);
    const all = reachabilityMatrix(threeTier, { port: 5432 }).cells.filter(
      (c) => chosen.includes(c.from) && chosen.includes(c.to),
    );
    expect(some.cells).toEqual(all);
  });
});

describe("whoCanReach and whatCanReach", () => {
  it("only the app tier reaches the database on 5432, named by id or by name", () => {
    expect(whoCanReach(threeTier, "db", { protocol: "tcp", port: 5432 }).map((c) => c.from)).toEqual([
      "app-1",
      "app-2",
    ]);
    expect(whoCanReach(threeTier, "DB", { protocol: "tcp", port: 5432 }).map((c) => c.from)).toEqual([
      "app-1",
      "app-2",
    ]);
  });

  it("the Internet reaches only the load balancer, on 80 and 443", () => {
    expect(cells(whatCanReach(threeTier, "internet"))).toEqual(["internet->alb: tcp 80, 443"]);
    expect(whatCanReach(threeTier, "internet", { protocol: "tcp", port: 22 })).toEqual([]);
  });

  it("a literal address is not a node: the answer says to name one", () => {
    expect(() => whoCanReach(threeTier, "10.9.9.9")).toThrow(/name a node/);
  });
});

describe("reachabilityMatrix on random designs", () => {
  it("unfiltered, its cells are permittedFlows' edges; on a subset of nodes, the same cells cut down", () => {
    fc.assert(
      fc.property(designs, fc.infiniteStream(fc.boolean()), (design, picks) => {
        const edges = permittedFlows(design).map((e) => [e.from, e.to, e.services, e.families]);
        const m = reachabilityMatrix(design);
        expect(m.cells.map((c) => [c.from, c.to, c.services, c.families])).toEqual(edges);
        const ids = m.nodes.map((n) => n.id);
        const chosen = ids.filter(() => picks.next().value);
        const some = reachabilityMatrix(design, { nodes: chosen });
        expect(some.cells).toEqual(m.cells.filter((c) => chosen.includes(c.from) && chosen.includes(c.to)));
      }),
      { numRuns: 100, seed: 20261129 },
    );
  });

  it("lists at most maxCells cells, counting the others, so that every passing pair is listed or counted", () => {
    fc.assert(
      fc.property(designs, fc.nat(6), (design, max) => {
        const all = reachabilityMatrix(design).cells;
        const cut = reachabilityMatrix(design, { maxCells: max });
        expect(cut.cells.length).toBeLessThanOrEqual(max);
        expect(cut.cells.length + (cut.omitted ?? 0)).toBe(all.length);
        const key = (c: { from: string; to: string }) => `${c.from}->${c.to}`;
        const listed = new Set(all.map(key));
        for (const c of cut.cells) expect(listed.has(key(c))).toBe(true);
        expect(cut.filter).toEqual({});
      }),
      { numRuns: 100, seed: 20261125 },
    );
  });
});
