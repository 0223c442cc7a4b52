import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDesign } from "../../model/document";
import type { Design } from "../../model/schema";
import { permittedFlows } from "../flows";
import { designs, PROBES } from "../testing/arbitraries";
import type { FlowEdge, Service } from "../types";
import { diffFlows } from "./diff";

const threeTier = parseDesign(readFileSync("examples/three-tier.palisade.json", "utf8"));

function edit(design: Design, groupId: string, f: (g: Design["groups"][number]) => void): Design {
  const d = structuredClone(design);
  const g = d.groups.find((x) => x.id === groupId);
  if (g) f(g);
  return d;
}

describe("diffFlows", () => {
  it("lists a pair that gains its first flow as opened, with what it gained", () => {
    const after = edit(threeTier, "sg-db", (g) =>
      g.ingress.push({
        id: "x",
        protocol: "tcp",
        fromPort: 22,
        toPort: 22,
        peer: { kind: "cidr4", cidr: "198.51.100.0/24" },
      }),
    );
    const d = diffFlows(permittedFlows(threeTier), permittedFlows(after));
    expect(d.opened).toEqual([
      {
        from: "office",
        to: "db",
        after: "tcp 22",
        gained: { ipv4: [{ protocol: "tcp", fromPort: 22, toPort: 22 }], label: "tcp 22" },
        lost: { label: "" },
      },
    ]);
    expect(d.closed).toEqual([]);
    expect(d.changed).toEqual([]);
  });

  it("lists a narrowed flow as changed, with exactly the ports it lost", () => {
    const after = edit(threeTier, "sg-alb", (g) => {
      g.ingress = g.ingress.filter((r) => r.id !== "alb-http");
    });
    const d = diffFlows(permittedFlows(threeTier), permittedFlows(after));
    expect(d.changed.find((c) => c.from === "internet")).toMatchObject({
      before: "tcp 80, 443",
      after: "tcp 443",
      lost: { label: "tcp 80" },
      gained: { label: "" },
    });
  });

  it("says all traffic except what was there when a flow widens to everything", () => {
    const after = edit(threeTier, "sg-db", (g) =>
      g.ingress.push({ id: "x", protocol: "-1", peer: { kind: "group", groupId: "sg-app" } }),
    );
    const d = diffFlows(permittedFlows(threeTier), permittedFlows(after));
    expect(d.changed.find((c) => c.from === "app-1" && c.to === "db")?.gained.label).toBe(
      "all traffic except tcp 5432",
    );
  });

  it("lists a pair that loses every flow as closed", () => {
    const after = edit(threeTier, "sg-db", (g) => {
      g.ingress = [];
    });
    const d = diffFlows(permittedFlows(threeTier), permittedFlows(after));
    expect(d.closed.map((c) => `${c.from}->${c.to}: ${c.lost.label}`)).toEqual([
      "app-1->db: tcp 5432",
      "app-2->db: tcp 5432",
    ]);
  });

  it("a design compared with itself has no change", () => {
    expect(diffFlows(permittedFlows(threeTier), permittedFlows(threeTier))).toEqual({
      opened: [],
      closed: [],
      changed: [],
    });
  });
});

/** Written apart from the engine's service sets on purpose. */
function listHas(services: readonly Service[] | undefined, probe: (typeof PROBES)[number]): boolean {
  return (services ?? []).some((s) => {
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

describe("diffFlows against the edges themselves", () => {
  it("a probe is gained exactly where the new edge carries it and the old did not, per family", () => {
    fc.assert(
      fc.property(designs, designs, (a, b) => {
        const [ea, eb] = [permittedFlows(a), permittedFlows(b)];
        const d = diffFlows(ea, eb);
        const byId = (edges: FlowEdge[]) => new Map(edges.map((e) => [e.id, e]));
        const [ma, mb] = [byId(ea), byId(eb)];
        for (const change of [...d.opened, ...d.changed, ...d.closed]) {
          const id = `${change.from}->${change.to}`;
          for (const key of ["ipv4", "ipv6"] as const)
            for (const probe of PROBES) {
              const was = listHas(ma.get(id)?.byFamily[key], probe);
              const now = listHas(mb.get(id)?.byFamily[key], probe);
              expect(listHas(change.gained[key], probe), `${id} ${key} ${JSON.stringify(probe)} gained`).toBe(
                now && !was,
              );
              expect(listHas(change.lost[key], probe), `${id} ${key} ${JSON.stringify(probe)} lost`).toBe(was && !now);
            }
        }
        const listed = new Set([...d.opened, ...d.changed, ...d.closed].map((c) => `${c.from}->${c.to}`));
        for (const id of new Set([...ma.keys(), ...mb.keys()]))
          if (!listed.has(id)) expect(JSON.stringify(ma.get(id)?.byFamily)).toBe(JSON.stringify(mb.get(id)?.byFamily));
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });
});
