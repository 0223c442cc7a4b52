import { describe, expect, it } from "vitest";
import { validateDesign } from "../../shared/model";
import { addExternal, addResource, moveNodes, updateExternal, updateResource } from "./nodes";
import { sampleDesign } from "./testing";
import { ActionRefused } from "./types";

describe("addResource", () => {
  it.each([
    ["instance", "instance"],
    ["database", "db-2"],
    ["loadBalancer", "lb"],
  ] as const)("adds a %s with a fresh id and name, in the only VPC, with no groups", (kind, id) => {
    const next = addResource.perform(sampleDesign(), { kind, position: { x: 10.6, y: -3.2 } });
    const added = next.resources.at(-1)!;
    expect(added).toMatchObject({ id, kind, vpcId: "vpc-1", groupIds: [], position: { x: 11, y: -3 } });
    expect(() => validateDesign(next)).not.toThrow();
  });

  it("leaves the original design untouched", () => {
    const before = sampleDesign();
    const copy = structuredClone(before);
    addResource.perform(before, { kind: "function", position: { x: 0, y: 0 } });
    expect(before).toEqual(copy);
  });
});

describe("addExternal", () => {
  it.each([
    ["internet", ["0.0.0.0/0", "::/0"]],
    ["myIp", ["203.0.113.10/32"]],
    ["cidr", ["198.51.100.0/24"]],
  ] as const)("adds a %s party standing for %j", (kind, cidrs) => {
    const next = addExternal.perform(sampleDesign(), { kind, position: { x: 0, y: 0 } });
    expect(next.externals.at(-1)).toMatchObject({ kind, cidrs });
    expect(() => validateDesign(next)).not.toThrow();
  });

  it("names a second Internet 'Internet 2'", () => {
    const next = addExternal.perform(sampleDesign(), { kind: "internet", position: { x: 0, y: 0 } });
    expect(next.externals.at(-1)?.name).toBe("Internet 2");
  });
});

describe("moveNodes", () => {
  it("rounds positions to integers, as the file format requires", () => {
    const next = moveNodes.perform(sampleDesign(), { positions: [{ id: "web", position: { x: 1.5, y: 2.49 } }] });
    expect(next.resources[0]?.position).toEqual({ x: 2, y: 2 });
  });
  it("moves externals too and keeps nodes it was not given", () => {
    const before = sampleDesign();
    const next = moveNodes.perform(before, { positions: [{ id: "internet", position: { x: 5, y: 5 } }] });
    expect(next.externals[0]?.position).toEqual({ x: 5, y: 5 });
    expect(next.resources[1]).toBe(before.resources[1]);
  });
});

describe("moveNodes without a change", () => {
  it("returns the same design, so no undo step is recorded", () => {
    const d = sampleDesign();
    expect(moveNodes.perform(d, { positions: [{ id: "web", position: { x: 100.2, y: 0 } }] })).toBe(d);
  });
});

describe("updateResource", () => {
  it("sets and clears addresses", () => {
    let d = updateResource.perform(sampleDesign(), { id: "web", patch: { privateIpv4: "10.0.1.5", name: "web-1" } });
    expect(d.resources[0]).toMatchObject({ privateIpv4: "10.0.1.5", name: "web-1" });
    d = updateResource.perform(d, { id: "web", patch: { privateIpv4: "" } });
    expect(d.resources[0]).not.toHaveProperty("privateIpv4");
  });
  it("refuses to move a resource to another VPC while a group of its VPC is attached", () => {
    const d = { ...sampleDesign(), vpcs: [...sampleDesign().vpcs, { id: "vpc-2", name: "other" }] };
    expect(() => updateResource.perform(d, { id: "web", patch: { vpcId: "vpc-2" } })).toThrow(ActionRefused);
  });
  it("refuses an unknown id", () => {
    expect(() => updateResource.perform(sampleDesign(), { id: "nope", patch: {} })).toThrow(/no resource/);
  });
  it("made another kind, an Auto Scaling group is no longer one (its service and sizes go), and stays valid", () => {
    const d = sampleDesign();
    const asg = {
      ...d,
      resources: d.resources.map((r, i) =>
        i === 0
          ? { ...r, kind: "instance" as const, service: "autoScalingGroup" as const, capacity: { desired: 3 } }
          : r,
      ),
    };
    const renamed = updateResource.perform(asg, { id: "web", patch: { name: "web-asg" } }).resources[0];
    expect(renamed).toMatchObject({ service: "autoScalingGroup", capacity: { desired: 3 } });
    const db = updateResource.perform(asg, { id: "web", patch: { kind: "database" } });
    expect(db.resources[0]).not.toHaveProperty("service");
    expect(db.resources[0]).not.toHaveProperty("capacity");
    expect(() => validateDesign(db)).not.toThrow();
  });
  it("refuses addresses AWS could not give: a private one outside the VPC's block, IPv6 where the VPC has none, a private one as public", () => {
    const d = sampleDesign();
    expect(() => updateResource.perform(d, { id: "web", patch: { privateIpv4: "192.168.1.5" } })).toThrow(
      /192\.168\.1\.5 is outside main's block 10\.0\.0\.0\/16/,
    );
    expect(() => updateResource.perform(d, { id: "web", patch: { ipv6: "2001:db8::5" } })).toThrow(/no IPv6 block/);
    expect(() => updateResource.perform(d, { id: "web", patch: { publicIpv4: "10.0.0.7" } })).toThrow(
      /not a public address/,
    );
    const ok = updateResource.perform(d, { id: "web", patch: { privateIpv4: "10.0.9.9", publicIpv4: "198.51.100.7" } });
    expect(ok.resources[0]).toMatchObject({ privateIpv4: "10.0.9.9", publicIpv4: "198.51.100.7" });
    const six = { ...d, vpcs: [{ ...d.vpcs[0]!, cidrIpv6: "2001:db8:1234::/56" }] };
    expect(updateResource.perform(six, { id: "web", patch: { ipv6: "2001:db8:1234:1::5" } }).resources[0]?.ipv6).toBe(
      "2001:db8:1234:1::5",
    );
    expect(() => updateResource.perform(six, { id: "web", patch: { ipv6: "2001:db8:9999::5" } })).toThrow(/outside/);
  });
  it("still edits a resource whose imported address was already outside its VPC", () => {
    const d = sampleDesign();
    d.resources = d.resources.map((r) => (r.id === "web" ? { ...r, privateIpv4: "192.168.1.5" } : r));
    expect(updateResource.perform(d, { id: "web", patch: { name: "web-1" } }).resources[0]?.name).toBe("web-1");
  });
});

describe("updateExternal", () => {
  it("refuses to leave a party with no CIDR", () => {
    expect(() => updateExternal.perform(sampleDesign(), { id: "internet", patch: { cidrs: [] } })).toThrow(
      /at least one/,
    );
  });
});
