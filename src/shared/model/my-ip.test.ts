import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDesign } from "./document";
import { newSecurityGroup } from "./factory";
import { linkMyIp, resolveExternalPeers } from "./my-ip";
import { type Design, referenceIssues } from "./schema";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const me = { id: "me", kind: "myIp" as const, name: "My IP", cidrs: ["81.2.69.160/32"], position: { x: 0, y: 0 } };
const design = (): Design => {
  const g = newSecurityGroup({ id: "sg", name: "web" });
  g.ingress.push({
    id: "ssh",
    protocol: "tcp",
    fromPort: 22,
    toPort: 22,
    peer: { kind: "external", externalId: "me" },
  });
  return {
    ...parseDesign(fixture("v2.palisade.json")),
    externals: [me],
    groups: [g],
    resources: [],
    intents: [],
  };
};

describe("rules that refer to My IP", () => {
  it("v1 -> v2: a rule with My IP's CIDR refers to the My IP party", () => {
    const d = parseDesign(fixture("v1-my-ip.palisade.json"));
    const ssh = d.groups[0]?.ingress.find((r) => r.fromPort === 22);
    expect(ssh?.peer).toEqual({ kind: "external", externalId: "my-ip" });
    // Other CIDRs stay as they are.
    expect(d.groups[0]?.ingress[0]?.peer).toEqual({ kind: "cidr4", cidr: "0.0.0.0/0" });
  });

  it("resolve to the party's CIDR, as AWS sees them", () => {
    const resolved = resolveExternalPeers(design());
    expect(resolved.groups[0]?.ingress.at(-1)?.peer).toEqual({ kind: "cidr4", cidr: "81.2.69.160/32" });
  });

  it("one rule per CIDR of a party with several", () => {
    const d = design();
    d.externals = [{ ...me, cidrs: ["81.2.69.160/32", "81.2.69.161/32"] }];
    expect(
      resolveExternalPeers(d)
        .groups[0]?.ingress.slice(-2)
        .map((r) => [r.id, r.peer]),
    ).toEqual([
      ["ssh", { kind: "cidr4", cidr: "81.2.69.160/32" }],
      ["ssh-2", { kind: "cidr4", cidr: "81.2.69.161/32" }],
    ]);
  });

  it("resolve to the same objects while neither the group nor the party's addresses change (moving My IP)", () => {
    const d = design();
    const first = resolveExternalPeers(d);
    const moved = { ...d, externals: [{ ...me, position: { x: 50, y: 50 } }] };
    expect(resolveExternalPeers(moved).groups[0]).toBe(first.groups[0]);
    const readdressed = { ...d, externals: [{ ...me, cidrs: ["81.2.69.99/32"] }] };
    expect(resolveExternalPeers(readdressed).groups[0]).not.toBe(first.groups[0]);
  });

  it("leave a design without such rules as it is", () => {
    const d = { ...design(), groups: [newSecurityGroup({ id: "sg", name: "web" })] };
    expect(resolveExternalPeers(d)).toBe(d);
    expect(linkMyIp(d)).toBe(d);
  });

  it("must name a party, of one address family", () => {
    const d = design();
    expect(referenceIssues(d)).toEqual([]);
    expect(referenceIssues({ ...d, externals: [] })[0]?.message).toBe('no external party has id "me"');
    expect(
      referenceIssues({ ...d, externals: [{ ...me, cidrs: ["81.2.69.160/32", "2001:db8::1/128"] }] })[0]?.message,
    ).toMatch(/mix IPv4 and IPv6/);
  });
});
