import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ids } from "../model/ids";
import { lineColumn, lineIndex, type Problem } from "../model/problems";
import type { Rule } from "../model/schema";
import { checkRule, finishDesign } from "./draft";

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

  it("refuses a resource the schema refuses, at its field", () => {
    const long = {
      ...draft([]),
      resources: [{ id: "i-1", kind: "instance" as const, name: "x".repeat(256), groupIds: [] }],
    };
    expect(() => finishDesign(long, new Ids())).toThrow(/not valid at resources\.0\.name: is longer than 255/);
    const twice = {
      ...draft([]),
      resources: [{ id: "i-1", kind: "instance" as const, name: "a", groupIds: ["sg-1", "sg-1"] }],
    };
    expect(() => finishDesign(twice, new Ids())).toThrow(
      /not valid at resources\.0\.groupIds\.1: group "sg-1" is attached twice/,
    );
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
