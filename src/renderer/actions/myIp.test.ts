import { describe, expect, it } from "vitest";
import { emptyDesign, newSecurityGroup, resolveExternalPeers } from "../../shared/model";
import { enterMyIp } from "./myIp";
import { addRules, replaceRule } from "./rules";

const me = { id: "my-ip", kind: "myIp" as const, name: "My IP", cidrs: ["203.0.113.10/32"], position: { x: 5, y: 5 } };
const design = () => ({ ...emptyDesign("t"), groups: [newSecurityGroup({ id: "sg", name: "web" })], externals: [me] });

describe("enterMyIp", () => {
  it("sets the My IP party's address, which every rule that refers to it follows", () => {
    let d = addRules.perform(design(), {
      groupId: "sg",
      direction: "ingress",
      rules: [{ protocol: "tcp", fromPort: 22, toPort: 22, peer: { kind: "external", externalId: "my-ip" } }],
    });
    d = enterMyIp.perform(d, { id: "my-ip", cidr: "81.2.69.160/32" });
    expect(d.externals).toEqual([{ ...me, cidrs: ["81.2.69.160/32"] }]);
    expect(resolveExternalPeers(d).groups[0]?.ingress[0]?.peer).toEqual({ kind: "cidr4", cidr: "81.2.69.160/32" });
  });

  it("creates the party, beside the design, when there is none", () => {
    const d = enterMyIp.perform({ ...design(), externals: [] }, { id: "my-ip", cidr: "81.2.69.160/32" });
    expect(d.externals).toEqual([expect.objectContaining({ id: "my-ip", kind: "myIp", cidrs: ["81.2.69.160/32"] })]);
  });

  it("changes nothing when the address is the same", () => {
    const d = design();
    expect(enterMyIp.perform(d, { id: "my-ip", cidr: "203.0.113.10/32" })).toBe(d);
  });

  it("refuses what is not a CIDR", () => {
    expect(() => enterMyIp.perform(design(), { id: "my-ip", cidr: "81.2.69/32" })).toThrow();
  });
});

describe("rules entered with My IP's address", () => {
  const ssh = {
    protocol: "tcp" as const,
    fromPort: 22,
    toPort: 22,
    peer: { kind: "external" as const, externalId: "my-ip" },
  };

  it("adding them creates the party and the rules in one edit", () => {
    const before = { ...design(), externals: [] };
    const d = addRules.perform(before, {
      groupId: "sg",
      direction: "ingress",
      rules: [ssh],
      myIp: { id: "my-ip", cidr: "81.2.69.160/32" },
    });
    expect(d.externals).toEqual([expect.objectContaining({ id: "my-ip", cidrs: ["81.2.69.160/32"] })]);
    expect(resolveExternalPeers(d).groups[0]?.ingress[0]?.peer).toEqual({ kind: "cidr4", cidr: "81.2.69.160/32" });
  });

  it("editing a rule into one sets the address and keeps the rule's place and id", () => {
    const withRule = addRules.perform(design(), {
      groupId: "sg",
      direction: "ingress",
      rules: [{ protocol: "tcp", fromPort: 80, toPort: 80, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
    });
    const id = withRule.groups[0]?.ingress[0]?.id;
    const d = replaceRule.perform(withRule, {
      groupId: "sg",
      direction: "ingress",
      index: 0,
      rules: [ssh],
      myIp: { id: "my-ip", cidr: "81.2.69.160/32" },
    });
    expect(d.externals).toEqual([{ ...me, cidrs: ["81.2.69.160/32"] }]);
    expect(d.groups[0]?.ingress).toEqual([{ ...ssh, id }]);
  });

  it("a bad address refuses the whole edit", () => {
    const args = {
      groupId: "sg",
      direction: "ingress" as const,
      rules: [ssh],
      myIp: { id: "my-ip", cidr: "81.2.69/32" },
    };
    expect(() => addRules.perform(design(), args)).toThrow(/CIDR|address|prefix/i);
  });
});
