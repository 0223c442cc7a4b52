// The proposed fix against brute force: on small random designs, every single rule (or, when no
// single rule will do, every pair of an ingress and an egress rule) from an enumerated candidate
// space is tried, and none may open fewer node pairs than the fix while making the intent hold.
import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { InputError } from "../../model/problems";
import type { Design, Intent, Peer, Rule } from "../../model/schema";
import { permittedFlows } from "../flows";
import { designs } from "../testing/arbitraries";
import { referencePermits } from "../testing/reference";
import { proposeFix } from "./propose";

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 40;

const TRAFFIC = [
  { protocol: "tcp", port: 22 },
  { protocol: "tcp", port: 443 },
  { protocol: "udp", port: 53 },
  { protocol: "icmp" },
  { protocol: "50" },
];

function pairCount(design: Design): number {
  return permittedFlows(design).length;
}

function holds(design: Design, intent: Intent): boolean {
  const icmp = intent.protocol === "icmp" ? { icmpType: 8, icmpCode: 0 } : {};
  return referencePermits(design, {
    from: intent.from,
    to: intent.to,
    protocol: intent.protocol,
    port: intent.port,
    ...icmp,
  });
}

/** Every CIDR holding an address, /32 (or /128) up to /0; IPv6 at a few lengths to stay small. */
function covering(address: string): string[] {
  const v6 = address.includes(":");
  const lengths = v6 ? [128, 64, 48, 32, 16, 1, 0] : Array.from({ length: 33 }, (_, i) => 32 - i);
  // The network address of each block, as AWS stores it.
  return lengths.map((len) => {
    const net = v6
      ? ipaddr.IPv6.networkAddressFromCIDR(`${address}/${len}`)
      : ipaddr.IPv4.networkAddressFromCIDR(`${address}/${len}`);
    return `${net.toString()}/${len}`;
  });
}

/** What a peer may be to match a node: each of its groups, each CIDR covering its address. */
function peersFor(design: Design, id: string, protocol: string): Peer[] {
  const out: Peer[] = [];
  const resource = design.resources.find((r) => r.id === id);
  const cidrs: string[] = [];
  if (resource) {
    for (const g of resource.groupIds) out.push({ kind: "group", groupId: g });
    const vpc = design.vpcs.find((v) => v.id === resource.vpcId);
    cidrs.push(...covering(resource.privateIpv4 ?? vpc?.cidrIpv4?.split("/")[0] ?? "0.0.0.0"));
    if (resource.ipv6) cidrs.push(...covering(resource.ipv6));
  } else {
    for (const c of design.externals.find((e) => e.id === id)?.cidrs ?? [])
      cidrs.push(...covering(c.split("/")[0] as string));
  }
  for (const text of cidrs) {
    const v6 = text.includes(":");
    if ((protocol === "icmp" && v6) || (protocol === "icmpv6" && !v6)) continue;
    out.push({ kind: v6 ? "cidr6" : "cidr4", cidr: text });
  }
  return out;
}

interface Candidate {
  groupId: string;
  direction: "ingress" | "egress";
  peer: Peer;
}

function rule(intent: Intent, peer: Peer, n: number): Rule {
  const traffic =
    intent.protocol === "tcp" || intent.protocol === "udp"
      ? { fromPort: intent.port, toPort: intent.port }
      : intent.protocol === "icmp"
        ? { fromPort: 8, toPort: 0 }
        : {};
  return { id: `cand-${n}`, protocol: intent.protocol, ...traffic, peer } as Rule;
}

/** The design with candidate rules added; a node without groups first gets a new group, as AWS makes one. */
function withCandidates(design: Design, intent: Intent, picks: Candidate[]): Design {
  const d = structuredClone(design);
  picks.forEach((c, n) => {
    let group = d.groups.find((g) => g.id === c.groupId);
    if (!group) {
      // As AWS creates a group: no inbound rules, all outbound traffic (over IPv6 too where the VPC has it).
      const owner0 = d.resources.find((r) => r.id === (c.direction === "ingress" ? intent.to : intent.from));
      const ipv6 = d.vpcs.find((v) => v.id === owner0?.vpcId)?.cidrIpv6 !== undefined;
      const egress: Rule[] = [{ id: `${c.groupId}-all4`, protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }];
      if (ipv6) egress.push({ id: `${c.groupId}-all6`, protocol: "-1", peer: { kind: "cidr6", cidr: "::/0" } });
      group = { id: c.groupId, name: c.groupId, description: c.groupId, ingress: [], egress };
      d.groups.push(group);
      const owner = c.direction === "ingress" ? intent.to : intent.from;
      d.resources.find((r) => r.id === owner)?.groupIds.push(c.groupId);
    }
    group[c.direction].push(rule(intent, c.peer, n));
  });
  return d;
}

function sideCandidates(design: Design, intent: Intent, direction: "ingress" | "egress"): Candidate[] {
  const self = direction === "ingress" ? intent.to : intent.from;
  const other = direction === "ingress" ? intent.from : intent.to;
  const resource = design.resources.find((r) => r.id === self);
  if (!resource) return [];
  const groups = resource.groupIds.length > 0 ? resource.groupIds : [`new-${self}`];
  const peers = peersFor(design, other, intent.protocol);
  return groups.flatMap((groupId) => peers.map((peer) => ({ groupId, direction, peer })));
}

/** The fewest new pairs any candidate opens while making the intent hold; undefined when none does. */
function bruteForceBest(design: Design, intent: Intent): number | undefined {
  const before = pairCount(design);
  const ingress = sideCandidates(design, intent, "ingress");
  const egress = sideCandidates(design, intent, "egress");
  let best: number | undefined;
  const consider = (picks: Candidate[]) => {
    const after = withCandidates(design, intent, picks);
    if (!holds(after, intent)) return;
    const opened = pairCount(after) - before;
    if (best === undefined || opened < best) best = opened;
  };
  for (const c of [...ingress, ...egress]) consider([c]);
  if (best !== undefined) return best;
  // No single rule will do: both sides block. Try each ingress rule with each egress rule, over
  // a coarser set of prefix lengths (every eighth bit) to keep the search small.
  const coarse = (c: Candidate) =>
    c.peer.kind === "group" ||
    [0, 8, 16, 24, 32, 48, 64, 128].includes(Number((c.peer as { cidr: string }).cidr.split("/")[1]));
  for (const i of ingress.filter(coarse)) for (const e of egress.filter(coarse)) consider([i, e]);
  return best;
}

const cases = designs.chain((design) => {
  const ids = [...design.resources, ...design.externals].map((n) => n.id);
  return fc.record({
    design: fc.constant(design),
    from: fc.constantFrom(...ids),
    to: fc.constantFrom(...ids),
    traffic: fc.constantFrom(...TRAFFIC),
  });
});

describe("proposeFix against brute force", () => {
  it("the fix makes the intent hold and no candidate change opens fewer new node pairs", () => {
    fc.assert(
      fc.property(cases, ({ design, from, to, traffic }) => {
        const external = new Set(design.externals.map((e) => e.id));
        fc.pre(from !== to && !(external.has(from) && external.has(to)));
        const intent: Intent = { id: "i", from, to, ...traffic };
        fc.pre(!holds(design, intent));
        let fix: ReturnType<typeof proposeFix> | undefined;
        try {
          fix = proposeFix(design, intent);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
        const best = bruteForceBest(design, intent);
        if (!fix) {
          expect(best, "the fix gave up but a candidate works").toBeUndefined();
          return;
        }
        expect(holds(fix.design, intent)).toBe(true);
        const opened = pairCount(fix.design) - pairCount(design);
        expect(opened).toBe(fix.newPairs);
        const before = new Map(permittedFlows(design).map((e) => [e.id, JSON.stringify(e.byFamily)]));
        const widened = permittedFlows(fix.design).filter(
          (e) => before.has(e.id) && before.get(e.id) !== JSON.stringify(e.byFamily),
        );
        expect(widened.length).toBe(fix.widenedPairs);
        if (best !== undefined) expect(opened).toBeLessThanOrEqual(best);
      }),
      { numRuns: runs, seed: 20261127 },
    );
  });
});
