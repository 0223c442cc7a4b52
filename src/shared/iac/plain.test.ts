import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasPorts, isIcmp, normalizeProtocol } from "../model/protocol";
import { Resource, Rule } from "../model/schema";
import { plainResource, plainRule } from "./plain";

describe("the fields written out are the schema's", () => {
  // A field added to the schema must be added to plain.ts too, or it would be dropped there.
  it("for a rule and a resource", () => {
    expect(Object.keys(Rule.shape)).toEqual(["id", "protocol", "fromPort", "toPort", "peer", "description"]);
    expect(Object.keys(Resource.shape)).toEqual([
      "id",
      "kind",
      "service",
      "capacity",
      "name",
      "vpcId",
      "privateIpv4",
      "ipv6",
      "publicIpv4",
      "groupIds",
      // plainResource leaves a resource with interfaces to the schema.
      "interfaces",
      "tags",
      "position",
    ]);
  });
});

describe("plainRule, the schema's checks written out", () => {
  const candidates = fc.record(
    {
      id: fc.constantFrom("r", "a-b/c:d@e+f.g_h", "x".repeat(256), "", "a b", "x".repeat(257), 5),
      protocol: fc.constantFrom("tcp", "udp", "icmp", "icmpv6", "-1", "6", "58", "50", "TCP", 17, "all", "bogus", 300),
      fromPort: fc.constantFrom(undefined, -2, -1, 0, 22, 255, 256, 65535, 65536, 1.5),
      toPort: fc.constantFrom(undefined, -1, 0, 21, 22, 255, 256, 65535),
      peer: fc.constantFrom<unknown>(
        { kind: "cidr4", cidr: "10.0.0.0/8" },
        { kind: "cidr4", cidr: "10.0.0.1/8" },
        { kind: "cidr4", cidr: "2001:db8::/32" },
        { kind: "cidr6", cidr: "2001:db8::/32" },
        { kind: "cidr6", cidr: "10.0.0.0/8" },
        { kind: "group", groupId: "sg-1" },
        { kind: "group", groupId: "sg 1" },
        { kind: "group", groupId: "sg-1", extra: true },
        { kind: "group", groupId: "sg-1", peering: { connectionId: "pcx-1", status: "deleted" } },
        { kind: "prefixList", prefixListId: "pl-1" },
        { kind: "prefixList", prefixListId: "" },
        { kind: "vpc", id: "v" },
        null,
      ),
      description: fc.constantFrom(undefined, "d", "x".repeat(255), "x".repeat(256), 5),
    },
    { requiredKeys: ["id", "protocol", "peer"] },
  );

  it("gives what the schema gives, field for field and in order, or leaves the rule to the schema", () => {
    let plain = 0;
    fc.assert(
      fc.property(candidates, (raw) => {
        const protocol = normalizeProtocol(raw.protocol);
        const candidate: Record<string, unknown> = { ...raw };
        for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
        if (protocol !== undefined && !hasPorts(protocol) && !isIcmp(protocol)) {
          delete candidate.fromPort;
          delete candidate.toPort;
        }
        const schema = Rule.safeParse(candidate);
        const mine = protocol === undefined ? undefined : plainRule(candidate, protocol);
        if (mine === undefined) return;
        plain++;
        expect(schema.success, JSON.stringify(candidate)).toBe(true);
        expect(JSON.stringify(mine)).toBe(JSON.stringify(schema.data));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    // The common rules do take the plain path.
    expect(plain).toBeGreaterThan(50);
  });
});

describe("plainResource, the schema's checks written out", () => {
  // Mostly valid values, so that many resources pass every check, with each kind of wrong one.
  const mostly = <T>(valid: T[], wrong: T[]) =>
    fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 12 }, { arbitrary: fc.constantFrom(...wrong), weight: 1 });
  const resources = fc.record(
    {
      id: mostly<unknown>(["i-1", "web/a:b@c"], ["", "a b", 7]),
      kind: mostly(["instance", "database", "loadBalancer"], ["router"]),
      // A service of another kind (elastiCache on an instance) is refused by the schema.
      service: mostly<unknown>([undefined, undefined, "autoScalingGroup", "elastiCache"], ["ec2", 3]),
      capacity: mostly<unknown>(
        [undefined, {}, { desired: 2, max: 4 }, { max: 4, min: 1 }],
        [{ desired: -1 }, { desired: 1.5 }, { desired: 1, spare: 2 }, "2"],
      ),
      name: mostly<unknown>(["web", "", "x".repeat(255)], ["x".repeat(256), 3]),
      vpcId: mostly([undefined, "vpc-1"], ["vpc 1"]),
      privateIpv4: mostly<unknown>([undefined, "10.0.1.5"], ["10.0.1.256", "010.0.1.5", "2001:db8::5", 5]),
      ipv6: mostly([undefined, "2001:db8::5"], ["10.0.1.5", "2001:db8::5%eth0"]),
      publicIpv4: mostly([undefined, "198.51.100.20"], ["x"]),
      groupIds: mostly<unknown>([[], ["sg-1"], ["sg-1", "sg-2"]], [["sg 1"], "sg-1", [5]]),
      tags: mostly<unknown>([undefined, {}, { Name: "web" }], [{ n: 5 }, "x", JSON.parse('{"__proto__": "x"}')]),
      position: mostly<unknown>(
        [
          { x: 0, y: 0 },
          { x: -40, y: 2 ** 40 },
          { x: 0, y: 0, z: 1 },
        ],
        [{ x: 1.5, y: 0 }, { x: 2 ** 60, y: 0 }, { x: 0 }, null],
      ),
      extra: fc.constantFrom(undefined, "dropped"),
    },
    { requiredKeys: [] },
  );

  it("gives what the schema gives, field for field and in order, or leaves the resource to the schema", () => {
    let plain = 0;
    fc.assert(
      fc.property(resources, (raw) => {
        const candidate: Record<string, unknown> = { ...raw };
        for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
        const schema = Resource.safeParse(candidate);
        const mine = plainResource(candidate);
        if (mine === undefined) return;
        plain++;
        expect(schema.success, JSON.stringify(candidate)).toBe(true);
        expect(JSON.stringify(mine)).toBe(JSON.stringify(schema.data));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    expect(plain).toBeGreaterThan(300);
  });
});
