import { describe, expect, it } from "vitest";
import { Ids } from "../../model/ids";
import type { Problem } from "../../model/problems";
import type { Rule } from "../../model/schema";
import { checkRule } from "./check-rule";
import { finishDesign } from "./finish";

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
