import { describe, expect, it } from "vitest";
import { validateDesign } from "../../shared/model";
import { addRules, removeRule, replaceRule, updateRule } from "./rules";
import { sampleDesign, sampleWithOtherAccount } from "./testing";

const https = { protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } } as const;

describe("addRules", () => {
  it("adds rules with fresh ids and keeps the design valid", () => {
    const next = addRules.perform(sampleDesign(), {
      groupId: "sg-db",
      direction: "ingress",
      rules: [
        { protocol: "udp", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
        { protocol: "tcp", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
      ],
    });
    const ingress = next.groups[1]!.ingress;
    expect(ingress).toHaveLength(3);
    expect(new Set(ingress.map((r) => r.id)).size).toBe(3);
    expect(() => validateDesign(next)).not.toThrow();
  });
  it.each([
    [{ ...https, fromPort: 443, toPort: 80 }, /reversed port range/],
    [{ ...https, peer: { kind: "cidr4", cidr: "10.0.0.1/8" } }, /host bits/],
    [{ ...https, fromPort: 70000, toPort: 70000 }, /65535/],
    [{ protocol: "icmp", fromPort: 8, toPort: -1, peer: { kind: "cidr6", cidr: "::/0" } }, /icmpv6/],
    [{ ...https, peer: { kind: "group", groupId: "sg-missing" } }, /no security group/],
  ] as const)("refuses an invalid rule %j, leaving the document as it was", (rule, message) => {
    expect(() => addRules.perform(sampleDesign(), { groupId: "sg-web", direction: "ingress", rules: [rule] })).toThrow(
      message,
    );
  });
  it("refuses a rule that duplicates an existing one, as AWS does", () => {
    expect(() => addRules.perform(sampleDesign(), { groupId: "sg-web", direction: "ingress", rules: [https] })).toThrow(
      /already exists/,
    );
  });
});

describe("updateRule and removeRule", () => {
  it("replaces a rule in place, keeping its id", () => {
    const next = updateRule.perform(sampleDesign(), {
      groupId: "sg-web",
      direction: "ingress",
      index: 0,
      rule: { ...https, fromPort: 80, toPort: 80 },
    });
    expect(next.groups[0]!.ingress[0]).toMatchObject({ id: "web-https", fromPort: 80 });
  });
  it("removes one rule", () => {
    const next = removeRule.perform(sampleDesign(), { groupId: "sg-web", direction: "egress", index: 0 });
    expect(next.groups[0]!.egress).toEqual([]);
    expect(next.groups[0]!.ingress).toHaveLength(1);
  });
});

describe("rules and another account's group", () => {
  const refused = /sg-0abc1234def567890 belongs to AWS account 111122223333, so its rules are that account's/;
  it("refuses to add a rule to it, in either direction", () => {
    for (const direction of ["ingress", "egress"] as const)
      expect(() =>
        addRules.perform(sampleWithOtherAccount(), { groupId: "sg-partner", direction, rules: [https] }),
      ).toThrow(refused);
  });
  it("refuses to edit a rule a file gave it, but removes it", () => {
    const d = sampleWithOtherAccount();
    const partner = d.groups.at(-1)!;
    const ruled = { ...d, groups: [...d.groups.slice(0, -1), { ...partner, egress: [{ ...https, id: "theirs" }] }] };
    expect(() =>
      updateRule.perform(ruled, {
        groupId: "sg-partner",
        direction: "egress",
        index: 0,
        rule: { ...https, fromPort: 80, toPort: 80 },
      }),
    ).toThrow(refused);
    expect(
      removeRule.perform(ruled, { groupId: "sg-partner", direction: "egress", index: 0 }).groups.at(-1)?.egress,
    ).toEqual([]);
  });
  it("adds rules that name it as the peer, to a group of this design", () => {
    const next = addRules.perform(sampleWithOtherAccount(), {
      groupId: "sg-db",
      direction: "egress",
      rules: [{ protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "group", groupId: "sg-partner" } }],
    });
    expect(next.groups[1]?.egress.at(-1)?.peer).toEqual({ kind: "group", groupId: "sg-partner" });
    expect(() => validateDesign(next)).not.toThrow();
  });
});

describe("replaceRule", () => {
  const dns = [
    { protocol: "udp", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
    { protocol: "tcp", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
  ] as const;

  it("puts the first rule in the old one's place, with its id, and adds the others after", () => {
    const before = sampleDesign();
    const old = before.groups[0]!.ingress[0]!;
    const next = replaceRule.perform(before, { groupId: "sg-web", direction: "ingress", index: 0, rules: [...dns] });
    const ingress = next.groups[0]!.ingress;
    expect(ingress.map((r) => [r.id === old.id, r.protocol, r.fromPort])).toEqual([
      [true, "udp", 53],
      [false, "tcp", 53],
    ]);
    expect(() => validateDesign(next)).not.toThrow();
  });

  it("with one rule is the same edit as updateRule", () => {
    const args = { groupId: "sg-web", direction: "ingress", index: 0 } as const;
    expect(replaceRule.perform(sampleDesign(), { ...args, rules: [dns[0]] })).toEqual(
      updateRule.perform(sampleDesign(), { ...args, rule: dns[0] }),
    );
  });

  it.each([
    [[], /replaced by none/],
    [[dns[0], dns[0]], /the same rule already exists/],
  ] as const)("refuses %j, leaving the document as it was", (rules, message) => {
    const before = sampleDesign();
    expect(() =>
      replaceRule.perform(before, { groupId: "sg-web", direction: "ingress", index: 0, rules: [...rules] }),
    ).toThrow(message);
    expect(before).toEqual(sampleDesign());
  });
});
