import { describe, expect, it } from "vitest";
import { PRESETS } from "./presets";
import { EMPTY_FORM, formOfRule, type RuleForm, readRuleForm } from "./ruleDraft";

const form = (patch: Partial<RuleForm>): RuleForm => ({ ...EMPTY_FORM, ...patch });

describe("readRuleForm: a CIDR with host bits set", () => {
  it.each([
    [
      "cidr",
      "10.0.0.5/16",
      { kind: "cidr4", cidr: "10.0.0.0/16" },
      "10.0.0.5/16 has host bits set; AWS stores it as 10.0.0.0/16",
    ],
    [
      "cidr",
      "192.168.1.0/0",
      { kind: "cidr4", cidr: "0.0.0.0/0" },
      "192.168.1.0/0 has host bits set; AWS stores it as 0.0.0.0/0: open to the world",
    ],
    [
      "cidr",
      "2001:db8::1/32",
      { kind: "cidr6", cidr: "2001:db8::/32" },
      "2001:db8::1/32 has host bits set; AWS stores it as 2001:db8::/32",
    ],
  ] as const)("%s %s is stored as AWS stores it, with a note saying so", (peer, peerValue, stored, note) => {
    const result = readRuleForm(form({ preset: "ssh", peer, peerValue }), "sg-me");
    expect(result.errors).toEqual({});
    expect(result.rules?.map((r) => r.peer)).toEqual([stored]);
    expect(result.notes).toEqual({ peerValue: note });
  });

  it("My IP typed as a range with host bits becomes the range's network, with the note", () => {
    const result = readRuleForm(form({ preset: "ssh", peer: "myIp", peerValue: "81.2.69.160/24" }), "sg-me");
    expect(result.myIp).toBe("81.2.69.0/24");
    expect(result.notes?.peerValue).toMatch(/AWS stores it as 81\.2\.69\.0\/24/);
  });

  it("a CIDR without host bits has no note", () => {
    const result = readRuleForm(form({ preset: "ssh", peer: "cidr", peerValue: "10.0.0.0/16" }), "sg-me");
    expect(result.rules).toHaveLength(1);
    expect(result.notes).toBeUndefined();
  });

  it("a note stays beside an error of another field, so the person still reads it", () => {
    const result = readRuleForm(
      form({ preset: "custom", protocol: "tcp", fromPort: "x", peer: "cidr", peerValue: "10.0.0.5/16" }),
      "sg-me",
    );
    expect(result.rules).toBeUndefined();
    expect(result.errors.fromPort).toBeDefined();
    expect(result.notes?.peerValue).toMatch(/10\.0\.0\.0\/16/);
  });
});

describe("readRuleForm", () => {
  it.each([
    [
      { preset: "https" },
      [{ protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
    ],
    [
      { preset: "dns", peer: "cidr", peerValue: "10.0.0.0/16" },
      [
        { protocol: "udp", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
        { protocol: "tcp", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
      ],
    ],
    [
      { preset: "ping", peer: "internet6" },
      [{ protocol: "icmpv6", fromPort: 128, toPort: -1, peer: { kind: "cidr6", cidr: "::/0" } }],
    ],
    [{ preset: "all", peer: "self" }, [{ protocol: "-1", peer: { kind: "group", groupId: "sg-me" } }]],
    [
      { preset: "postgresql", peer: "group", peerValue: "sg-app" },
      [{ protocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "group", groupId: "sg-app" } }],
    ],
    [
      { preset: "ssh", peer: "myIp", peerValue: "203.0.113.7" },
      [{ protocol: "tcp", fromPort: 22, toPort: 22, peer: { kind: "external", externalId: "my-ip" } }],
    ],
    [
      { preset: "custom", protocol: "tcp", fromPort: "8000", toPort: "" },
      [{ protocol: "tcp", fromPort: 8000, toPort: 8000, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
    ],
    [
      { preset: "custom", protocol: "udp", fromPort: "1000", toPort: "2000", peer: "prefixList", peerValue: "pl-1" },
      [{ protocol: "udp", fromPort: 1000, toPort: 2000, peer: { kind: "prefixList", prefixListId: "pl-1" } }],
    ],
    [{ preset: "custom", protocol: "50" }, [{ protocol: "50", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }]],
  ] as const)("reads %j", (patch, rules) => {
    const result = readRuleForm(form(patch as Partial<RuleForm>), "sg-me");
    expect(result.errors).toEqual({});
    expect(result.rules).toEqual(rules);
  });

  it.each([
    [{ peer: "cidr", peerValue: "10.0.0.1/33" }, "peerValue", /.+/],
    [{ peer: "cidr", peerValue: "10.0.0.0" }, "peerValue", /no prefix length/],
    [{ peer: "cidr", peerValue: "" }, "peerValue", /enter a CIDR/],
    [{ peer: "group", peerValue: "" }, "peerValue", /choose a security group/],
    [{ preset: "custom", protocol: "tcp", fromPort: "70000" }, "fromPort", /outside 0-65535/],
    [{ preset: "custom", protocol: "tcp", fromPort: "-5" }, "fromPort", /outside 0-65535/],
    [{ preset: "custom", protocol: "tcp", fromPort: "abc" }, "fromPort", /whole number/],
    [{ preset: "custom", protocol: "tcp", fromPort: "443", toPort: "80" }, "toPort", /reversed range 443-80/],
    [{ preset: "custom", protocol: "icmp", fromPort: "300" }, "fromPort", /ICMP type/],
    [{ preset: "custom", protocol: "300" }, "protocol", /protocol number/],
    // The port fields are not shown for a protocol number: the message is at the protocol.
    [{ preset: "custom", protocol: "6" }, "protocol", /protocol 6 is TCP, which needs ports: choose TCP/],
    [{ preset: "custom", protocol: "17" }, "protocol", /protocol 17 is UDP/],
    [{ preset: "custom", protocol: "icmp", fromPort: "8", peer: "internet6" }, "form", /icmpv6/],
    [{ description: "x".repeat(256) }, "description", /255/],
  ] as const)("refuses %j at %s", (patch, field, message) => {
    const result = readRuleForm(form(patch as Partial<RuleForm>), "sg-me");
    expect(result.rules).toBeUndefined();
    expect(result.errors[field]).toMatch(message);
  });

  it("an empty last port is the first port, and a bad first port is reported once", () => {
    const result = readRuleForm(form({ preset: "custom", protocol: "tcp", fromPort: "70000" }), "sg");
    expect(Object.keys(result.errors)).toEqual(["fromPort"]);
  });

  it("every preset but custom reads into at least one valid rule", () => {
    for (const p of PRESETS.filter((p) => p.id !== "custom"))
      expect(readRuleForm(form({ preset: p.id }), "sg").rules?.length).toBeGreaterThan(0);
  });
});

describe("formOfRule", () => {
  it.each([
    { protocol: "tcp", fromPort: 22, toPort: 22, peer: { kind: "cidr4", cidr: "10.0.0.0/8" } },
    { protocol: "udp", fromPort: 1, toPort: 9, peer: { kind: "group", groupId: "sg-me" } },
    { protocol: "icmp", fromPort: 8, toPort: -1, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } },
    { protocol: "-1", peer: { kind: "cidr6", cidr: "::/0" }, description: "all v6" },
    { protocol: "tcp", fromPort: 80, toPort: 90, peer: { kind: "prefixList", prefixListId: "pl-1" } },
  ] as const)("round-trips %j", (rule) => {
    expect(readRuleForm(formOfRule(rule, "sg-me"), "sg-me").rules).toEqual([rule]);
  });
});

describe("My IP in the rule form", () => {
  it("refers to the My IP party and carries the address typed, as a /32, for the party", () => {
    const result = readRuleForm({ ...EMPTY_FORM, preset: "ssh", peer: "myIp", peerValue: "81.2.69.160" }, "sg", "me");
    expect(result.rules?.map((r) => r.peer)).toEqual([{ kind: "external", externalId: "me" }]);
    expect(result.myIp).toBe("81.2.69.160/32");
  });

  it("an IPv6 address is a /128, and ping to it is ICMPv6", () => {
    const result = readRuleForm({ ...EMPTY_FORM, preset: "ping", peer: "myIp", peerValue: "2001:db8::7" }, "sg");
    expect(result.myIp).toBe("2001:db8::7/128");
    expect(result.rules?.[0]?.protocol).toBe("icmpv6");
  });

  it("a rule that refers to My IP is edited with the party's address", () => {
    const me = { id: "me", kind: "myIp" as const, name: "My IP", cidrs: ["81.2.69.160/32"], position: { x: 0, y: 0 } };
    const form = formOfRule(
      { protocol: "tcp", fromPort: 22, toPort: 22, peer: { kind: "external", externalId: "me" } },
      "sg",
      [me],
    );
    expect(form).toMatchObject({ peer: "myIp", peerValue: "81.2.69.160" });
  });
});

describe("a rule whose peer is a placeholder range (a CIDR variable with no value)", () => {
  const office = {
    id: "var.office_cidr",
    kind: "cidr" as const,
    name: "var.office_cidr",
    cidrs: ["240.0.0.0/24"],
    position: { x: 0, y: 0 },
    tags: { "palisade:placeholder": "var.office_cidr" },
  };
  const rule = { protocol: "tcp", fromPort: 22, toPort: 22, peer: { kind: "cidr4" as const, cidr: "240.0.0.0/24" } };

  it("is edited by the range's name, never its stand-in CIDR, and saved as the rule it was", () => {
    const edited = formOfRule(rule, "sg-me", [office]);
    expect(edited.peerValue).toBe("var.office_cidr");
    const read = readRuleForm(edited, "sg-me", undefined, [office]);
    expect(read.errors).toEqual({});
    expect(read.rules?.map((r) => r.peer)).toEqual([{ kind: "cidr4", cidr: "240.0.0.0/24" }]);
  });

  it("is a typo like any other where the design has no such range", () => {
    const read = readRuleForm(form({ preset: "ssh", peer: "cidr", peerValue: "var.office_cidr" }), "sg-me");
    expect(read.errors.peerValue).toMatch(/CIDR/);
  });
});
