// "Only what matters to me": a protocol, a port, or both, as a set of traffic to intersect with.
import type { Family } from "../../net/address";
import { EVERYTHING, intersect, isEmpty, label, type ServiceSet, serviceOfRule, union } from "../services";

export interface TrafficFilter {
  /** tcp, udp, icmp, icmpv6, a protocol number, or -1 / absent for any. */
  protocol?: string;
  /** A tcp or udp port; with no protocol, either. */
  port?: number;
}

export function filterSet(filter: TrafficFilter = {}): ServiceSet {
  const { protocol, port } = filter;
  if (protocol === undefined || protocol === "-1") {
    if (port === undefined) return EVERYTHING;
    return union(
      serviceOfRule({ protocol: "tcp", fromPort: port, toPort: port }),
      serviceOfRule({ protocol: "udp", fromPort: port, toPort: port }),
    );
  }
  if ((protocol === "tcp" || protocol === "udp") && port !== undefined)
    return serviceOfRule({ protocol, fromPort: port, toPort: port });
  return serviceOfRule({ protocol });
}

/** Each family's traffic cut down to the filter. */
export function filtered(services: Record<Family, ServiceSet>, filter: ServiceSet): Record<Family, ServiceSet> {
  return { 4: intersect(services[4], filter), 6: intersect(services[6], filter) };
}

/** "tcp 443", "tcp 22 (IPv6 only)", "IPv4: tcp 22, 80; IPv6: tcp 80". IPv4 alone goes unsaid. */
export function familyLabel(services: Record<Family, ServiceSet>): string {
  const [v4, v6] = [services[4], services[6]];
  if (isEmpty(v6)) return label(v4);
  if (isEmpty(v4)) return `${label(v6)} (IPv6 only)`;
  const [a, b] = [label(v4), label(v6)];
  return a === b ? a : `IPv4: ${a}; IPv6: ${b}`;
}
