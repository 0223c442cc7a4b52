import { describe, expect, it } from "vitest";
import { emptyDesign, validateDesign } from "../../model/document";
import type { Design, External, Intent, Resource, Rule, SecurityGroup } from "../../model/schema";
import { evaluateFlow } from "../evaluate";
import { permittedFlows } from "../flows";
import { applyChanges, describeChanges } from "./changes";
import { unsatisfiedIntents } from "./intents";
import { permittedPairCount } from "./pairs";
import { proposeFix } from "./propose";

const at = { x: 0, y: 0 };
const allOut = (id: string): Rule => ({ id: `${id}-out`, protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } });
const group = (id: string, name: string, extra: Partial<SecurityGroup> = {}): SecurityGroup => ({
  id,
  name,
  description: name,
  vpcId: "vpc-1",
  ingress: [],
  egress: [allOut(id)],
  ...extra,
});
const node = (id: string, groupIds: string[], privateIpv4?: string): Resource => ({
  id,
  kind: "instance",
  name: id,
  vpcId: "vpc-1",
  ...(privateIpv4 ? { privateIpv4 } : {}),
  groupIds,
  position: at,
});
const internet: External = {
  id: "internet",
  kind: "internet",
  name: "Internet",
  cidrs: ["0.0.0.0/0", "::/0"],
  position: at,
};
const office: External = {
  id: "office",
  kind: "cidr",
  name: "Office",
  cidrs: ["198.51.100.0/25", "198.51.100.128/25"],
  position: at,
};

function design(groups: SecurityGroup[], resources: Resource[], externals: External[] = [internet]): Design {
  return validateDesign({
    ...emptyDesign("fix"),
    vpcs: [{ id: "vpc-1", name: "main", cidrIpv4: "10.0.0.0/16" }],
    groups,
    resources,
    externals,
  });
}
const intent = (from: string, to: string, protocol = "tcp", port: number | null = 5432): Intent => ({
  id: "i1",
  from,
  to,
  protocol,
  ...(port !== null ? { port } : {}),
});
const permitted = (d: Design, i: Intent) =>
  evaluateFlow(d, { from: i.from, to: i.to, protocol: i.protocol, ...(i.port !== undefined ? { port: i.port } : {}) })
    .permitted;

describe("proposeFix", () => {
  it("admits the source's group into the target's ingress when that group holds only the source", () => {
    const d = design(
      [group("sg-app", "app"), group("sg-db", "db")],
      [node("app", ["sg-app"], "10.0.2.11"), node("db", ["sg-db"], "10.0.3.20")],
    );
    const fix = proposeFix(d, intent("app", "db"));
    expect(fix.diff).toEqual(["+ group db inbound: tcp 5432 from group app"]);
    expect(fix.newPairs).toBe(1);
    expect(permitted(fix.design, intent("app", "db"))).toBe(true);
  });

  it("uses a /32 rather than a group that would also admit the group's other members", () => {
    const d = design(
      [group("sg-app", "app"), group("sg-db", "db")],
      [
        node("app-1", ["sg-app"], "10.0.2.11"),
        node("app-2", ["sg-app"], "10.0.2.12"),
        node("db", ["sg-db"], "10.0.3.20"),
      ],
    );
    const fix = proposeFix(d, intent("app-1", "db"));
    expect(fix.diff).toEqual(["+ group db inbound: tcp 5432 from 10.0.2.11/32"]);
    // The group reference is offered as an alternative that opens one pair more.
    expect(fix.alternatives[0]).toMatchObject({
      diff: ["+ group db inbound: tcp 5432 from group app"],
      newPairs: 2,
    });
  });

  it("between pairs that already talk, widens the fewest: a /32 rather than the whole group", () => {
    const ssh = {
      id: "db-ssh",
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      peer: { kind: "group", groupId: "sg-app" },
    } as Rule;
    const d = design(
      [group("sg-app", "app"), group("sg-db", "db", { ingress: [ssh] })],
      [
        node("app-1", ["sg-app"], "10.0.2.11"),
        node("app-2", ["sg-app"], "10.0.2.12"),
        node("db", ["sg-db"], "10.0.3.20"),
      ],
    );
    const fix = proposeFix(d, intent("app-1", "db"));
    expect(fix.diff).toEqual(["+ group db inbound: tcp 5432 from 10.0.2.11/32"]);
    expect(fix).toMatchObject({ newPairs: 0, widenedPairs: 1 });
    expect(fix.alternatives[0]).toMatchObject({ newPairs: 0, widenedPairs: 2 });
  });

  it("adds an egress rule on the source side too where its egress blocks the flow", () => {
    const d = design(
      [group("sg-app", "app", { egress: [] }), group("sg-db", "db")],
      [node("app", ["sg-app"], "10.0.2.11"), node("db", ["sg-db"], "10.0.3.20")],
    );
    const fix = proposeFix(d, intent("app", "db"));
    expect(fix.diff).toEqual([
      "+ group db inbound: tcp 5432 from group app",
      "+ group app outbound: tcp 5432 to group db",
    ]);
    expect(permitted(fix.design, intent("app", "db"))).toBe(true);
  });

  it("changes only the egress when the target already admits the source", () => {
    const d = design(
      [
        group("sg-app", "app", { egress: [] }),
        group("sg-db", "db", {
          ingress: [
            { id: "db-in", protocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "group", groupId: "sg-app" } },
          ],
        }),
      ],
      [node("app", ["sg-app"], "10.0.2.11"), node("db", ["sg-db"], "10.0.3.20")],
    );
    expect(proposeFix(d, intent("app", "db")).diff).toEqual(["+ group app outbound: tcp 5432 to group db"]);
  });

  it("admits an external party by exactly its own CIDRs, one rule each", () => {
    const d = design([group("sg-web", "web")], [node("web", ["sg-web"], "10.0.1.5")], [internet, office]);
    expect(proposeFix(d, intent("office", "web", "tcp", 22)).diff).toEqual([
      "+ group web inbound: tcp 22 from 198.51.100.0/25",
      "+ group web inbound: tcp 22 from 198.51.100.128/25",
    ]);
    expect(proposeFix(d, intent("internet", "web", "tcp", 443)).diff).toEqual([
      "+ group web inbound: tcp 443 from 0.0.0.0/0",
    ]);
  });

  it("says plainly what a fix opens: the intended pair, and nothing else, or what else", () => {
    const alone = design([group("sg-web", "web")], [node("web", ["sg-web"], "10.0.1.5")], [internet]);
    const fix = proposeFix(alone, intent("internet", "web", "tcp", 443));
    expect(fix.summary).toBe("Opens web to Internet on tcp 443; nothing else changes.");
    // 0.0.0.0/0 covers the office too.
    const both = design([group("sg-web", "web")], [node("web", ["sg-web"], "10.0.1.5")], [internet, office]);
    expect(proposeFix(both, intent("internet", "web", "tcp", 443)).summary).toBe(
      "Opens web to Internet on tcp 443; it also lets 1 other pair of nodes talk that could not before.",
    );
    // Not the engine's counts ("node pairs opened (no flow before): 1"), nor a made-up id.
    expect(fix.summary).not.toMatch(/pairs opened|sg-web/);
  });

  it("adds an egress rule to the Internet's CIDR for an outbound intent", () => {
    const d = design([group("sg-db", "db", { egress: [] })], [node("db", ["sg-db"], "10.0.3.20")]);
    const fix = proposeFix(d, intent("db", "internet", "tcp", 443));
    expect(fix.diff).toEqual(["+ group db outbound: tcp 443 to 0.0.0.0/0"]);
    expect(fix.warnings).toEqual([]);
  });

  it("warns when the intent itself opens a database port to the whole Internet", () => {
    const d = design([group("sg-db", "db")], [node("db", ["sg-db"], "10.0.3.20")]);
    const fix = proposeFix(d, intent("internet", "db"));
    expect(fix.diff).toEqual(["+ group db inbound: tcp 5432 from 0.0.0.0/0"]);
    expect(fix.warnings).toEqual([expect.stringMatching(/^Database port open to the Internet: /)]);
  });

  it("creates and attaches a group named after a target that has none", () => {
    const d = design([group("sg-app", "app")], [node("app", ["sg-app"], "10.0.2.11"), node("cache", [], "10.0.3.7")]);
    const fix = proposeFix(d, intent("app", "cache", "tcp", 6379));
    expect(fix.diff).toEqual([
      "+ new group cache in main, all outbound traffic allowed (AWS's default for a new group)",
      "+ attach group cache to cache",
      "+ group cache inbound: tcp 6379 from group app",
    ]);
    // The new group is as AWS makes one: all outbound traffic allowed, over IPv4 (this VPC has no IPv6).
    expect(fix.design.groups.find((g) => g.id === "sg-cache")?.egress).toEqual([
      expect.objectContaining({ protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }),
    ]);
    // app -> cache, and cache -> the Internet through its default egress: said plainly.
    expect(fix.newPairs).toBe(2);
    expect(fix.summary).toBe(
      "Opens cache to app on tcp 6379; it also lets 1 other pair of nodes talk that could not before.",
    );
  });

  it("creates a group for a source that has none: its default egress lets the flow out, no rule is added", () => {
    const d = design([group("sg-db", "db")], [node("job", [], "10.0.2.9"), node("db", ["sg-db"], "10.0.3.20")]);
    const fix = proposeFix(d, intent("job", "db"));
    expect(fix.diff).toEqual([
      "+ group db inbound: tcp 5432 from 10.0.2.9/32",
      "+ new group job in main, all outbound traffic allowed (AWS's default for a new group)",
      "+ attach group job to job",
    ]);
    expect(permitted(fix.design, intent("job", "db"))).toBe(true);
  });

  it("prefers a group reference for a source whose private address is not stated", () => {
    const d = design(
      [group("sg-app", "app"), group("sg-db", "db")],
      [node("app", ["sg-app"]), node("other", ["sg-db"], "10.0.9.9"), node("db", ["sg-db"], "10.0.3.20")],
    );
    expect(proposeFix(d, intent("app", "db")).diff).toEqual(["+ group db inbound: tcp 5432 from group app"]);
  });

  it("returns no change for an intent that already holds", () => {
    const d = design([group("sg-web", "web")], [node("web", ["sg-web"], "10.0.1.5")]);
    const fix = proposeFix(d, intent("web", "internet", "tcp", 443));
    expect(fix.changes).toEqual([]);
    expect(fix.summary).toMatch(/already holds/);
  });

  it("allows all traffic for an all-traffic intent", () => {
    const d = design(
      [group("sg-a", "a"), group("sg-b", "b")],
      [node("a", ["sg-a"], "10.0.1.1"), node("b", ["sg-b"], "10.0.1.2")],
    );
    expect(proposeFix(d, intent("a", "b", "-1", null)).diff).toEqual(["+ group b inbound: all traffic from group a"]);
  });

  it("refuses an intent the engine cannot evaluate, with the reason", () => {
    const d = design([group("sg-web", "web")], [node("web", ["sg-web"], "10.0.1.5")]);
    expect(() => proposeFix(d, intent("web", "nowhere"))).toThrow(/nowhere/);
    expect(() => proposeFix(d, intent("internet", "web", "tcp", null))).toThrow(/needs a port/);
  });
});

describe("changes", () => {
  it("applying changes leaves the original design untouched and yields a valid design", () => {
    const d = design([group("sg-app", "app")], [node("app", ["sg-app"], "10.0.2.11"), node("cache", [], "10.0.3.7")]);
    const copy = structuredClone(d);
    const fix = proposeFix(d, intent("app", "cache", "tcp", 6379));
    expect(d).toEqual(copy);
    expect(() => validateDesign(applyChanges(d, fix.changes))).not.toThrow();
  });

  it("a change naming an unknown group is an input error, not a crash", () => {
    const d = design([], []);
    expect(() =>
      applyChanges(d, [{ kind: "addRule", groupId: "sg-x", direction: "ingress", rule: allOut("x") }]),
    ).toThrow(/no security group has id "sg-x"/);
    expect(describeChanges(d, [])).toEqual([]);
  });
});

describe("unsatisfiedIntents", () => {
  it("lists the intents the rules do not permit, with the engine's reason", () => {
    const d: Design = {
      ...design([group("sg-db", "db")], [node("db", ["sg-db"], "10.0.3.20")]),
      intents: [intent("internet", "db"), { ...intent("db", "internet", "tcp", 443), id: "i2" }],
    };
    const open = unsatisfiedIntents(d);
    expect(open.map((u) => u.intent.id)).toEqual(["i1"]);
    expect(open[0]?.message).toMatch(/Not permitted/);
  });
});

describe("permittedPairCount", () => {
  it("counts the ordered node pairs permittedFlows draws, without drawing them", () => {
    const d = design(
      [
        group("sg-app", "app"),
        group("sg-db", "db", {
          ingress: [allOut("db-in")].map((r) => ({ ...r, peer: { kind: "group" as const, groupId: "sg-app" } })),
        }),
      ],
      [
        node("app-1", ["sg-app"], "10.0.2.11"),
        node("app-2", ["sg-app"], "10.0.2.12"),
        node("db", ["sg-db"], "10.0.3.20"),
      ],
      [internet, office],
    );
    expect(permittedPairCount(d)).toBe(permittedFlows(d).length);
    expect(permittedPairCount(d)).toBeGreaterThan(2);
  });
});
