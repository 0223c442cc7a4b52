import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineColumn, lineIndex, type Problem } from "../model/problems";
import { hasPorts, isIcmp, normalizeProtocol } from "../model/protocol";
import { Rule } from "../model/schema";
import { checkRule, finishDesign, Ids, plainRule } from "./draft";

describe("Ids", () => {
  it("makes valid, unique ids from any text", () => {
    const ids = new Ids();
    expect(["web", "web", "Web Server!", "", "a/b:c"].map((t) => ids.take(t))).toEqual([
      "web",
      "web-2",
      "Web-Server",
      "x",
      "a/b:c",
    ]);
  });
});

describe("Ids, on any text", () => {
  // The cleaning, spelled out: runs of other characters become "-", then no "--" and no "-" at either end.
  const cleaned = (base: string) =>
    base
      .replace(/[^A-Za-z0-9._:/@+-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 200) || "x";
  it("gives the cleaned text the first time (a clean one as it is)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "Z", "0", ".", "_", ":", "/", "@", "+", "-", " ", "!", "é") }),
        (base) => {
          expect(new Ids().take(base)).toBe(cleaned(base));
        },
      ),
      { numRuns: 2000, seed: 20261129 },
    );
    expect(new Ids().take("x".repeat(201))).toBe("x".repeat(200));
  });
});

describe("lineIndex", () => {
  it("agrees with counting from the start", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "b") }), fc.nat(), (text, n) => {
        const offset = text.length ? n % text.length : 0;
        expect(lineIndex(text)(offset)).toEqual(lineColumn(text, offset));
      }),
    );
  });
});

describe("checkRule", () => {
  const peer = { kind: "cidr4" as const, cidr: "10.0.0.0/8" };
  it.each([
    ["drops ports for -1", { protocol: "-1", fromPort: 0, toPort: 0 }, { protocol: "-1" }],
    ["drops ports for a protocol number", { protocol: 50, fromPort: 0, toPort: 0 }, { protocol: "50" }],
    [
      "reads number strings",
      { protocol: "6", fromPort: "22", toPort: "22" },
      { protocol: "tcp", fromPort: 22, toPort: 22 },
    ],
    [
      "keeps ICMP type and code",
      { protocol: "icmp", fromPort: 8, toPort: -1 },
      { protocol: "icmp", fromPort: 8, toPort: -1 },
    ],
  ])("%s", (_, raw, expected) => {
    const errors: Problem[] = [];
    expect(checkRule({ id: "r", peer, ...raw }, {}, errors)).toEqual({ id: "r", peer, ...expected });
    expect(errors).toEqual([]);
  });

  it("places each problem at the field it is about", () => {
    const errors: Problem[] = [];
    checkRule({ id: "r", protocol: "tcp", fromPort: 80, toPort: 70, peer }, (field) => ({ file: field }), errors);
    expect(errors).toEqual([
      {
        file: "toPort",
        message: "toPort: reversed port range 80-70: fromPort must not exceed toPort",
        severity: "error",
      },
    ]);
  });
});

describe("plainRule, the schema's checks written out", () => {
  const candidates = fc.record(
    {
      id: fc.constantFrom("r", "a-b/c:d@e+f.g_h", "x".repeat(256), "", "a b", "x".repeat(257), 5),
      protocol: fc.constantFrom("tcp", "udp", "icmp", "icmpv6", "-1", "6", "58", "50", "TCP", 17, "all", "bogus", 300),
      fromPort: fc.constantFrom(undefined, -2, -1, 0, 22, 255, 256, 65535, 65536, 1.5),
      toPort: fc.constantFrom(undefined, -1, 0, 21, 22, 255, 256, 65535),
      peer: fc.constantFrom<unknown>(
        { kind: "cidr4", cidr: "10.0.0.0/8" },
        { kind: "cidr4", cidr: "10.0.0.1/8" },
        { kind: "cidr4", cidr: "2001:db8::/32" },
        { kind: "cidr6", cidr: "2001:db8::/32" },
        { kind: "cidr6", cidr: "10.0.0.0/8" },
        { kind: "group", groupId: "sg-1" },
        { kind: "group", groupId: "sg 1" },
        { kind: "group", groupId: "sg-1", extra: true },
        { kind: "prefixList", prefixListId: "pl-1" },
        { kind: "prefixList", prefixListId: "" },
        { kind: "vpc", id: "v" },
        null,
      ),
      description: fc.constantFrom(undefined, "d", "x".repeat(255), "x".repeat(256), 5),
    },
    { requiredKeys: ["id", "protocol", "peer"] },
  );

  it("gives what the schema gives, field for field and in order, or leaves the rule to the schema", () => {
    let plain = 0;
    fc.assert(
      fc.property(candidates, (raw) => {
        const protocol = normalizeProtocol(raw.protocol);
        const candidate: Record<string, unknown> = { ...raw };
        for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
        if (protocol !== undefined && !hasPorts(protocol) && !isIcmp(protocol)) {
          delete candidate.fromPort;
          delete candidate.toPort;
        }
        const schema = Rule.safeParse(candidate);
        const mine = protocol === undefined ? undefined : plainRule(candidate, protocol);
        if (mine === undefined) return;
        plain++;
        expect(schema.success, JSON.stringify(candidate)).toBe(true);
        expect(JSON.stringify(mine)).toBe(JSON.stringify(schema.data));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    // The common rules do take the plain path.
    expect(plain).toBeGreaterThan(50);
  });
});

describe("finishDesign", () => {
  const group = (ingress: Rule[]) => ({ id: "sg-1", name: "web", description: "", ingress, egress: [] });
  const draft = (ingress: Rule[]) => ({
    name: "d",
    vpcs: [],
    groups: [group(ingress)],
    prefixLists: [],
    resources: [{ id: "i-1", kind: "instance" as const, name: "web", groupIds: ["sg-1"] }],
    namedCidrs: [],
  });

  it("takes rules checked as they were read, and checks the others", () => {
    const errors: Problem[] = [];
    const read = checkRule(
      { id: "r1", protocol: "tcp", fromPort: 80, toPort: 80, peer: { kind: "group", groupId: "sg-1" } },
      {},
      errors,
    );
    const made: Rule = { id: "r2", protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } };
    const design = finishDesign(draft([read as Rule, made]), new Ids());
    expect(design.groups[0]?.ingress).toEqual([read, made]);
    expect(errors).toEqual([]);
  });

  it("refuses a rule nobody checked, and a rule naming a group that does not exist", () => {
    const bad = {
      id: "r",
      protocol: "tcp",
      fromPort: 90,
      toPort: 80,
      peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
    } as Rule;
    expect(() => finishDesign(draft([bad]), new Ids(), "t.yaml")).toThrow(
      /not valid at groups\.0\.ingress\.0\.toPort: reversed port range/,
    );
    const errors: Problem[] = [];
    const dangling = checkRule({ id: "r", protocol: "-1", peer: { kind: "group", groupId: "sg-2" } }, {}, errors);
    expect(() => finishDesign(draft([dangling as Rule]), new Ids())).toThrow(
      /not valid at groups\.0\.ingress\.0\.peer\.groupId: no security group has id "sg-2"/,
    );
  });
});
