import { describe, expect, it } from "vitest";
import { emptyDesign, validateDesign } from "../../model/document";
import type { Design, Intent, Peer, PrefixList, Resource, Rule, SecurityGroup } from "../../model/schema";
import { findings } from "./index";

// Small designs, written the way an architect would draw them.
const v4 = (cidr: string): Peer => ({ kind: "cidr4", cidr });
const v6 = (cidr: string): Peer => ({ kind: "cidr6", cidr });
const sg = (groupId: string): Peer => ({ kind: "group", groupId });
let n = 0;
const tcp = (from: number, to: number, peer: Peer): Rule => ({
  id: `r${++n}`,
  protocol: "tcp",
  fromPort: from,
  toPort: to,
  peer,
});
const all = (peer: Peer): Rule => ({ id: `r${++n}`, protocol: "-1", peer });
const group = (id: string, ingress: Rule[], extra: Partial<SecurityGroup> = {}): SecurityGroup => ({
  id,
  name: id,
  description: id,
  vpcId: "vpc-1",
  ingress,
  egress: [all(v4("0.0.0.0/0"))],
  ...extra,
});
const node = (id: string, groupIds: string[], extra: Partial<Resource> = {}): Resource => ({
  id,
  kind: "instance",
  name: id,
  vpcId: "vpc-1",
  privateIpv4: "10.0.0.5",
  groupIds,
  position: { x: 0, y: 0 },
  ...extra,
});

function design(
  groups: SecurityGroup[],
  parts: { resources?: Resource[]; prefixLists?: PrefixList[]; intents?: Intent[]; vpcs?: string[] } = {},
): Design {
  return validateDesign({
    ...emptyDesign("test"),
    vpcs: (parts.vpcs ?? ["vpc-1"]).map((id) => ({ id, name: id, cidrIpv4: "10.0.0.0/16" })),
    groups,
    // By default every group has a member, so that only the finding under test fires.
    resources: parts.resources ?? groups.map((g, i) => node(`n${i}`, [g.id], { vpcId: g.vpcId })),
    externals: [
      { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: { x: 0, y: 0 } },
    ],
    prefixLists: parts.prefixLists ?? [],
    intents: parts.intents ?? [],
  });
}

const codes = (d: Design) => findings(d).map((f) => f.code);
const manyRules = (count: number, peer: (i: number) => Peer) =>
  Array.from({ length: count }, (_, i) => tcp(1000 + i, 1000 + i, peer(i)));
const list = (maxEntries: number): PrefixList => ({
  id: "pl-1",
  name: "vpn",
  addressFamily: "IPv4",
  maxEntries,
  entries: [],
});

describe("findings: one design that triggers each, one that does not", () => {
  it.each<[string, Design, Design]>([
    [
      "ssh-open-to-world",
      design([group("web", [tcp(22, 22, v4("0.0.0.0/0"))])]),
      design([group("web", [tcp(22, 22, v4("203.0.113.0/24"))])]),
    ],
    [
      "rdp-open-to-world",
      design([group("win", [tcp(3389, 3389, v6("::/0"))])]),
      design([group("win", [tcp(3389, 3389, v6("2001:db8::/32"))])]),
    ],
    [
      "database-open-to-world",
      design([group("db", [tcp(5432, 5432, v4("0.0.0.0/0"))])]),
      design([group("db", [tcp(5432, 5432, sg("db"))])]),
    ],
    [
      "all-traffic-from-anywhere",
      design([group("open", [all(v4("0.0.0.0/0"))])]),
      design([group("open", [all(v4("10.0.0.0/8"))])]),
    ],
    [
      "group-without-members",
      design([group("web", []), group("spare", [])], { resources: [node("a", ["web"])] }),
      design([group("web", [])], { resources: [node("a", ["web"])] }),
    ],
    [
      "shadowed-rule",
      design([group("web", [tcp(0, 65535, v4("10.0.0.0/8")), tcp(443, 443, v4("10.1.0.0/16"))])]),
      design([group("web", [tcp(0, 65535, v4("10.0.0.0/8")), tcp(443, 443, v4("172.16.0.0/12"))])]),
    ],
    [
      "duplicate-rule",
      design([group("web", [tcp(443, 443, v4("10.0.0.0/8")), tcp(443, 443, v4("10.0.0.0/8"))])]),
      design([group("web", [tcp(443, 443, v4("10.0.0.0/8")), tcp(443, 443, v6("2001:db8::/32"))])]),
    ],
    [
      "group-in-other-vpc",
      design([group("a", [tcp(443, 443, sg("b"))]), group("b", [], { vpcId: "vpc-2" })], { vpcs: ["vpc-1", "vpc-2"] }),
      design([group("a", [tcp(443, 443, sg("b"))]), group("b", [])], { vpcs: ["vpc-1", "vpc-2"] }),
    ],
    [
      "quota-rules-per-group",
      design([
        group(
          "big",
          manyRules(61, () => v4("10.0.0.0/8")),
        ),
      ]),
      design([group("big", [...manyRules(60, () => v4("10.0.0.0/8")), ...manyRules(60, () => v6("2001:db8::/32"))])]),
    ],
    [
      "quota-groups-per-interface",
      design(
        ["a", "b", "c", "d", "e", "f"].map((id) => group(id, [])),
        { resources: [node("x", ["a", "b", "c", "d", "e", "f"])] },
      ),
      design(
        ["a", "b", "c", "d", "e"].map((id) => group(id, [])),
        { resources: [node("x", ["a", "b", "c", "d", "e"])] },
      ),
    ],
    [
      "quota-rules-times-groups",
      design(
        ["a", "b", "c", "d", "e"].map((id) =>
          group(
            id,
            manyRules(201, (i) => v4(`10.${i}.0.0/16`)),
          ),
        ),
        { resources: [node("x", ["a", "b", "c", "d", "e"])] },
      ),
      design(
        ["a", "b", "c", "d", "e"].map((id) =>
          group(
            id,
            manyRules(200, (i) => v4(`10.${i}.0.0/16`)),
          ),
        ),
        { resources: [node("x", ["a", "b", "c", "d", "e"])] },
      ),
    ],
    [
      "intent-invalid",
      design([group("db", [])], { intents: [{ id: "i1", from: "internet", to: "n0", protocol: "tcp" }] }),
      design([group("db", [])], { intents: [{ id: "i1", from: "internet", to: "n0", protocol: "tcp", port: 1 }] }),
    ],
    [
      "intent-not-satisfied",
      design([group("db", [])], { intents: [{ id: "i1", from: "internet", to: "n0", protocol: "tcp", port: 5432 }] }),
      design([group("db", [])], { intents: [{ id: "i1", from: "n0", to: "internet", protocol: "tcp", port: 443 }] }),
    ],
  ])("%s", (code, triggering, clean) => {
    expect(codes(triggering)).toContain(code);
    expect(codes(clean)).not.toContain(code);
  });
});

describe("findings: exposure", () => {
  it("an admin port is open through a port range that covers it", () => {
    const f = findings(design([group("web", [tcp(0, 1024, v4("0.0.0.0/0"))])]));
    expect(f.map((x) => x.code)).toEqual(["ssh-open-to-world"]);
    expect(f[0]).toMatchObject({ groupId: "web", direction: "ingress", ruleIndex: 0, severity: "high" });
    expect(f[0]?.message).toMatch(/web inbound rule 1, tcp 0-1024 from 0.0.0.0\/0 opens SSH \(tcp 22\)/);
  });

  it("two halves of the address space together open the port", () => {
    const d = design([group("web", [tcp(22, 22, v4("0.0.0.0/1")), tcp(22, 22, v4("128.0.0.0/1"))])]);
    expect(codes(d)).toContain("ssh-open-to-world");
  });

  it("all traffic from anywhere is one critical finding, not one per port", () => {
    const f = findings(design([group("open", [all(v4("0.0.0.0/0"))])]));
    expect(f.map((x) => [x.code, x.severity])).toEqual([["all-traffic-from-anywhere", "critical"]]);
  });

  it("one finding names every database port a wide range opens", () => {
    const f = findings(design([group("db", [tcp(1000, 30000, v4("0.0.0.0/0"))])]));
    expect(f.filter((x) => x.code === "database-open-to-world")).toHaveLength(1);
    expect(f.find((x) => x.code === "database-open-to-world")?.message).toMatch(
      /MySQL \(tcp 3306\), PostgreSQL \(tcp 5432\), SQL Server/,
    );
  });

  it("a prefix list holding 0.0.0.0/0 opens the port", () => {
    const pl: PrefixList = { ...list(5), entries: [{ cidr: "0.0.0.0/0" }] };
    const d = design([group("web", [tcp(22, 22, { kind: "prefixList", prefixListId: "pl-1" })])], {
      prefixLists: [pl],
    });
    expect(codes(d)).toContain("ssh-open-to-world");
  });

  it("outbound rules to anywhere are not exposure", () => {
    expect(codes(design([group("web", [])]))).toEqual([]);
  });
});

describe("findings: quotas", () => {
  it("counts IPv4 and IPv6 rules separately, and a group reference in both", () => {
    const sixty = design([group("a", [...manyRules(59, () => v4("10.0.0.0/8")), tcp(1, 1, sg("a"))])]);
    expect(codes(sixty)).not.toContain("quota-rules-per-group");
    const over = design([group("a", [...manyRules(60, () => v4("10.0.0.0/8")), tcp(1, 1, sg("a"))])]);
    expect(findings(over).find((f) => f.code === "quota-rules-per-group")?.message).toMatch(/61 inbound IPv4 rules/);
  });

  it("a prefix list counts as its maximum entries, not its current ones", () => {
    const d = (max: number) =>
      design(
        [
          group("a", [
            ...manyRules(50, () => v4("10.0.0.0/8")),
            tcp(22, 22, { kind: "prefixList", prefixListId: "pl-1" }),
          ]),
        ],
        {
          prefixLists: [list(max)],
        },
      );
    expect(codes(d(10))).not.toContain("quota-rules-per-group");
    expect(codes(d(11))).toContain("quota-rules-per-group");
  });

  it("rules per group times groups per interface may not exceed 1,000", () => {
    const big = (id: string) =>
      group(
        id,
        manyRules(210, (i) => v4(`10.${i}.0.0/16`)),
      );
    const d = design(["a", "b", "c", "d", "e"].map(big), { resources: [node("x", ["a", "b", "c", "d", "e"])] });
    expect(findings(d).find((f) => f.code === "quota-rules-times-groups")).toMatchObject({
      nodeId: "x",
      severity: "high",
    });
  });
});

describe("findings: intents", () => {
  it("explains why an intended connection is blocked, with the verdict's explanation", () => {
    const d = design([group("db", [])], {
      intents: [{ id: "i1", from: "internet", to: "n0", protocol: "tcp", port: 5432 }],
    });
    const f = findings(d).find((x) => x.code === "intent-not-satisfied");
    expect(f).toMatchObject({ intentId: "i1", severity: "high" });
    expect(f?.message).toMatch(/Internet -> n0 on tcp 5432: Not permitted/);
  });

  it("an intent the engine cannot evaluate is reported, not thrown", () => {
    const d = design([group("db", [])], { intents: [{ id: "i1", from: "internet", to: "n0", protocol: "tcp" }] });
    expect(codes(d)).toContain("intent-invalid");
  });

  it("an all-traffic intent holds only when the flow carries all traffic", () => {
    const intents: Intent[] = [{ id: "i1", from: "n0", to: "n1", protocol: "-1" }];
    const open = design([group("a", []), group("b", [all(sg("a"))])], { intents });
    expect(codes(open)).not.toContain("intent-not-satisfied");
    const partial = design([group("a", []), group("b", [tcp(443, 443, sg("a"))])], { intents });
    expect(findings(partial).find((f) => f.code === "intent-not-satisfied")?.message).toMatch(
      /only tcp 443 is permitted/,
    );
  });
});

describe("findings: order", () => {
  it("lists the worst first", () => {
    const d = design(
      [group("web", [tcp(22, 22, v4("0.0.0.0/0")), all(v6("::/0")), tcp(22, 22, v4("0.0.0.0/0"))]), group("spare", [])],
      {
        resources: [node("a", ["web"])],
      },
    );
    const severities = findings(d).map((f) => f.severity);
    expect(severities[0]).toBe("critical");
    expect(severities.at(-1)).toBe("low");
  });
});
