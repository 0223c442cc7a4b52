// Random small designs for property tests: few nodes, few groups, rules drawn from pools that
// make the hard cases likely (partial covers, IPv4 vs IPv6, self references, ICMP, -1).

import fc from "fast-check";
import type { Design, External, Peer, Resource, Rule, SecurityGroup } from "../../model/schema";
import { CURRENT_VERSION } from "../../model/schema";

const V4_CIDRS = [
  "0.0.0.0/0",
  "0.0.0.0/1",
  "128.0.0.0/1",
  "10.0.0.0/8",
  "10.0.0.0/16",
  "10.0.1.0/24",
  "10.0.1.5/32",
  "203.0.113.0/24",
  "203.0.113.10/32",
  "198.51.100.0/24",
];
const V6_CIDRS = ["::/0", "::/1", "8000::/1", "2001:db8::/32", "2001:db8:1::/48", "2001:db8:1::5/128"];
const PRIVATE_V4 = [undefined, "10.0.1.5", "10.0.1.6", "10.0.2.7", "10.1.0.1", "172.16.0.1"];
const IPV6 = [undefined, undefined, "2001:db8:1::5", "2001:db8:2::9"];
const EXTERNAL_CIDRS = [
  ["0.0.0.0/0", "::/0"],
  ["203.0.113.10/32"],
  ["203.0.113.0/24"],
  ["198.51.100.0/25", "198.51.100.128/25"],
  ["2001:db8:1::/48"],
];

const ruleShape = fc.oneof(
  fc.constant({ protocol: "-1" }),
  fc
    .record({
      protocol: fc.constantFrom("tcp", "udp"),
      from: fc.constantFrom(0, 22, 80, 443, 1000),
      span: fc.constantFrom(0, 0, 1, 100, 65535),
    })
    .map(({ protocol, from, span }) => ({
      protocol,
      fromPort: from,
      toPort: Math.min(65535, from + span),
    })),
  fc
    .record({
      protocol: fc.constantFrom("icmp", "icmpv6"),
      type: fc.constantFrom(-1, 0, 8, 128),
      code: fc.constantFrom(-1, 0, 1),
    })
    .map(({ protocol, type, code }) => ({
      protocol,
      fromPort: type,
      toPort: type === -1 ? -1 : code,
    })),
  fc.constant({ protocol: "50" }),
);

export const designs = fc
  .record({
    groupCount: fc.integer({ min: 1, max: 3 }),
    resourceCount: fc.integer({ min: 1, max: 4 }),
    externals: fc.subarray(EXTERNAL_CIDRS, { minLength: 0, maxLength: 3 }),
    vpcCidr: fc.constantFrom(undefined, "10.0.0.0/16"),
    seeds: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
    shapes: fc.array(ruleShape, { minLength: 12, maxLength: 12 }),
  })
  .map(({ groupCount, resourceCount, externals, vpcCidr, seeds, shapes }): Design => {
    let i = 0;
    const pick = <T>(list: readonly T[]): T => list[(seeds[i++ % seeds.length] as number) % list.length] as T;
    const groupIds = Array.from({ length: groupCount }, (_, g) => `sg-${g}`);
    const peer = (groupId: string): Peer => {
      switch (pick(["cidr4", "cidr4", "cidr6", "group", "self", "prefixList"] as const)) {
        case "cidr4":
          return { kind: "cidr4", cidr: pick(V4_CIDRS) };
        case "cidr6":
          return { kind: "cidr6", cidr: pick(V6_CIDRS) };
        case "group":
          return { kind: "group", groupId: pick(groupIds) };
        case "self":
          return { kind: "group", groupId };
        case "prefixList":
          return { kind: "prefixList", prefixListId: "pl-1" };
      }
    };
    // Two halves of the address space with the same traffic: they cover together what neither covers alone.
    const halves = (groupId: string, direction: string): Rule[] => {
      const shape = pick(shapes);
      const [a, b] =
        shape.protocol === "icmpv6" || pick([false, false, true]) ? ["::/1", "8000::/1"] : ["0.0.0.0/1", "128.0.0.0/1"];
      const kind = (a as string).includes(":") ? "cidr6" : "cidr4";
      if ((shape.protocol === "icmp" && kind === "cidr6") || (shape.protocol === "icmpv6" && kind === "cidr4"))
        return [];
      return [a, b].map(
        (cidr, h) => ({ id: `${groupId}-${direction}-half-${h}`, ...shape, peer: { kind, cidr } }) as Rule,
      );
    };
    const rules = (groupId: string, direction: string): Rule[] => [
      ...(pick([true, false, false]) ? halves(groupId, direction) : []),
      ...Array.from({ length: pick([0, 1, 2, 3]) }, (_, r) => {
        const shape = pick(shapes);
        let p = peer(groupId);
        // AWS refuses icmp with an IPv6 CIDR and icmpv6 with an IPv4 one.
        if (shape.protocol === "icmp" && p.kind === "cidr6") p = { kind: "cidr4", cidr: pick(V4_CIDRS) };
        if (shape.protocol === "icmpv6" && p.kind === "cidr4") p = { kind: "cidr6", cidr: pick(V6_CIDRS) };
        return { id: `${groupId}-${direction}-${r}`, ...shape, peer: p } as Rule;
      }),
    ];
    const groups: SecurityGroup[] = groupIds.map((id) => ({
      id,
      name: id,
      description: id,
      ingress: rules(id, "in"),
      egress: pick([true, false])
        ? [{ id: `${id}-eg-all`, protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }]
        : rules(id, "out"),
    }));
    const resources: Resource[] = Array.from({ length: resourceCount }, (_, r) => {
      const resource: Resource = {
        id: `r${r}`,
        kind: "instance",
        name: `r${r}`,
        vpcId: "vpc",
        groupIds: groupIds.filter(() => pick([true, false])),
        position: { x: 0, y: 0 },
      };
      const v4 = pick(PRIVATE_V4);
      const v6 = pick(IPV6);
      if (v4) resource.privateIpv4 = v4;
      if (v6) resource.ipv6 = v6;
      // Some resources have further interfaces, each with its own groups and addresses.
      const more = pick([0, 0, 0, 1, 2]);
      if (more > 0)
        resource.interfaces = Array.from({ length: more }, (_, k) => {
          const eni: NonNullable<Resource["interfaces"]>[number] = {
            id: `eni-r${r}-${k + 1}`,
            deviceIndex: k + 1,
            groupIds: groupIds.filter(() => pick([true, false])),
          };
          const a4 = pick(PRIVATE_V4);
          const a6 = pick(IPV6);
          if (a4) eni.privateIpv4 = a4;
          if (a6) eni.ipv6 = a6;
          return eni;
        });
      return resource;
    });
    const ext: External[] = externals.map((cidrs, e) => ({
      id: `x${e}`,
      kind: "cidr",
      name: `x${e}`,
      cidrs,
      position: { x: 0, y: 0 },
    }));
    return {
      format: "palisade",
      version: CURRENT_VERSION,
      name: "random",
      vpcs: [{ id: "vpc", name: "vpc", ...(vpcCidr ? { cidrIpv4: vpcCidr } : {}) }],
      resources,
      externals: ext,
      groups,
      prefixLists: [
        {
          id: "pl-1",
          name: "pl",
          addressFamily: "IPv4",
          maxEntries: 5,
          entries: [{ cidr: "203.0.113.0/25" }, { cidr: "203.0.113.128/25" }],
        },
      ],
      intents: [],
    };
  });

/** Traffic to try: the edges of the port ranges above, ICMP types and codes, another protocol. */
export const PROBES = [
  ...[0, 21, 22, 23, 79, 80, 81, 443, 444, 1000, 1100, 1101, 65535].flatMap((port) => [
    { protocol: "tcp", port },
    { protocol: "udp", port },
  ]),
  ...[0, 8, 128, 3].flatMap((icmpType) =>
    [0, 1].flatMap((icmpCode) => [
      { protocol: "icmp", icmpType, icmpCode },
      { protocol: "icmpv6", icmpType, icmpCode },
    ]),
  ),
  { protocol: "50" },
  { protocol: "47" },
];
