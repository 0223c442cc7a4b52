import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateFleet } from "../../../bench/ui-design";
import type { Design, Resource } from "../model/schema";
import { CURRENT_VERSION } from "../model/schema";
import { permittedFlows } from "./flows";
import { groupFlows } from "./group-flows";
import { type Delta, LiveFlows } from "./live";
import { designs } from "./testing/arbitraries";

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 120;

/** An edit as the editor makes them: a new design sharing every part it did not change. */
type Edit = (d: Design, other: Design, n: number) => Design;

const at = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x));

const EDITS: Record<string, Edit> = {
  ingress(d, other, n) {
    const i = n % d.groups.length;
    const g = d.groups[i];
    const from = at(other.groups, n);
    return g && from ? { ...d, groups: replaceAt(d.groups, i, { ...g, ingress: from.ingress }) } : d;
  },
  egress(d, other, n) {
    const i = n % d.groups.length;
    const g = d.groups[i];
    const from = at(other.groups, n + 1);
    return g && from ? { ...d, groups: replaceAt(d.groups, i, { ...g, egress: from.egress }) } : d;
  },
  renameGroup(d, _other, n) {
    const i = n % d.groups.length;
    const g = d.groups[i];
    return g ? { ...d, groups: replaceAt(d.groups, i, { ...g, name: `${g.name}!` }) } : d;
  },
  attach(d, _other, n) {
    const i = n % Math.max(1, d.resources.length);
    const r = d.resources[i];
    const g = at(d.groups, n >> 2);
    if (!r || !g) return d;
    const groupIds = r.groupIds.includes(g.id) ? r.groupIds.filter((x) => x !== g.id) : [...r.groupIds, g.id];
    return { ...d, resources: replaceAt(d.resources, i, { ...r, groupIds }) };
  },
  /** A group attached to or detached from a further interface (eth1 …), not the resource's own. */
  attachToInterface(d, _other, n) {
    const i = n % Math.max(1, d.resources.length);
    const r = d.resources[i];
    const g = at(d.groups, n >> 2);
    const k = r?.interfaces?.length ? (n >> 4) % r.interfaces.length : -1;
    const eni = r?.interfaces?.[k];
    if (!r || !g || !eni) return d;
    const groupIds = eni.groupIds.includes(g.id) ? eni.groupIds.filter((x) => x !== g.id) : [...eni.groupIds, g.id];
    return {
      ...d,
      resources: replaceAt(d.resources, i, {
        ...r,
        interfaces: replaceAt(r.interfaces ?? [], k, { ...eni, groupIds }),
      }),
    };
  },
  /** Interfaces added, removed or readdressed: the resource takes another's further interfaces (or none). */
  interfaces(d, other, n) {
    const i = n % Math.max(1, d.resources.length);
    const r = d.resources[i];
    if (!r) return d;
    const groups = new Set(d.groups.map((g) => g.id));
    const from = at(other.resources, n >> 2)?.interfaces;
    const next: Resource = { ...r };
    delete next.interfaces;
    if (from?.length)
      next.interfaces = from.map((eni) => ({
        ...eni,
        id: `${r.id}-${eni.id}`,
        groupIds: eni.groupIds.filter((g) => groups.has(g)),
      }));
    return { ...d, resources: replaceAt(d.resources, i, next) };
  },
  readdress(d, other, n) {
    const i = n % Math.max(1, d.resources.length);
    const r = d.resources[i];
    const from = at(other.resources, n);
    if (!r || !from) return d;
    const next: Resource = { ...r };
    delete next.privateIpv4;
    delete next.ipv6;
    if (from.privateIpv4) next.privateIpv4 = from.privateIpv4;
    if (from.ipv6) next.ipv6 = from.ipv6;
    return { ...d, resources: replaceAt(d.resources, i, next) };
  },
  move(d, _other, n) {
    const i = n % Math.max(1, d.resources.length);
    const r = d.resources[i];
    return r ? { ...d, resources: replaceAt(d.resources, i, { ...r, position: { x: n, y: -n } }) } : d;
  },
  addResource(d, other, n) {
    const from = at(other.resources, n);
    if (!from) return d;
    const groups = new Set(d.groups.map((g) => g.id));
    const id = `new-${d.resources.length}-${n}`;
    if (d.resources.some((r) => r.id === id)) return d;
    const interfaces = from.interfaces?.map((eni) => ({
      ...eni,
      id: `${id}-${eni.id}`,
      groupIds: eni.groupIds.filter((g) => groups.has(g)),
    }));
    const added: Resource = { ...from, id, groupIds: from.groupIds.filter((g) => groups.has(g)) };
    if (interfaces) added.interfaces = interfaces;
    return { ...d, resources: [...d.resources, added] };
  },
  removeResource(d, _other, n) {
    if (d.resources.length < 2) return d;
    const i = n % d.resources.length;
    return { ...d, resources: d.resources.filter((_, j) => j !== i) };
  },
  external(d, other, n) {
    const from = at(other.externals, n);
    const i = n % Math.max(1, d.externals.length);
    const e = d.externals[i];
    if (e && from) return { ...d, externals: replaceAt(d.externals, i, { ...e, cidrs: from.cidrs }) };
    if (e) return { ...d, externals: d.externals.filter((_, j) => j !== i) };
    return from ? { ...d, externals: [{ ...from, id: `x-new-${n}` }] } : d;
  },
  removeGroup(d, _other, n) {
    if (d.groups.length < 2) return d;
    const gone = d.groups[n % d.groups.length]?.id;
    const keep = (rules: Design["groups"][number]["ingress"]) =>
      rules.filter((r) => !(r.peer.kind === "group" && r.peer.groupId === gone));
    return {
      ...d,
      groups: d.groups
        .filter((g) => g.id !== gone)
        .map((g) => {
          const ingress = keep(g.ingress);
          const egress = keep(g.egress);
          return ingress.length === g.ingress.length && egress.length === g.egress.length
            ? g
            : { ...g, ingress, egress };
        }),
      // Detached from every interface that carries it, the primary one and the others.
      resources: d.resources.map((r) => {
        const carries = r.groupIds.includes(gone ?? "") || r.interfaces?.some((i) => i.groupIds.includes(gone ?? ""));
        if (!carries) return r;
        const next: Resource = { ...r, groupIds: r.groupIds.filter((x) => x !== gone) };
        if (r.interfaces)
          next.interfaces = r.interfaces.map((i) => ({ ...i, groupIds: i.groupIds.filter((x) => x !== gone) }));
        return next;
      }),
    };
  },
  vpc(d) {
    const [vpc] = d.vpcs;
    if (!vpc) return d;
    const next = { ...vpc };
    if (next.cidrIpv4) delete next.cidrIpv4;
    else next.cidrIpv4 = "10.0.0.0/16";
    return { ...d, vpcs: [next] };
  },
  /** The same design read again from a file: every object new, nothing shared. */
  reread(d) {
    return structuredClone(d);
  },
};

const edits = fc.array(fc.tuple(fc.constantFrom(...Object.keys(EDITS)), fc.nat(1000)), {
  minLength: 1,
  maxLength: 6,
});

function apply<T extends { id: string }>(list: T[], delta: Delta<T>): T[] {
  const gone = new Set([...delta.remove, ...delta.upsert.map((x) => x.id)]);
  return [...list.filter((x) => !gone.has(x.id)), ...delta.upsert];
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));

describe("live flows follow edits exactly", () => {
  it("after any run of edits, equal the flows and group flows computed from scratch, and their deltas lead there", () => {
    fc.assert(
      // A small limit on the node flows kept, often, so that designs cross it both ways.
      fc.property(
        designs,
        designs,
        edits,
        fc.option(fc.integer({ min: 0, max: 12 })),
        fc.option(fc.integer({ min: 0, max: 4 })),
        (start, other, steps, max, maxGroups) => {
          const live = new LiveFlows(start, {
            ...(max === null ? {} : { maxNodeFlows: max }),
            ...(maxGroups === null ? {} : { maxGroupFlows: maxGroups }),
          });
          /** What the live flows must hold for a design: its flows, or none past the limits, and its group flows. */
          const expected = (design: Design) => {
            const all = permittedFlows(design);
            const groups = groupFlows(design);
            const withheld = max !== null && all.length > max;
            const groupsWithheld = withheld && maxGroups !== null && groups.length > maxGroups;
            return {
              flows: withheld ? [] : all,
              // With group flows withheld too, the count stops early: only a lower bound past the limit.
              count: groupsWithheld ? undefined : all.length,
              all: all.length,
              withheld,
              groupsWithheld,
              groups: groupsWithheld ? [] : groups,
            };
          };
          const counts = (count: number, want: ReturnType<typeof expected>) => {
            if (want.count !== undefined) expect(count).toBe(want.count);
            else {
              expect(count).toBeGreaterThan(max ?? 0);
              expect(count).toBeLessThanOrEqual(want.all);
            }
          };
          const first = expected(start);
          expect(live.flowList()).toEqual(first.flows);
          expect(live.groupFlowList()).toEqual(first.groups);
          expect([live.withheld, live.groupsWithheld]).toEqual([first.withheld, first.groupsWithheld]);
          counts(live.flowCount, first);
          let design = start;
          let shown = live.flowList();
          let shownGroups = live.groupFlowList();
          for (const [name, n] of steps) {
            design = (EDITS[name] as Edit)(design, other, n);
            const change = live.update(design);
            const now = expected(design);
            expect(live.flowList()).toEqual(now.flows);
            expect(live.groupFlowList()).toEqual(now.groups);
            expect([change.withheld, change.groupsWithheld]).toEqual([now.withheld, now.groupsWithheld]);
            counts(change.flowCount, now);
            shown = apply(shown, change.flows);
            shownGroups = apply(shownGroups, change.groupFlows);
            expect(byId(shown)).toEqual(byId(now.flows));
            expect(byId(shownGroups)).toEqual(byId(now.groups));
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it("a rule edit on a group with one member recomputes that member's flows only", () => {
    const design: Design = {
      format: "palisade",
      version: CURRENT_VERSION,
      name: "t",
      vpcs: [{ id: "vpc", name: "vpc" }],
      externals: [],
      prefixLists: [],
      intents: [],
      groups: Array.from({ length: 40 }, (_, i) => ({
        id: `sg-${i}`,
        name: `sg-${i}`,
        description: "",
        ingress: [],
        egress: [{ id: `e${i}`, protocol: "-1", peer: { kind: "cidr4" as const, cidr: "10.0.0.0/8" } }],
      })),
      resources: Array.from({ length: 40 }, (_, i) => ({
        id: `i-${i}`,
        kind: "instance" as const,
        name: `i-${i}`,
        vpcId: "vpc",
        privateIpv4: `10.0.0.${i + 1}`,
        groupIds: [`sg-${i}`],
        position: { x: 0, y: 0 },
      })),
    };
    const live = new LiveFlows(design);
    expect(live.flowList()).toEqual([]);
    const [first, ...rest] = design.groups;
    if (!first) throw new Error("no group");
    const next: Design = {
      ...design,
      groups: [
        {
          ...first,
          ingress: [
            { id: "in", protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "group", groupId: "sg-1" } },
          ],
        },
        ...rest,
      ],
    };
    const change = live.update(next);
    expect(change.whole).toBe(false);
    expect(change.flows.upsert.map((e) => e.id)).toEqual(["i-1->i-0"]);
    expect(change.groupFlows.upsert.map((e) => e.id)).toEqual(["sg-1->sg-0"]);
    // Moving a node changes no flow and recomputes nothing.
    const moved = live.update({
      ...next,
      resources: next.resources.map((r, i) => (i === 3 ? { ...r, position: { x: 5, y: 5 } } : r)),
    });
    expect(moved).toEqual({
      flows: { upsert: [], remove: [] },
      groupFlows: { upsert: [], remove: [] },
      flowCount: 1,
      withheld: false,
      groupsWithheld: false,
      whole: false,
    });
  });
});

describe("a design with more node flows than are kept", () => {
  it("keeps the count and the group flows, never the million pairs, and gives them back once they fit", () => {
    // Without the office's SSH rule: members only.
    const fleet = generateFleet(400);
    const [g] = fleet.groups;
    if (!g) throw new Error("no group");
    const design: Design = { ...fleet, externals: [], groups: [{ ...g, ingress: g.ingress.slice(0, 1) }] };
    const live = new LiveFlows(design);
    expect(live.withheld).toBe(true);
    expect(live.flowCount).toBe(400 * 399);
    expect(live.flowList()).toEqual([]);
    expect(live.groupFlowList()).toEqual(groupFlows(design));
    // A rule edit changes the group flow's services, and sends no node flow.
    const [group] = design.groups;
    if (!group) throw new Error("no group");
    const wider = {
      ...design,
      groups: [{ ...group, ingress: [{ ...group.ingress[0], toPort: 444 } as (typeof group.ingress)[number]] }],
    };
    const change = live.update(wider);
    expect(change.flows).toEqual({ upsert: [], remove: [] });
    expect(change.groupFlows.upsert.map((g) => g.label)).toEqual(["tcp 443-444"]);
    // Down to 100 members (9,900 pairs): node flows are kept again, and sent.
    const fewer = { ...wider, resources: wider.resources.slice(0, 100) };
    const back = live.update(fewer);
    expect(back.withheld).toBe(false);
    expect(back.flows.upsert).toHaveLength(100 * 99);
    expect(live.flowList()).toEqual(permittedFlows(fewer));
  });
});
