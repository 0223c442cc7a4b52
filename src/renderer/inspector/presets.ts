// The rule presets of the AWS console's "Type" column: a name for a protocol and port set.

export interface PresetService {
  protocol: string;
  fromPort?: number;
  toPort?: number;
}

export interface Preset {
  id: string;
  label: string;
  services: PresetService[];
}

const tcp = (port: number): PresetService => ({ protocol: "tcp", fromPort: port, toPort: port });

export const PRESETS: readonly Preset[] = [
  { id: "http", label: "HTTP (tcp 80)", services: [tcp(80)] },
  { id: "https", label: "HTTPS (tcp 443)", services: [tcp(443)] },
  { id: "ssh", label: "SSH (tcp 22)", services: [tcp(22)] },
  { id: "rdp", label: "RDP (tcp 3389)", services: [tcp(3389)] },
  { id: "mysql", label: "MySQL/Aurora (tcp 3306)", services: [tcp(3306)] },
  { id: "postgresql", label: "PostgreSQL (tcp 5432)", services: [tcp(5432)] },
  { id: "mssql", label: "MSSQL (tcp 1433)", services: [tcp(1433)] },
  { id: "redis", label: "Redis (tcp 6379)", services: [tcp(6379)] },
  { id: "mongodb", label: "MongoDB (tcp 27017)", services: [tcp(27017)] },
  // DNS answers over udp, and falls back to tcp for large replies and zone transfers.
  { id: "dns", label: "DNS (udp and tcp 53)", services: [{ protocol: "udp", fromPort: 53, toPort: 53 }, tcp(53)] },
  // Echo request, any code: AWS's "Echo Request" type. For IPv6 peers it becomes icmpv6 128.
  { id: "ping", label: "ICMP ping (echo request)", services: [{ protocol: "icmp", fromPort: 8, toPort: -1 }] },
  { id: "all", label: "All traffic", services: [{ protocol: "-1" }] },
  { id: "custom", label: "Custom…", services: [] },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
