import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Design, emptyDesign, newSecurityGroup, parseDesign, type Rule } from "../model";
import { InputError } from "../model/problems";
import { evaluateFlow } from "./evaluate";
import { permittedFlows } from "./flows";
import { resolveEndpoint } from "./resolve";

const example = (name: string) => parseDesign(readFileSync(`examples/${name}.palisade.json`, "utf8"));

/** Two instances a and b (10.0.1.1, 10.0.1.2) with groups sg-a and sg-b, plus the Internet. */
function pair(
  rules: { aEgress?: Rule[]; bIngress?: Rule[]; bGroups?: string[]; extra?: Partial<Design> } = {},
): Design {
  const d = emptyDesign("pair");
  d.vpcs = [{ id: "vpc", name: "vpc", cidrIpv4: "10.0.0.0/16", cidrIpv6: "2001:db8::/56" }];
  d.groups = [
    newSecurityGroup({ id: "sg-a", name: "a", ...(rules.aEgress ? { egress: rules.aEgress } : {}) }),
    newSecurityGroup({ id: "sg-b", name: "b", ingress: rules.bIngress ?? [] }),
    newSecurityGroup({ id: "sg-c", name: "c" }),
  ];
  d.resources = [
    {
      id: "a",
      kind: "instance",
      name: "a",
      vpcId: "vpc",
      privateIpv4: "10.0.1.1",
      publicIpv4: "54.0.0.1",
      groupIds: ["sg-a"],
      position: { x: 0, y: 0 },
    },
    {
      id: "b",
      kind: "instance",
      name: "b",
      vpcId: "vpc",
      privateIpv4: "10.0.1.2",
      publicIpv4: "54.0.0.2",
      ipv6: "2001:db8::2",
      groupIds: rules.bGroups ?? ["sg-b"],
      position: { x: 0, y: 0 },
    },
    { id: "c", kind: "instance", name: "c", vpcId: "vpc", groupIds: ["sg-c"], position: { x: 0, y: 0 } },
  ];
  d.externals = [
    { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: { x: 0, y: 0 } },
  ];
  return { ...d, ...rules.extra };
}

const tcp = (port: number, peer: Rule["peer"], to = port): Rule => ({
  id: `r-${port}-${JSON.stringify(peer)}`,
  protocol: "tcp",
  fromPort: port,
  toPort: to,
  peer,
});
const v4 = (cidr: string) => ({ kind: "cidr4", cidr }) as const;
const v6 = (cidr: string) => ({ kind: "cidr6", cidr }) as const;
const group = (groupId: string) => ({ kind: "group", groupId }) as const;

describe("evaluateFlow: AWS semantics", () => {
  const cases: {
    name: string;
    design: Design;
    from: string;
    to: string;
    protocol: string;
    port?: number;
    icmpType?: number;
    icmpCode?: number;
    permitted: boolean;
  }[] = [
    {
      name: "a new group allows no inbound traffic",
      design: pair(),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 80,
      permitted: false,
    },
    {
      name: "an ingress rule for the port and the source group admits it",
      design: pair({ bIngress: [tcp(80, group("sg-a"))] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 80,
      permitted: true,
    },
    {
      name: "the port must be inside the rule's range",
      design: pair({ bIngress: [tcp(80, group("sg-a"))] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 81,
      permitted: false,
    },
    {
      name: "a port range includes both ends",
      design: pair({ bIngress: [tcp(8000, v4("0.0.0.0/0"), 8080)] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 8080,
      permitted: true,
    },
    {
      name: "tcp rules do not admit udp",
      design: pair({ bIngress: [tcp(53, v4("0.0.0.0/0"))] }),
      from: "a",
      to: "b",
      protocol: "udp",
      port: 53,
      permitted: false,
    },
    {
      name: "protocol numbers and names are the same thing",
      design: pair({ bIngress: [{ id: "n", protocol: "6", fromPort: 22, toPort: 22, peer: v4("10.0.0.0/16") }] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 22,
      permitted: true,
    },
    {
      name: "-1 admits every protocol and ignores ports",
      design: pair({ bIngress: [{ id: "all", protocol: "-1", peer: group("sg-a") }] }),
      from: "a",
      to: "b",
      protocol: "udp",
      port: 9999,
      permitted: true,
    },
    {
      name: "egress must allow it too",
      design: pair({ aEgress: [], bIngress: [tcp(80, group("sg-a"))] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 80,
      permitted: false,
    },
    {
      name: "egress by group reference to the target's group",
      design: pair({ aEgress: [tcp(80, group("sg-b"))], bIngress: [tcp(80, group("sg-a"))] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 80,
      permitted: true,
    },
    {
      name: "the rules of all groups on an interface are unioned",
      design: pair({ bGroups: ["sg-b", "sg-c"], bIngress: [], extra: {} }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 80,
      permitted: false,
    },
    {
      name: "a group reference matches private, never public, addresses",
      design: pair({ bIngress: [tcp(443, v4("54.0.0.1/32"))] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 443,
      permitted: false,
    },
    {
      name: "traffic inside the VPC uses private addresses",
      design: pair({ bIngress: [tcp(443, v4("10.0.1.1/32"))] }),
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 443,
      permitted: true,
    },
    {
      name: "an IPv4 rule never matches IPv6 traffic",
      design: pair({ bIngress: [tcp(443, v4("0.0.0.0/0"))] }),
      from: "2001:db8:ff::1",
      to: "b",
      protocol: "tcp",
      port: 443,
      permitted: false,
    },
    {
      name: "an IPv6 rule admits IPv6 traffic",
      design: pair({ bIngress: [tcp(443, v6("::/0"))] }),
      from: "2001:db8:ff::1",
      to: "b",
      protocol: "tcp",
      port: 443,
      permitted: true,
    },
    {
      name: "the Internet is admitted only by a rule covering all of it",
      design: pair({ bIngress: [tcp(22, v4("203.0.113.0/24"))] }),
      from: "internet",
      to: "b",
      protocol: "tcp",
      port: 22,
      permitted: false,
    },
    {
      name: "two halves cover the Internet together",
      design: pair({ bIngress: [tcp(22, v4("0.0.0.0/1")), tcp(22, v4("128.0.0.0/1"))] }),
      from: "internet",
      to: "b",
      protocol: "tcp",
      port: 22,
      permitted: true,
    },
    {
      name: "an address inside the rule's CIDR is admitted",
      design: pair({ bIngress: [tcp(22, v4("203.0.113.0/24"))] }),
      from: "203.0.113.9",
      to: "b",
      protocol: "tcp",
      port: 22,
      permitted: true,
    },
    {
      name: "an unstated private address is matched by 0.0.0.0/0",
      design: pair({ bIngress: [tcp(22, v4("0.0.0.0/0"))] }),
      from: "c",
      to: "b",
      protocol: "tcp",
      port: 22,
      permitted: true,
    },
    {
      name: "an unstated private address is matched by its VPC's block",
      design: pair({ bIngress: [tcp(22, v4("10.0.0.0/16"))] }),
      from: "c",
      to: "b",
      protocol: "tcp",
      port: 22,
      permitted: true,
    },
    {
      name: "an unstated private address is not matched by a narrower CIDR",
      design: pair({ bIngress: [tcp(22, v4("10.0.1.0/24"))] }),
      from: "c",
      to: "b",
      protocol: "tcp",
      port: 22,
      permitted: false,
    },
    {
      name: "IPv6 traffic needs a stated IPv6 address",
      design: pair({ bIngress: [tcp(22, v6("::/0"))] }),
      from: "2001:db8:ff::1",
      to: "a",
      protocol: "tcp",
      port: 22,
      permitted: false,
    },
    {
      name: "ICMP: -1 type admits every type",
      design: pair({ bIngress: [{ id: "i", protocol: "icmp", fromPort: -1, toPort: -1, peer: v4("0.0.0.0/0") }] }),
      from: "a",
      to: "b",
      protocol: "icmp",
      icmpType: 3,
      icmpCode: 4,
      permitted: true,
    },
    {
      name: "ICMP: type and code must match",
      design: pair({ bIngress: [{ id: "i", protocol: "icmp", fromPort: 8, toPort: 0, peer: v4("0.0.0.0/0") }] }),
      from: "a",
      to: "b",
      protocol: "icmp",
      icmpType: 8,
      icmpCode: 1,
      permitted: false,
    },
    {
      name: "ICMP: echo request by default",
      design: pair({ bIngress: [{ id: "i", protocol: "icmp", fromPort: 8, toPort: -1, peer: v4("0.0.0.0/0") }] }),
      from: "a",
      to: "b",
      protocol: "icmp",
      permitted: true,
    },
    {
      name: "icmpv6 is its own protocol",
      design: pair({ bIngress: [{ id: "i", protocol: "icmp", fromPort: -1, toPort: -1, peer: v4("0.0.0.0/0") }] }),
      from: "2001:db8:ff::1",
      to: "b",
      protocol: "icmpv6",
      permitted: false,
    },
    {
      name: "other protocol numbers ignore ports",
      design: pair({ bIngress: [{ id: "esp", protocol: "50", peer: group("sg-a") }] }),
      from: "a",
      to: "b",
      protocol: "50",
      permitted: true,
    },
    {
      name: "a prefix list admits its entries",
      design: pair({
        bIngress: [
          {
            id: "pl",
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            peer: { kind: "prefixList", prefixListId: "pl-office" },
          },
        ],
        extra: {
          prefixLists: [
            {
              id: "pl-office",
              name: "office",
              addressFamily: "IPv4",
              maxEntries: 5,
              entries: [{ cidr: "198.51.100.0/24" }],
            },
          ],
        },
      }),
      from: "198.51.100.7",
      to: "b",
      protocol: "tcp",
      port: 443,
      permitted: true,
    },
    {
      name: "an outside party's egress is not filtered",
      design: pair({ bIngress: [tcp(80, v4("0.0.0.0/0"))] }),
      from: "internet",
      to: "b",
      protocol: "tcp",
      port: 80,
      permitted: true,
    },
    {
      name: "an outside target has no ingress filter",
      design: pair(),
      from: "a",
      to: "internet",
      protocol: "udp",
      port: 123,
      permitted: true,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const { design, permitted, name: _, ...query } = c;
      expect(evaluateFlow(design, query).permitted).toBe(permitted);
    });

  it("a self reference admits the group's own members", () => {
    const d = pair();
    const self = newSecurityGroup({ id: "sg-default", name: "default", isDefault: true });
    d.groups.push(self);
    (d.resources[0] as { groupIds: string[] }).groupIds = ["sg-default"];
    (d.resources[1] as { groupIds: string[] }).groupIds = ["sg-default"];
    expect(evaluateFlow(d, { from: "a", to: "b", protocol: "tcp", port: 5432 }).permitted).toBe(true);
    expect(evaluateFlow(d, { from: "c", to: "b", protocol: "tcp", port: 5432 }).permitted).toBe(false);
  });
});

describe("evaluateFlow: explanations", () => {
  it("names the rule that allows a flow on each side", () => {
    const v = evaluateFlow(example("three-tier"), { from: "app-1", to: "db", protocol: "tcp", port: 5432 });
    expect(v.permitted).toBe(true);
    const ipv4 = v.families[0];
    expect(ipv4?.ingress.matched.map((m) => m.ruleId)).toEqual(["db-from-app"]);
    expect(ipv4?.egress.matched[0]?.text).toContain("all traffic to 0.0.0.0/0");
    expect(v.explanation).toMatch(/stateful/);
  });

  it("says which side drops a blocked flow and why the closest rule missed", () => {
    const v = evaluateFlow(example("three-tier"), { from: "internet", to: "db", protocol: "tcp", port: 5432 });
    expect(v.permitted).toBe(false);
    expect(v.droppedAt).toEqual({ side: "ingress", nodeId: "db", groupIds: ["sg-db"] });
    expect(v.families[0]?.ingress.misses[0]).toMatchObject({ reason: "peer", rule: { ruleId: "db-from-app" } });
    expect(v.explanation).toMatch(/timeout/);
    expect(v.explanation).toMatch(/members' private addresses/);
  });

  it("drops at the source when its egress refuses, before the target is reached", () => {
    const v = evaluateFlow(example("three-tier"), { from: "db", to: "app-1", protocol: "tcp", port: 8080 });
    expect(v.droppedAt?.side).toBe("egress");
    expect(v.families[0]?.egress.reason).toMatch(/No outbound rule in group db:/);
  });

  it("names a rule aimed at a public address that traffic inside AWS never uses", () => {
    const v = evaluateFlow(pair({ bIngress: [tcp(443, v4("54.0.0.1/32"))] }), {
      from: "a",
      to: "b",
      protocol: "tcp",
      port: 443,
    });
    expect(v.families[0]?.ingress.misses[0]?.detail).toMatch(/public address 54.0.0.1.*private address 10.0.1.1/);
  });

  it("explains an unstated address against a narrower CIDR", () => {
    const v = evaluateFlow(pair({ bIngress: [tcp(22, v4("10.0.1.0/24"))] }), {
      from: "c",
      to: "b",
      protocol: "tcp",
      port: 22,
    });
    expect(v.families[0]?.ingress.misses[0]?.detail).toMatch(
      /10.0.1.0\/24 covers only part of c.s private IPv4, not stated, somewhere in VPC vpc \(10.0.0.0\/16\)/,
    );
  });

  it("treats a literal address of a resource as that resource", () => {
    const v = evaluateFlow(example("three-tier"), { from: "10.0.2.11", to: "db", protocol: "tcp", port: 5432 });
    expect(v.permitted).toBe(true);
    expect(v.explanation).toMatch(/10.0.2.11 is app-1's address/);
  });

  it.each([
    [{ from: "nope", to: "db", protocol: "tcp", port: 1 }, /neither a node id/],
    [{ from: "app-1", to: "db", protocol: "tcp" }, /tcp needs a port/],
    [{ from: "app-1", to: "db", protocol: "tcp", port: 70000 }, /out of range: expected 0-65535/],
    [{ from: "app-1", to: "db", protocol: "bogus", port: 1 }, /not a protocol/],
    [{ from: "app-1", to: "app-1", protocol: "tcp", port: 1 }, /same node/],
    [{ from: "internet", to: "office", protocol: "tcp", port: 1 }, /neither Internet nor Office is inside AWS/],
  ])("refuses a bad query %j", (query, message) => {
    expect(() => evaluateFlow(example("three-tier"), query)).toThrow(InputError);
    expect(() => evaluateFlow(example("three-tier"), query)).toThrow(message);
  });
});

describe("permittedFlows", () => {
  it("draws the three-tier design's flows, one edge per ordered pair with its ports", () => {
    const edges = permittedFlows(example("three-tier"));
    const byId = Object.fromEntries(edges.map((e) => [e.id, e.label]));
    expect(byId["internet->alb"]).toBe("tcp 80, 443");
    expect(byId["alb->app-1"]).toBe("tcp 8080");
    expect(byId["app-2->db"]).toBe("tcp 5432");
    expect(byId["office->app-1"]).toBe("tcp 22");
    expect(byId["internet->db"]).toBeUndefined();
    expect(byId["db->app-1"]).toBeUndefined();
    // No self-reference in sg-app: the two app servers cannot talk to each other.
    expect(byId["app-1->app-2"]).toBeUndefined();
    expect(edges.find((e) => e.id === "internet->alb")?.exposure).toBe("internet");
  });

  it("says when only IPv6 carries a flow", () => {
    const edges = permittedFlows(pair({ bIngress: [tcp(443, v6("::/0"))] }));
    expect(edges.find((e) => e.id === "internet->b")?.label).toBe("tcp 443 (IPv6 only)");
  });

  it("links members of a self-referencing group both ways", () => {
    const d = pair({ bIngress: [{ id: "self", protocol: "-1", peer: group("sg-b") }] });
    (d.resources[2] as { groupIds: string[] }).groupIds = ["sg-b"];
    const ids = permittedFlows(d).map((e) => e.id);
    expect(ids).toContain("b->c");
    expect(ids).toContain("c->b");
  });
});

describe("resolveEndpoint", () => {
  it("finds nodes by id, by name ignoring case, and passes addresses through", () => {
    const d = example("three-tier");
    expect(resolveEndpoint(d, "APP-1")).toBe("app-1");
    expect(resolveEndpoint(d, "office")).toBe("office");
    expect(resolveEndpoint(d, "10.9.9.9")).toBe("10.9.9.9");
    expect(resolveEndpoint(d, "internet")).toBe("internet");
  });

  it("lists the candidates of an ambiguous name", () => {
    const d = example("three-tier");
    (d.resources[1] as { name: string }).name = "app";
    (d.resources[2] as { name: string }).name = "App";
    expect(() => resolveEndpoint(d, "app")).toThrow(/ambiguous.*app-1.*app-2/);
  });

  it("suggests close names for an unknown one", () => {
    expect(() => resolveEndpoint(example("three-tier"), "app")).toThrow(/did you mean app-1, app-2/);
  });
});
