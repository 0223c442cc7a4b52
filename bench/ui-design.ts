// Designs for the UI bench: a chain of services, each instance with its own group that admits
// the three instances before it on 443 (about three flows a node, as a real dependency graph
// has), a few open to the office. Laid out on a grid, as a saved design would be.
import { type Design, emptyDesign, type Rule, type SecurityGroup } from "../src/shared/model";

export function generateChain(nodes: number): Design {
  const d = emptyDesign(`UI bench: ${nodes} nodes`);
  d.vpcs = [{ id: "vpc-1", name: "prod", cidrIpv4: "10.0.0.0/8" }];
  d.externals = [
    { id: "office", kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"], position: { x: -400, y: 0 } },
  ];
  const groups: SecurityGroup[] = [];
  for (let i = 0; i < nodes; i++) {
    const id = `sg-${i}`;
    const ingress: Rule[] = [];
    for (let back = 1; back <= 3 && i - back >= 0; back++)
      ingress.push({
        id: `${id}-in-${back}`,
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        peer: { kind: "group", groupId: `sg-${i - back}` },
      });
    // An office range, not 0.0.0.0/0: that would also admit every other instance (private addresses).
    if (i % 100 === 0)
      ingress.push({
        id: `${id}-in-office`,
        protocol: "tcp",
        fromPort: 22,
        toPort: 22,
        peer: { kind: "cidr4", cidr: "198.51.100.0/24" },
      });
    groups.push({
      id,
      name: `svc-${i}`,
      description: "bench",
      vpcId: "vpc-1",
      ingress,
      // Egress inside the VPC only, so that every node does not also reach the office.
      egress: [{ id: `${id}-out`, protocol: "-1", peer: { kind: "cidr4", cidr: "10.0.0.0/8" } }],
    });
  }
  d.groups = groups;
  for (let i = 0; i < nodes; i++)
    d.resources.push({
      id: `i-${i}`,
      kind: "instance",
      name: `svc-${i}`,
      vpcId: "vpc-1",
      privateIpv4: `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${(i % 254) + 1}`,
      groupIds: [`sg-${i}`],
      position: { x: (i % 40) * 260, y: Math.floor(i / 40) * 180 },
    });
  return d;
}

/**
 * A fleet of instances in one group that admits itself on 443 (every ordered pair is a flow:
 * n × (n − 1)), and an office allowed SSH to all of them: the dense case, where node flows are
 * too many to send or draw.
 */
export function generateFleet(members: number): Design {
  const d = emptyDesign("Fleet");
  d.vpcs = [{ id: "vpc", name: "vpc", cidrIpv4: "10.0.0.0/16" }];
  d.externals = [
    { id: "office", kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"], position: { x: -300, y: 0 } },
  ];
  d.groups = [
    {
      id: "sg-fleet",
      name: "fleet",
      description: "members talk to each other",
      ingress: [
        { id: "self", protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "group", groupId: "sg-fleet" } },
        { id: "ssh", protocol: "tcp", fromPort: 22, toPort: 22, peer: { kind: "cidr4", cidr: "198.51.100.0/24" } },
      ],
      egress: [{ id: "out", protocol: "-1", peer: { kind: "cidr4", cidr: "10.0.0.0/16" } }],
    },
  ];
  d.resources = Array.from({ length: members }, (_, i) => ({
    id: `i-${i}`,
    kind: "instance" as const,
    name: `fleet-${i}`,
    vpcId: "vpc",
    privateIpv4: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    groupIds: ["sg-fleet"],
    position: { x: (i % 30) * 240, y: Math.floor(i / 30) * 160 },
  }));
  return d;
}
