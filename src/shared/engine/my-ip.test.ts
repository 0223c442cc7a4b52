// The engine sees a rule that refers to My IP as My IP's address, and follows a new address.
import { describe, expect, it } from "vitest";
import { emptyDesign, newSecurityGroup } from "../model";
import type { Design } from "../model/schema";
import { evaluateFlow } from "./evaluate";
import { findings } from "./findings";
import { permittedFlows } from "./flows";
import { LiveFlows } from "./live";

function design(cidr: string): Design {
  const g = newSecurityGroup({ id: "sg-web", name: "web" });
  g.ingress.push({
    id: "ssh",
    protocol: "tcp",
    fromPort: 22,
    toPort: 22,
    peer: { kind: "external", externalId: "me" },
  });
  return {
    ...emptyDesign("t"),
    vpcs: [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16" }],
    groups: [g],
    resources: [
      { id: "web", kind: "instance", name: "web", vpcId: "vpc", groupIds: ["sg-web"], position: { x: 0, y: 0 } },
    ],
    externals: [{ id: "me", kind: "myIp", name: "My IP", cidrs: [cidr], position: { x: 0, y: 0 } }],
  };
}
const ssh = (from: string) => ({ from, to: "web", protocol: "tcp", port: 22 });
const sshEdges = (d: Design) => permittedFlows(d).filter((f) => f.from === "me" && f.to === "web").length;

describe("a rule whose source is My IP", () => {
  it("admits My IP's address and nobody else", () => {
    const d = design("81.2.69.160/32");
    expect(evaluateFlow(d, ssh("me")).permitted).toBe(true);
    expect(evaluateFlow(d, ssh("81.2.69.160")).permitted).toBe(true);
    expect(evaluateFlow(d, ssh("81.2.69.161")).permitted).toBe(false);
    expect(sshEdges(d)).toBe(1);
  });

  it("follows a new address of the party, in the live flows too, though no group changed", () => {
    const withOffice = (cidr: string): Design => {
      const d = design(cidr);
      return {
        ...d,
        externals: [
          ...d.externals,
          { id: "office", kind: "cidr", name: "Office", cidrs: ["81.2.69.0/24"], position: { x: 0, y: 0 } },
        ],
      };
    };
    const fromOffice = (flows: { from: string }[]) => flows.filter((f) => f.from === "office").length;
    const first = withOffice("81.2.69.160/32");
    const live = new LiveFlows(first);
    expect(fromOffice(live.flowList())).toBe(0);
    // My IP now stands for the whole office range: the rule that refers to it admits the office.
    // Only the party changed, as an edit of its address changes it: the groups are the same objects.
    const next = {
      ...first,
      externals: first.externals.map((e) => (e.id === "me" ? { ...e, cidrs: ["81.2.69.0/24"] } : e)),
    };
    live.update(next);
    expect(fromOffice(live.flowList())).toBe(1);
    expect(live.flowList()).toEqual(permittedFlows(next));
  });

  it("a placeholder address is a finding", () => {
    const codes = (d: Design) => findings(d).filter((f) => f.code === "placeholder-address");
    expect(codes(design("203.0.113.10/32"))).toEqual([
      expect.objectContaining({
        nodeId: "me",
        message: expect.stringMatching(/^My IP is 203\.0\.113\.10\/32, an address reserved for documentation/),
      }),
    ]);
    expect(codes(design("81.2.69.160/32"))).toEqual([]);
  });
});
