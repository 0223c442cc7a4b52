// A region-sized design for benchmarks: tiers of groups that reference the tier in front of them,
// office and partner CIDRs, a few rules open to the world, thousands of instances.
import { type Design, emptyDesign, type Rule, type SecurityGroup } from "../src/shared/model";

export interface RegionSize {
  instances: number;
  groups: number;
  rules: number;
}

export const REGION: RegionSize = { instances: 10_000, groups: 2_500, rules: 50_000 };

/** A small deterministic generator (mulberry32): every run measures the same design (and the crash test kills at the same moments). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS = [
  { name: "edge", share: 0.1, ports: [80, 443] },
  { name: "app", share: 0.4, ports: [8080, 8443, 9000] },
  { name: "data", share: 0.2, ports: [5432, 3306, 6379, 27017] },
  { name: "ops", share: 0.3, ports: [22, 9100, 3000] },
] as const;

export function generateRegion(size: RegionSize = REGION, seed = 42): Design {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const d = emptyDesign(`Region: ${size.instances} instances, ${size.groups} groups, ${size.rules} rules`);
  d.vpcs = [{ id: "vpc-1", name: "prod", cidrIpv4: "10.0.0.0/8" }];
  d.externals = [
    { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: { x: 0, y: 0 } },
    { id: "office", kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"], position: { x: 0, y: 200 } },
    { id: "partner", kind: "cidr", name: "Partner", cidrs: ["203.0.113.0/24"], position: { x: 0, y: 400 } },
  ];
  const tierOf: string[][] = TIERS.map(() => []);
  // Subnets (/24) that instances live in and that CIDR rules name, as in a real VPC.
  const subnets = Array.from(
    { length: Math.max(4, Math.round(size.instances / 40)) },
    (_, n) => `10.${Math.floor(n / 256)}.${n % 256}`,
  );
  const groups: SecurityGroup[] = [];
  for (let g = 0; g < size.groups; g++) {
    let t = 0;
    let x = rnd();
    while (t < TIERS.length - 1 && x > (TIERS[t]?.share ?? 1)) x -= TIERS[t++]?.share ?? 0;
    const id = `sg-${String(g).padStart(5, "0")}`;
    tierOf[t]?.push(id);
    groups.push({
      id,
      name: `${TIERS[t]?.name}-${g}`,
      description: `${TIERS[t]?.name} tier`,
      vpcId: "vpc-1",
      ingress: [],
      egress: [],
    });
  }
  const rulesPerGroup = Math.max(1, Math.round(size.rules / size.groups));
  groups.forEach((group, g) => {
    const tier = TIERS.findIndex((_, t) => tierOf[t]?.includes(group.id));
    const ports = TIERS[tier]?.ports ?? [443];
    const rules: Rule[] = [];
    for (let r = 0; r < rulesPerGroup - 1; r++) {
      const port = pick(ports);
      const kind = rnd();
      let peer: Rule["peer"];
      if (tier === 0 && kind < 0.3) peer = { kind: "cidr4", cidr: "0.0.0.0/0" };
      else if (kind < 0.6) peer = { kind: "group", groupId: pick(tierOf[Math.max(0, tier - 1)] ?? [group.id]) };
      else if (kind < 0.7) peer = { kind: "group", groupId: group.id };
      else if (kind < 0.8)
        peer = { kind: "cidr4", cidr: pick(["198.51.100.0/24", "203.0.113.0/24", "198.51.100.10/32"]) };
      else peer = { kind: "cidr4", cidr: `${pick(subnets)}.0/24` };
      rules.push({ id: `${group.id}-in-${r}`, protocol: "tcp", fromPort: port, toPort: port, peer });
    }
    group.ingress = rules;
    // Most groups keep AWS's default egress; data tiers are locked down to nothing or to their own tier.
    group.egress =
      tier === 2 && g % 2 === 0
        ? [
            {
              id: `${group.id}-out-0`,
              protocol: "tcp",
              fromPort: 443,
              toPort: 443,
              peer: { kind: "cidr4", cidr: "10.0.0.0/8" },
            },
          ]
        : [{ id: `${group.id}-out-0`, protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }];
  });
  d.groups = groups;
  // Instances come in services (an auto-scaling group, a fleet): every member carries the same
  // groups, as in real accounts. About six instances a service.
  const services = Math.max(1, Math.round(size.instances / 6));
  const serviceGroups = Array.from({ length: services }, () => {
    const t = Math.min(TIERS.length - 1, Math.floor(rnd() * TIERS.length));
    const pool = tierOf[t]?.length ? (tierOf[t] as string[]) : [groups[0]?.id as string];
    const count = 1 + Math.floor(rnd() * 2);
    const homes = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(subnets));
    return { tier: t, homes, groupIds: [...new Set(Array.from({ length: count }, () => pick(pool)))] };
  });
  for (let i = 0; i < size.instances; i++) {
    const service = serviceGroups[Math.floor(rnd() * services)] as {
      tier: number;
      homes: string[];
      groupIds: string[];
    };
    d.resources.push({
      id: `i-${String(i).padStart(6, "0")}`,
      kind: "instance",
      name: `${TIERS[service.tier]?.name}-${i}`,
      vpcId: "vpc-1",
      // Unique within its subnet: the host part comes from the instance number.
      privateIpv4: `${pick(service.homes)}.${(i % 253) + 1}`,
      groupIds: service.groupIds,
      position: { x: (i % 100) * 220, y: Math.floor(i / 100) * 120 },
    });
  }
  return d;
}
