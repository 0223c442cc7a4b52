// The parties outside AWS that the rules let in, as nodes of the design.
import type { External, SecurityGroup, Vpc } from "../../model/schema";
import { contains, parseCidr } from "../../net/address";

// Without describe-vpcs output the VPC ranges are unknown; private ranges are then taken as inside.
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"].map(parseCidr);

/**
 * The Internet appears as a node when some ingress rule admits it, and so does each other range
 * outside the VPCs that an ingress rule admits: parties the architect will want to see.
 */
export function externalsFor(groups: readonly SecurityGroup[], vpcs: readonly Vpc[]): External[] {
  const at = { x: 0, y: 0 };
  const externals: External[] = [];
  const rules = groups.flatMap((g) => g.ingress);
  const cidrs = rules.flatMap((r) => (r.peer.kind === "cidr4" || r.peer.kind === "cidr6" ? [r.peer.cidr] : []));
  if (cidrs.some((c) => c.endsWith("/0")))
    externals.push({ id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: at });
  const known = vpcs.flatMap((v) => [v.cidrIpv4, v.cidrIpv6].filter((c): c is string => !!c)).map(parseCidr);
  const inside = known.length > 0 ? known : PRIVATE;
  const seen = new Set<string>();
  for (const cidr of cidrs) {
    if (cidr.endsWith("/0") || seen.has(cidr)) continue;
    seen.add(cidr);
    const range = parseCidr(cidr);
    if (inside.some((r) => contains(r, range))) continue;
    externals.push({ id: `cidr-${cidr}`, kind: "cidr", name: cidr, cidrs: [cidr], position: at });
  }
  return externals;
}
