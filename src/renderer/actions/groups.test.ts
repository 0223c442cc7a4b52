import { describe, expect, it } from "vitest";
import { validateDesign } from "../../shared/model";
import {
  addGroup,
  addGroupTo,
  attachGroup,
  detachGroup,
  GROUPS_PER_INTERFACE,
  groupNameProblem,
  membersOf,
  updateGroup,
} from "./groups";
import { sampleDesign, sampleWithOtherAccount } from "./testing";
import { ActionRefused } from "./types";

describe("addGroup", () => {
  it("creates a group as AWS does: no inbound rule, all traffic out to 0.0.0.0/0", () => {
    const next = addGroup.perform(sampleDesign(), { name: "app" });
    const g = next.groups.at(-1)!;
    expect(g).toMatchObject({ id: "sg-app", name: "app", vpcId: "vpc-1", ingress: [] });
    expect(g.egress).toEqual([expect.objectContaining({ protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } })]);
    expect(() => validateDesign(next)).not.toThrow();
  });
  it("adds ::/0 egress when the VPC has IPv6", () => {
    const d = sampleDesign();
    d.vpcs = [{ ...d.vpcs[0]!, cidrIpv6: "2001:db8::/56" }];
    const g = addGroup.perform(d, {}).groups.at(-1)!;
    expect(g.egress.map((r) => r.peer)).toContainEqual({ kind: "cidr6", cidr: "::/0" });
  });
  it("gives each new group a fresh name", () => {
    const d = addGroup.perform(addGroup.perform(sampleDesign(), {}), {});
    expect(d.groups.slice(-2).map((g) => g.name)).toEqual(["sg", "sg 2"]);
    expect(new Set(d.groups.map((g) => g.id)).size).toBe(d.groups.length);
  });
});

describe("addGroupTo", () => {
  it("creates a group with AWS's default egress and attaches it to the resource, in one step", () => {
    const next = addGroupTo.perform(sampleDesign(), { nodeId: "db" });
    const group = next.groups.at(-1)!;
    expect(next.groups).toHaveLength(sampleDesign().groups.length + 1);
    expect(group.egress.map((r) => r.peer)).toEqual([{ kind: "cidr4", cidr: "0.0.0.0/0" }]);
    expect(next.resources.find((r) => r.id === "db")?.groupIds).toEqual(["sg-db", group.id]);
    expect(() => validateDesign(next)).not.toThrow();
  });

  it("refuses an external party, which has no groups, and leaves the design as it was", () => {
    const before = sampleDesign();
    expect(() => addGroupTo.perform(before, { nodeId: "internet" })).toThrow(
      /external parties have no security groups/,
    );
    expect(before).toEqual(sampleDesign());
  });
});

describe("attachGroup", () => {
  it("attaches a group to a resource", () => {
    const next = attachGroup.perform(sampleDesign(), { nodeId: "db", groupId: "sg-web" });
    expect(next.resources[1]?.groupIds).toEqual(["sg-db", "sg-web"]);
    expect(membersOf(next, "sg-web").map((m) => m.end)).toEqual(["web", "db"]);
  });
  it(`refuses a ${GROUPS_PER_INTERFACE + 1}th group on one interface`, () => {
    let d = sampleDesign();
    for (let i = 0; i < GROUPS_PER_INTERFACE; i++) d = addGroup.perform(d, { name: `g${i}` });
    const ids = d.groups.slice(-GROUPS_PER_INTERFACE).map((g) => g.id);
    for (const id of ids.slice(0, GROUPS_PER_INTERFACE - 1)) d = attachGroup.perform(d, { nodeId: "web", groupId: id });
    expect(d.resources[0]?.groupIds).toHaveLength(GROUPS_PER_INTERFACE);
    expect(() => attachGroup.perform(d, { nodeId: "web", groupId: ids.at(-1)! })).toThrow(/5 security groups/);
  });
  it.each([
    [{ nodeId: "internet", groupId: "sg-web" }, /external parties have no security groups/],
    [{ nodeId: "web", groupId: "sg-web" }, /already attached/],
    [{ nodeId: "web", groupId: "sg-nope" }, /no security group/],
  ])("refuses %j", (args, message) => {
    expect(() => attachGroup.perform(sampleDesign(), args)).toThrow(message);
  });
  it("refuses a group of another VPC", () => {
    const d = sampleDesign();
    d.vpcs.push({ id: "vpc-2", name: "other" });
    d.groups[1] = { ...d.groups[1]!, vpcId: "vpc-2" };
    expect(() => attachGroup.perform(d, { nodeId: "web", groupId: "sg-db" })).toThrow(ActionRefused);
  });
});

describe("another account's group", () => {
  it("is refused on an interface, saying whose it is and why, and the design is unchanged", () => {
    const d = sampleWithOtherAccount();
    expect(() => attachGroup.perform(d, { nodeId: "web", groupId: "sg-partner" })).toThrow(ActionRefused);
    expect(() => attachGroup.perform(d, { nodeId: "web", groupId: "sg-partner" })).toThrow(
      "sg-0abc1234def567890 belongs to AWS account 111122223333, so it cannot be attached to web: an interface takes only security groups of its own account",
    );
    expect(membersOf(d, "sg-partner")).toEqual([]);
  });
  it("is refused for that reason before the per-interface quota", () => {
    let d = sampleWithOtherAccount();
    for (let i = 0; i < GROUPS_PER_INTERFACE - 1; i++) {
      d = addGroup.perform(d, { name: `g${i}` });
      d = attachGroup.perform(d, { nodeId: "web", groupId: d.groups.at(-1)!.id });
    }
    expect(() => attachGroup.perform(d, { nodeId: "web", groupId: "sg-partner" })).toThrow(/belongs to AWS account/);
  });
  it("is not renamed, described or moved into a VPC", () => {
    const d = sampleWithOtherAccount();
    for (const patch of [{ name: "partner" }, { description: "theirs" }, { vpcId: "vpc-1" }])
      expect(() => updateGroup.perform(d, { id: "sg-partner", patch })).toThrow(/belongs to AWS account 111122223333/);
  });
  it("is still named by rules, and a group of this account still attaches", () => {
    const d = attachGroup.perform(sampleWithOtherAccount(), { nodeId: "db", groupId: "sg-web" });
    expect(d.resources[1]?.groupIds).toEqual(["sg-db", "sg-web"]);
    expect(() => validateDesign(d)).not.toThrow();
  });
});

describe("detachGroup", () => {
  it("detaches, and detaching what is not attached changes nothing", () => {
    const d = sampleDesign();
    expect(detachGroup.perform(d, { nodeId: "web", groupId: "sg-web" }).resources[0]?.groupIds).toEqual([]);
    expect(detachGroup.perform(d, { nodeId: "web", groupId: "sg-db" })).toBe(d);
  });
});

describe("updateGroup", () => {
  it("renames and describes", () => {
    const g = updateGroup.perform(sampleDesign(), { id: "sg-web", patch: { name: "front", description: "front door" } })
      .groups[0];
    expect(g).toMatchObject({ name: "front", description: "front door" });
  });
  it("refuses an empty name", () => {
    expect(() => updateGroup.perform(sampleDesign(), { id: "sg-web", patch: { name: " " } })).toThrow(/needs a name/);
  });
  it("refuses a name another group of the VPC has, whatever its case, as AWS does", () => {
    expect(() => updateGroup.perform(sampleDesign(), { id: "sg-web", patch: { name: "DB" } })).toThrow(
      /sg-db in the same VPC is already named "db"/,
    );
    expect(groupNameProblem(sampleDesign(), "sg-web", "web")).toBeUndefined();
  });
  it("takes a name used in another VPC, and refuses a move into a VPC whose group has the name", () => {
    const d = sampleDesign();
    d.vpcs = [...d.vpcs, { id: "vpc-2", name: "other", cidrIpv4: "10.1.0.0/16" }];
    d.resources = d.resources.map((r) => ({ ...r, groupIds: [] }));
    const moved = updateGroup.perform(d, { id: "sg-web", patch: { vpcId: "vpc-2" } });
    expect(updateGroup.perform(moved, { id: "sg-web", patch: { name: "db" } }).groups[0]?.name).toBe("db");
    const renamed = updateGroup.perform(moved, { id: "sg-web", patch: { name: "db" } });
    expect(() => updateGroup.perform(renamed, { id: "sg-web", patch: { vpcId: "vpc-1" } })).toThrow(
      /already named "db"/,
    );
  });
  it('refuses a name that starts with "sg-", which AWS keeps for ids', () => {
    expect(() => updateGroup.perform(sampleDesign(), { id: "sg-web", patch: { name: "sg-123" } })).toThrow(/sg-/);
  });
});

describe("groups on a further network interface", () => {
  /** web with eth1, which has the db group only: AWS keeps each interface's groups apart. */
  const twoInterfaces = () => {
    const d = sampleDesign();
    d.resources[0] = { ...d.resources[0]!, interfaces: [{ id: "eni-admin", deviceIndex: 1, groupIds: ["sg-db"] }] };
    return d;
  };

  it("attaches to eth1 alone, leaving the primary interface's groups as they were", () => {
    const next = attachGroup.perform(twoInterfaces(), { nodeId: "web", groupId: "sg-web", deviceIndex: 1 });
    const web = next.resources[0]!;
    expect(web.interfaces?.[0]?.groupIds).toEqual(["sg-db", "sg-web"]);
    expect(web.groupIds).toEqual(["sg-web"]);
    expect(() => validateDesign(next)).not.toThrow();
  });

  it("without a device index, or with 0, attaches to the primary interface as before", () => {
    for (const deviceIndex of [undefined, 0]) {
      const next = attachGroup.perform(twoInterfaces(), { nodeId: "web", groupId: "sg-db", deviceIndex });
      expect(next.resources[0]?.groupIds).toEqual(["sg-web", "sg-db"]);
      expect(next.resources[0]?.interfaces?.[0]?.groupIds).toEqual(["sg-db"]);
    }
  });

  it("refuses a group already on that interface, naming the interface", () => {
    expect(() => attachGroup.perform(twoInterfaces(), { nodeId: "web", groupId: "sg-db", deviceIndex: 1 })).toThrow(
      "db is already attached to web's eth1",
    );
  });

  it("refuses an interface the resource does not have", () => {
    expect(() => attachGroup.perform(twoInterfaces(), { nodeId: "web", groupId: "sg-web", deviceIndex: 2 })).toThrow(
      "web has no interface eth2",
    );
  });

  it("counts AWS's five groups per interface on that interface", () => {
    let d = twoInterfaces();
    for (let i = 0; i < 4; i++) {
      d = addGroup.perform(d, {});
      d = attachGroup.perform(d, { nodeId: "web", groupId: d.groups.at(-1)!.id, deviceIndex: 1 });
    }
    d = addGroup.perform(d, {});
    const sixth = d.groups.at(-1)!.id;
    expect(() => attachGroup.perform(d, { nodeId: "web", groupId: sixth, deviceIndex: 1 })).toThrow(
      `web's eth1 already has ${GROUPS_PER_INTERFACE} security groups`,
    );
    // The primary interface has room still.
    expect(attachGroup.perform(d, { nodeId: "web", groupId: sixth }).resources[0]?.groupIds).toContain(sixth);
  });

  it("detaches from eth1 alone", () => {
    const d = attachGroup.perform(twoInterfaces(), { nodeId: "web", groupId: "sg-web", deviceIndex: 1 });
    const next = detachGroup.perform(d, { nodeId: "web", groupId: "sg-web", deviceIndex: 1 });
    expect(next.resources[0]?.interfaces?.[0]?.groupIds).toEqual(["sg-db"]);
    expect(next.resources[0]?.groupIds).toEqual(["sg-web"]);
  });

  it("a new group dropped on eth1 is created and attached there", () => {
    const next = addGroupTo.perform(twoInterfaces(), { nodeId: "web", deviceIndex: 1 });
    expect(next.resources[0]?.interfaces?.[0]?.groupIds).toEqual(["sg-db", next.groups.at(-1)!.id]);
  });

  it("lists the interfaces a group is on, eth1 as web/eth1", () => {
    expect(membersOf(twoInterfaces(), "sg-db")).toEqual([
      { end: "web/eth1", nodeId: "web", deviceIndex: 1, name: "web/eth1" },
      { end: "db", nodeId: "db", name: "db" },
    ]);
  });
});
