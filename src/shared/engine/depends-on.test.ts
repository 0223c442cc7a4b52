// A permitted flow depends on the unknowns of the rules that actually permit it, not on every
// unknown that touches a group on its path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyDesign, newSecurityGroup } from "../model";
import type { Design, Rule, SecurityGroup } from "../model/schema";
import { PLACEHOLDER_TAG, unknownsOf } from "../model/unknowns";
import { flowsDependOn, verdictDependsOn } from "./depends-on";
import { permittedFlows } from "./flows";
import { designs } from "./testing/arbitraries";

const at = { x: 0, y: 0 };
const tcp = (id: string, port: number, cidr: string): Rule => ({
  id,
  protocol: "tcp",
  fromPort: port,
  toPort: port,
  peer: { kind: "cidr4", cidr },
});
function group(id: string, ingress: Rule[], tags?: Record<string, string>): SecurityGroup {
  return { ...newSecurityGroup({ id, name: tags?.[PLACEHOLDER_TAG] ?? id }), ingress, ...(tags ? { tags } : {}) };
}
const OFFICE = "240.0.0.0/24"; // the stand-in CIDR of var.office_cidr

/**
 * web: a known group (https from anywhere) that also has an unknown-CIDR rule (ssh from
 * var.office_cidr); app: a known group (postgres from 10/8) and a placeholder group var.app_group_id
 * (http from a partner's range, and postgres from 10/8 again).
 */
function design(): Design {
  return {
    ...emptyDesign("t"),
    vpcs: [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16" }],
    groups: [
      group("sg-web", [tcp("https", 443, "0.0.0.0/0"), tcp("ssh", 22, OFFICE)]),
      group("sg-db", [tcp("pg", 5432, "10.0.0.0/8")]),
      group("sg-app", [tcp("http", 80, "203.0.113.0/24"), tcp("pg-too", 5432, "10.0.0.0/8")], {
        [PLACEHOLDER_TAG]: "var.app_group_id",
      }),
    ],
    resources: [
      { id: "web", kind: "instance", name: "web", vpcId: "vpc", groupIds: ["sg-web"], position: at },
      { id: "app", kind: "instance", name: "app", vpcId: "vpc", groupIds: ["sg-db", "sg-app"], position: at },
    ],
    externals: [
      { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: at },
      {
        id: "office",
        kind: "cidr",
        name: "var.office_cidr",
        cidrs: [OFFICE],
        position: at,
        tags: { [PLACEHOLDER_TAG]: "var.office_cidr" },
      },
      { id: "corp", kind: "cidr", name: "10.0.0.0/8", cidrs: ["10.0.0.0/8"], position: at },
      { id: "partner", kind: "cidr", name: "203.0.113.0/24", cidrs: ["203.0.113.0/24"], position: at },
    ],
  };
}

/** Every permitted flow with what it depends on, as `from->to: label [unknowns]`. */
function described(d: Design): string[] {
  const depends = flowsDependOn(d);
  return permittedFlows(d).map((f) => `${f.id}: ${f.label} [${(depends.get(f.id) ?? []).join(", ")}]`);
}

describe("what a permitted flow depends on", () => {
  it("a known rule of a group that also has an unknown-CIDR rule: nothing; the range's own rule: the range", () => {
    const flows = described(design());
    expect(flows).toContain("internet->web: tcp 443 []");
    expect(flows).toContain("office->web: tcp 22, 443 [var.office_cidr]");
    expect(verdictDependsOn(design(), { from: "internet", to: "web", protocol: "tcp", port: 443 })).toEqual([]);
    expect(verdictDependsOn(design(), { from: "office", to: "web", protocol: "tcp", port: 22 })).toEqual([
      "var.office_cidr",
    ]);
    // 443 from the range is the known rule's (0.0.0.0/0 covers whatever the range turns out to be).
    expect(verdictDependsOn(design(), { from: "office", to: "web", protocol: "tcp", port: 443 })).toEqual([]);
  });

  it("a node that carries a placeholder group: only the flows its rules alone permit", () => {
    const flows = described(design());
    expect(flows).toContain("partner->app: tcp 80 [var.app_group_id]");
    // The known group permits postgres too: the placeholder's copy of the rule decides nothing.
    expect(flows).toContain("corp->app: tcp 5432 []");
    expect(verdictDependsOn(design(), { from: "corp", to: "app", protocol: "tcp", port: 5432 })).toEqual([]);
  });

  it("without the known rule, the same flow depends on the placeholder that then alone permits it", () => {
    const d = design();
    d.groups = d.groups.map((g) => (g.id === "sg-db" ? { ...g, ingress: [] } : g));
    expect(described(d)).toContain("corp->app: tcp 5432 [var.app_group_id]");
  });

  it("a resource whose existence waits on a condition: every flow of it", () => {
    const d = design();
    d.resources = d.resources.map((r) =>
      r.id === "web" ? { ...r, tags: { [PLACEHOLDER_TAG]: "condition IsProd" } } : r,
    );
    const flows = described(d);
    expect(flows).toContain("internet->web: tcp 443 [condition IsProd]");
    expect(flows).toContain("office->web: tcp 22, 443 [var.office_cidr, condition IsProd]");
  });
});

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 100;

/** The design without an unknown's rules, written again here: the reference shares no code with the answer. */
function withoutRules(d: Design, rules: Map<string, Set<string>>): Design {
  return {
    ...d,
    groups: d.groups.map((g) => ({
      ...g,
      ingress: g.ingress.filter((r) => !rules.get(g.id)?.has(r.id)),
      egress: g.egress.filter((r) => !rules.get(g.id)?.has(r.id)),
    })),
  };
}

describe("flowsDependOn, against whole relations with and without each unknown's rules", () => {
  it("marks exactly the flows that lose traffic without an unknown's rules, or have an end it decides", () => {
    fc.assert(
      fc.property(designs, fc.boolean(), fc.boolean(), (base, groupUnknown, rangeUnknown) => {
        // The first group stands for var.g; the first outside range is the placeholder var.r.
        const d: Design = {
          ...base,
          groups: base.groups.map((g, n) =>
            n === 0 && groupUnknown ? { ...g, name: "var.g", tags: { [PLACEHOLDER_TAG]: "var.g" } } : g,
          ),
          externals: base.externals.map((e, n) =>
            n === 0 && rangeUnknown && e.kind !== "internet" ? { ...e, tags: { [PLACEHOLDER_TAG]: "var.r" } } : e,
          ),
        };
        // Traffic per family, not the label: a label leaves IPv4 alone unsaid, so a flow that loses
        // its IPv6 half would read the same.
        const traffic = (x: Design) => new Map(permittedFlows(x).map((f) => [f.id, JSON.stringify(f.byFamily)]));
        const before = traffic(d);
        const expected = new Map<string, string[]>();
        for (const u of unknownsOf(d)) {
          const after = traffic(withoutRules(d, u.rules));
          for (const [id, carried] of before)
            if (after.get(id) !== carried) expected.set(id, [...(expected.get(id) ?? []), u.name]);
        }
        expect(flowsDependOn(d)).toEqual(expected);
      }),
      { numRuns: runs },
    );
  });
});
