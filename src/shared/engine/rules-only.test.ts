import { describe, expect, it } from "vitest";
import { emptyDesign, parseDesign } from "../model";
import type { Design, Rule, SecurityGroup } from "../model/schema";
import { groupFlows } from "./group-flows";
import { indexDesign } from "./index-design";
import { LiveFlows } from "./live";
import { rulesOnlyFlows } from "./rules-only";

const tcp = (id: string, port: number, peer: Rule["peer"]): Rule => ({
  id,
  protocol: "tcp",
  fromPort: port,
  toPort: port,
  peer,
});
const group = (id: string, ingress: Rule[], egress: Rule[] = []): SecurityGroup =>
  ({ id, name: id, description: "", vpcId: "vpc", ingress, egress }) as SecurityGroup;

const at = { x: 0, y: 0 };

/** A VPC, the Internet, an office range and a partner host; groups and resources as given. */
function design(groups: SecurityGroup[], resources: Design["resources"] = []): Design {
  return parseDesign(
    JSON.stringify({
      ...emptyDesign("rules only"),
      vpcs: [{ id: "vpc", name: "vpc", cidrIpv4: "10.0.0.0/16" }],
      externals: [
        { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: at },
        { id: "office", kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"], position: at },
        { id: "partner", kind: "cidr", name: "Partner", cidrs: ["203.0.113.7/32"], position: at },
      ],
      resources,
      groups,
    }),
  );
}

const flowsOf = (d: Design) => Object.fromEntries(rulesOnlyFlows(indexDesign(d)).map((f) => [f.id, f]));

describe("rulesOnlyFlows", () => {
  it("draws a memberless group's CIDR ingress from the outside parties the CIDR covers, and only those", () => {
    const d = design([group("sg-web", [tcp("ssh", 22, { kind: "cidr4", cidr: "198.51.100.0/24" })])]);
    const flows = rulesOnlyFlows(indexDesign(d));
    expect(flows).toEqual([
      {
        id: "office->sg-web",
        from: "office",
        to: "sg-web",
        fromKind: "node",
        toKind: "group",
        services: [{ protocol: "tcp", fromPort: 22, toPort: 22 }],
        label: "tcp 22",
        pairs: 0,
        rulesOnly: true,
      },
    ]);
  });

  it("merges the rules from one peer into one edge, and a rule open to the world reaches every party", () => {
    const d = design([
      group("sg-web", [
        tcp("https", 443, { kind: "cidr4", cidr: "0.0.0.0/0" }),
        tcp("http", 80, { kind: "cidr4", cidr: "0.0.0.0/0" }),
        tcp("ssh", 22, { kind: "cidr4", cidr: "198.51.100.0/24" }),
      ]),
    ]);
    const byId = flowsOf(d);
    expect(byId["internet->sg-web"]?.label).toBe("tcp 80, 443");
    expect(byId["office->sg-web"]?.label).toBe("tcp 22, 80, 443");
    expect(byId["partner->sg-web"]?.label).toBe("tcp 80, 443");
    expect(Object.keys(byId)).toHaveLength(3);
  });

  it("draws a group reference from the peer group, and egress from the group to its peer", () => {
    const d = design([
      group("sg-lb", []),
      group(
        "sg-app",
        [tcp("from-lb", 8080, { kind: "group", groupId: "sg-lb" })],
        [tcp("to-partner", 5432, { kind: "cidr4", cidr: "203.0.113.7/32" })],
      ),
    ]);
    const byId = flowsOf(d);
    expect(byId["sg-lb->sg-app"]).toMatchObject({ fromKind: "group", toKind: "group", label: "tcp 8080" });
    expect(byId["sg-app->partner"]).toMatchObject({ fromKind: "group", toKind: "node", label: "tcp 5432" });
    // Egress to one host does not reach the office, nor ingress come from the partner.
    expect(Object.keys(byId).sort()).toEqual(["sg-app->partner", "sg-lb->sg-app"]);
  });

  it("leaves a group with members to its members, and draws a memberless group's rule from a carried peer group", () => {
    const d = design(
      [
        group("sg-app", [], [tcp("to-db", 5432, { kind: "group", groupId: "sg-db" })]),
        group("sg-db", [tcp("from-app", 5432, { kind: "group", groupId: "sg-app" })]),
      ],
      [
        {
          id: "app",
          kind: "instance",
          name: "app",
          vpcId: "vpc",
          privateIpv4: "10.0.1.5",
          groupIds: ["sg-app"],
          position: { x: 0, y: 0 },
        },
      ] as Design["resources"],
    );
    // sg-app has a member: its egress rule to sg-db is no edge of its own (only members make those).
    expect(flowsOf(d)).toEqual({
      "sg-app->sg-db": expect.objectContaining({ from: "sg-app", to: "sg-db", rulesOnly: true, pairs: 0 }),
    });
    // groupFlows joins them to the members' flows (none here: sg-db has no member to receive).
    expect(groupFlows(d).map((f) => f.id)).toEqual(["sg-app->sg-db"]);
  });

  it("draws nothing for a group whose rules match no party", () => {
    const d = design([group("sg-x", [tcp("lan", 22, { kind: "cidr4", cidr: "10.9.0.0/16" })])]);
    expect(rulesOnlyFlows(indexDesign(d))).toEqual([]);
  });
});

describe("LiveFlows with rules-only edges", () => {
  it("sends a memberless group's edges, changes them with its rules, and hands the id to members when one joins", () => {
    const before = design([group("sg-web", [tcp("https", 443, { kind: "cidr4", cidr: "198.51.100.0/24" })])]);
    const live = new LiveFlows(before);
    expect(live.groupFlowList()).toEqual([expect.objectContaining({ id: "office->sg-web", rulesOnly: true })]);

    // A rule edit on a group without members touches no node: the edge changes all the same.
    const widened = design([
      group("sg-web", [
        tcp("https", 443, { kind: "cidr4", cidr: "198.51.100.0/24" }),
        tcp("ssh", 22, { kind: "cidr4", cidr: "198.51.100.0/24" }),
      ]),
    ]);
    const edit = live.update(widened);
    expect(edit.groupFlows.upsert).toEqual([expect.objectContaining({ id: "office->sg-web", label: "tcp 22, 443" })]);
    expect(edit.groupFlows.remove).toEqual([]);

    // A member joins: the same id now stands for a node pair, sent as one upsert, not also removed.
    const joined = design(widened.groups, [
      {
        id: "web",
        kind: "instance",
        name: "web",
        vpcId: "vpc",
        privateIpv4: "10.0.1.5",
        groupIds: ["sg-web"],
        position: { x: 0, y: 0 },
      },
    ] as Design["resources"]);
    const join = live.update(joined);
    expect(join.groupFlows.remove).not.toContain("office->sg-web");
    const now = join.groupFlows.upsert.find((f) => f.id === "office->sg-web");
    expect(now).toMatchObject({ pairs: 1, label: "tcp 22, 443" });
    expect(now?.rulesOnly).toBeUndefined();
    expect(live.groupFlowList().filter((f) => f.rulesOnly)).toEqual([]);
    // And back: the member leaves, the edge is the rules' again.
    const left = live.update(widened);
    expect(left.groupFlows.remove).not.toContain("office->sg-web");
    expect(left.groupFlows.upsert).toEqual([expect.objectContaining({ id: "office->sg-web", rulesOnly: true })]);
  });
});
