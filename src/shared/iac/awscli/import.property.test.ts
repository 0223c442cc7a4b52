import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importAwsCli } from "./import";

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 100;

const v4 = fc.constantFrom("0.0.0.0/0", "10.0.0.0/8", "10.0.1.0/24", "203.0.113.7/32");
const v6 = fc.constantFrom("::/0", "2001:db8::/32", "2001:db8:1::/48");
const ports = fc
  .tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }))
  .map(([a, b]) => ({ FromPort: Math.min(a, b), ToPort: Math.max(a, b) }));
const traffic = fc.oneof(
  ports.map((p) => ({ IpProtocol: "tcp", ...p })),
  ports.map((p) => ({ IpProtocol: "udp", ...p })),
  fc.constant({ IpProtocol: "-1" }),
  fc.constant({ IpProtocol: "50" }),
);
const permission = fc.record({
  traffic,
  IpRanges: fc.array(
    v4.map((CidrIp) => ({ CidrIp })),
    { maxLength: 3 },
  ),
  Ipv6Ranges: fc.array(
    v6.map((CidrIpv6) => ({ CidrIpv6 })),
    { maxLength: 2 },
  ),
  UserIdGroupPairs: fc.array(
    fc.constantFrom("sg-a", "sg-b").map((GroupId) => ({ GroupId })),
    { maxLength: 2 },
  ),
});
const groups = fc.tuple(fc.array(permission, { maxLength: 4 }), fc.array(permission, { maxLength: 4 }));

describe("importAwsCli (property)", () => {
  it("splits every IpPermission into exactly one rule per peer, in order, losing none", () => {
    fc.assert(
      fc.property(groups, ([ingress, egress]) => {
        const shape = (list: typeof ingress) => list.map(({ traffic: t, ...peers }) => ({ ...t, ...peers }));
        const text = JSON.stringify({
          SecurityGroups: [
            { GroupId: "sg-a", GroupName: "a", IpPermissions: shape(ingress), IpPermissionsEgress: shape(egress) },
            { GroupId: "sg-b", GroupName: "b" },
          ],
        });
        const { design } = importAwsCli([{ name: "sg.json", text }]);
        const a = design.groups.find((g) => g.id === "sg-a")!;
        for (const [list, rules] of [
          [ingress, a.ingress],
          [egress, a.egress],
        ] as const) {
          const expected = list.flatMap((p) => [
            ...p.IpRanges.map((r) => `${r.CidrIp}`),
            ...p.Ipv6Ranges.map((r) => `${r.CidrIpv6}`),
            ...p.UserIdGroupPairs.map((r) => r.GroupId),
          ]);
          expect(
            rules.map((r) => ("cidr" in r.peer ? r.peer.cidr : "groupId" in r.peer ? r.peer.groupId : "")),
          ).toEqual(expected);
          const protocols = list.flatMap((p) =>
            Array(p.IpRanges.length + p.Ipv6Ranges.length + p.UserIdGroupPairs.length).fill(p.traffic.IpProtocol),
          );
          expect(rules.map((r) => r.protocol)).toEqual(protocols);
        }
      }),
      { numRuns: runs },
    );
  });
});
