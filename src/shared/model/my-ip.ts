// My IP is one party of the design: a rule's source can refer to it ({ kind: "external" }) rather
// than copy its CIDR, so that entering the address once updates the party on the canvas and every
// rule that names it. AWS knows only CIDRs: the engine and the exports see the party's CIDRs
// (resolveExternalPeers), and designs and imports that copied My IP's CIDR into rules are linked
// back to the party (linkMyIp).
import type { Design, External, Rule, SecurityGroup } from "./schema";

type Cached = { cidrs: (readonly string[])[]; group: SecurityGroup };
const resolved = new WeakMap<SecurityGroup, Cached>();

function cidrPeer(cidr: string): Rule["peer"] {
  return cidr.includes(":") ? { kind: "cidr6", cidr } : { kind: "cidr4", cidr };
}

function resolveGroup(g: SecurityGroup, externals: Map<string, External>): SecurityGroup {
  const referenced: (readonly string[])[] = [];
  for (const list of [g.ingress, g.egress])
    for (const r of list)
      if (r.peer.kind === "external") referenced.push(externals.get(r.peer.externalId)?.cidrs ?? []);
  if (referenced.length === 0) return g;
  // The same group and the same parties' addresses (by identity): the same resolved group, so that
  // the engine's incremental evaluation sees no change where there was none (moving My IP).
  const known = resolved.get(g);
  if (known && known.cidrs.length === referenced.length && known.cidrs.every((c, i) => c === referenced[i]))
    return known.group;
  const expand = (rules: Rule[]): Rule[] =>
    rules.flatMap((r) => {
      if (r.peer.kind !== "external") return [r];
      const cidrs = externals.get(r.peer.externalId)?.cidrs ?? [];
      return cidrs.map((c, i) => ({ ...r, id: i === 0 ? r.id : `${r.id}-${i + 1}`, peer: cidrPeer(c) }));
    });
  const group = { ...g, ingress: expand(g.ingress), egress: expand(g.egress) };
  resolved.set(g, { cidrs: referenced, group });
  return group;
}

/**
 * The design as AWS would see it: every rule that refers to an external party holds that party's
 * CIDR instead (one rule per CIDR). The same design when no rule refers to a party.
 */
export function resolveExternalPeers(design: Design): Design {
  let changed = false;
  let externals: Map<string, External> | undefined;
  const groups = design.groups.map((g) => {
    if (!g.ingress.some(isExternalRule) && !g.egress.some(isExternalRule)) return g;
    externals ??= new Map(design.externals.map((e) => [e.id, e]));
    const next = resolveGroup(g, externals);
    if (next !== g) changed = true;
    return next;
  });
  return changed ? { ...design, groups } : design;
}

const isExternalRule = (r: Rule) => r.peer.kind === "external";

/** The party a design's "My IP" is: the first external of kind myIp. */
export function myIpOf(design: Pick<Design, "externals">): External | undefined {
  return design.externals.find((e) => e.kind === "myIp");
}

/**
 * Rules whose peer is My IP's own CIDR refer to My IP instead (a design of version 1, an import
 * whose my_ip variable became the party). Only a My IP of one CIDR: a rule names one address.
 */
export function linkMyIp<D extends Pick<Design, "externals" | "groups">>(design: D): D {
  const me = myIpOf(design);
  const cidr = me?.cidrs.length === 1 ? me.cidrs[0] : undefined;
  if (!me || cidr === undefined) return design;
  let changed = false;
  const link = (rules: Rule[]) => {
    if (!rules.some((r) => (r.peer.kind === "cidr4" || r.peer.kind === "cidr6") && r.peer.cidr === cidr)) return rules;
    changed = true;
    return rules.map((r) =>
      (r.peer.kind === "cidr4" || r.peer.kind === "cidr6") && r.peer.cidr === cidr
        ? { ...r, peer: { kind: "external" as const, externalId: me.id } }
        : r,
    );
  };
  const groups = design.groups.map((g) => {
    const ingress = link(g.ingress);
    const egress = link(g.egress);
    return ingress === g.ingress && egress === g.egress ? g : { ...g, ingress, egress };
  });
  return changed ? { ...design, groups } : design;
}
