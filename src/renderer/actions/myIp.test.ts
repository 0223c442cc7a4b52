import { describe, expect, it } from "vitest";
import { emptyDesign, newSecurityGroup, resolveExternalPeers } from "../../shared/model";
import { enterMyIp } from "./myIp";
import { addRules } from "./rules";

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
