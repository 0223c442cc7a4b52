// Adding, moving and editing the nodes of the canvas: resources inside AWS and external parties.

import type { Design, External, ExternalKind, Position, Resource, ResourceKind } from "../../shared/model";
import { freshId, usedIds } from "../../shared/model/ids";
import { contains, parseAddress, parseCidr } from "../../shared/net/address";
import { freshName } from "./ids";
import { ActionRefused, defineAction } from "./types";

export const RESOURCE_TITLES: Record<ResourceKind, string> = {
  instance: "Instance",
  loadBalancer: "Load balancer",
  database: "Database",
  function: "Function",
  containerService: "Container service",
  endpoint: "Endpoint",
};
export const EXTERNAL_TITLES: Record<ExternalKind, string> = {
  internet: "Internet",
  myIp: "My IP",
  cidr: "Named CIDR",
};
const RESOURCE_STEMS: Record<ResourceKind, string> = {
  instance: "instance",
  loadBalancer: "lb",
  database: "db",
  function: "function",
  containerService: "service",
  endpoint: "endpoint",
};
/** Documentation ranges (RFC 5737) until the user types the real ones. */
const EXTERNAL_CIDRS: Record<ExternalKind, string[]> = {
  internet: ["0.0.0.0/0", "::/0"],
  myIp: ["203.0.113.10/32"],
  cidr: ["198.51.100.0/24"],
};
const EXTERNAL_NAMES: Record<ExternalKind, string> = { internet: "Internet", myIp: "My IP", cidr: "Office" };

const round = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });
const nodeNames = (d: Design) => [...d.resources, ...d.externals].map((n) => n.name);

export const addResource = defineAction<{ kind: ResourceKind; position: Position; name?: string }>({
  name: "addResource",
  label: "Add resource",
  perform(design, { kind, position, name }) {
    const finalName = name ?? freshName(RESOURCE_STEMS[kind], nodeNames(design));
    const resource: Resource = {
      id: freshId(finalName, usedIds(design)),
      kind,
      name: finalName,
      // A sketch with one VPC puts everything in it; with several the user chooses.
      ...(design.vpcs.length === 1 ? { vpcId: design.vpcs[0]?.id } : {}),
      groupIds: [],
      position: round(position),
    };
    return { ...design, resources: [...design.resources, resource] };
  },
});

export const addExternal = defineAction<{ kind: ExternalKind; position: Position; name?: string; cidrs?: string[] }>({
  name: "addExternal",
  label: "Add external party",
  perform(design, { kind, position, name, cidrs }) {
    const finalName = name ?? freshName(EXTERNAL_NAMES[kind], nodeNames(design));
    const external: External = {
      id: freshId(finalName.toLowerCase(), usedIds(design)),
      kind,
      name: finalName,
      cidrs: cidrs ?? EXTERNAL_CIDRS[kind],
      position: round(position),
    };
    return { ...design, externals: [...design.externals, external] };
  },
});

/** Positions are integers in the file, so a drag's fractional pixels are rounded here. */
export const moveNodes = defineAction<{ positions: { id: string; position: Position }[] }>({
  name: "moveNodes",
  label: "Move",
  perform(design, { positions }) {
    const at = new Map(positions.map((p) => [p.id, round(p.position)]));
    let changed = false;
    const moved = <T extends { id: string; position: Position }>(n: T): T => {
      const p = at.get(n.id);
      if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
      changed = true;
      return { ...n, position: p };
    };
    const resources = design.resources.map(moved);
    const externals = design.externals.map(moved);
    // A drag that ends where it started is no edit: nothing to undo.
    return changed ? { ...design, resources, externals } : design;
  },
});

export const autoLayout = defineAction<{ positions: { id: string; position: Position }[] }>({
  name: "autoLayout",
  label: "Auto-layout",
  perform: (design, args) => moveNodes.perform(design, args),
});

export type ResourcePatch = Partial<Pick<Resource, "name" | "kind" | "privateIpv4" | "ipv6" | "publicIpv4" | "vpcId">>;

/**
 * Ranges AWS never gives as a public IPv4 address: private, shared (CGNAT), loopback, link-local,
 * multicast and reserved. Not ipaddr.js's range(): it also calls the documentation ranges
 * (198.51.100.0/24, 203.0.113.0/24) reserved, which examples and sketches use for public addresses.
 */
const NOT_PUBLIC = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "224.0.0.0/3",
].map(parseCidr);

/**
 * Why AWS could not give the resource its addresses: an interface's private addresses come from
 * its VPC's blocks (a VPC without an IPv6 block gives none), and a public IPv4 is never private.
 */
export function addressProblems(
  design: Design,
  resource: Pick<Resource, "privateIpv4" | "ipv6" | "publicIpv4" | "vpcId">,
): Partial<Record<"privateIpv4" | "ipv6" | "publicIpv4", string>> {
  const problems: Partial<Record<"privateIpv4" | "ipv6" | "publicIpv4", string>> = {};
  const vpc = design.vpcs.find((v) => v.id === resource.vpcId);
  const outside = (address: string | undefined, block: string | undefined) => {
    const a = address ? parseAddress(address) : undefined;
    return a !== undefined && block !== undefined && !contains(parseCidr(block), a);
  };
  if (vpc && outside(resource.privateIpv4, vpc.cidrIpv4))
    problems.privateIpv4 = `${resource.privateIpv4} is outside ${vpc.name || vpc.id}'s block ${vpc.cidrIpv4}: an interface's private address comes from its VPC`;
  if (vpc && resource.ipv6 && parseAddress(resource.ipv6)) {
    if (!vpc.cidrIpv6) problems.ipv6 = `${vpc.name || vpc.id} has no IPv6 block, so its interfaces get no IPv6 address`;
    else if (outside(resource.ipv6, vpc.cidrIpv6))
      problems.ipv6 = `${resource.ipv6} is outside ${vpc.name || vpc.id}'s block ${vpc.cidrIpv6}: an interface's IPv6 address comes from its VPC`;
  }
  const publicIp = resource.publicIpv4 ? parseAddress(resource.publicIpv4) : undefined;
  if (publicIp && NOT_PUBLIC.some((r) => contains(r, publicIp)))
    problems.publicIpv4 = `${resource.publicIpv4} is not a public address (private, shared, loopback, link-local or reserved)`;
  return problems;
}

/** Edits fields of a resource; a field set to undefined or "" is removed (an unknown address). */
export const updateResource = defineAction<{ id: string; patch: ResourcePatch }>({
  name: "updateResource",
  label: "Edit resource",
  perform(design, { id, patch }) {
    const resource = design.resources.find((r) => r.id === id);
    if (!resource) throw new ActionRefused(`no resource has id "${id}"`);
    const next: Record<string, unknown> = { ...resource };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === "") delete next[key];
      else next[key] = value;
    }
    // Another kind is another AWS resource: an Auto Scaling group made a database is an RDS instance.
    if (patch.kind !== undefined && patch.kind !== resource.kind) {
      delete next.service;
      delete next.capacity;
    }
    if (patch.vpcId !== undefined && patch.vpcId !== resource.vpcId) {
      // AWS attaches only groups of the interface's own VPC.
      const groups = new Map(design.groups.map((g) => [g.id, g]));
      const foreign = resource.groupIds.filter((g) => {
        const vpc = groups.get(g)?.vpcId;
        return vpc !== undefined && patch.vpcId !== "" && vpc !== patch.vpcId;
      });
      if (foreign.length > 0)
        throw new ActionRefused(
          `detach ${foreign.join(", ")} first: a security group only attaches to interfaces of its own VPC`,
        );
    }
    // Only what this edit makes wrong: an imported resource already wrong may still be renamed.
    const before = addressProblems(design, resource);
    const after = addressProblems(design, next as Resource);
    const made = (["privateIpv4", "ipv6", "publicIpv4"] as const).find((k) => after[k] && !before[k]);
    if (made) throw new ActionRefused(after[made] ?? "");
    return { ...design, resources: design.resources.map((r) => (r.id === id ? (next as Resource) : r)) };
  },
});

export const updateExternal = defineAction<{ id: string; patch: Partial<Pick<External, "name" | "cidrs" | "kind">> }>({
  name: "updateExternal",
  label: "Edit external party",
  perform(design, { id, patch }) {
    if (!design.externals.some((e) => e.id === id)) throw new ActionRefused(`no external party has id "${id}"`);
    if (patch.cidrs && patch.cidrs.length === 0) throw new ActionRefused("an external party needs at least one CIDR");
    return { ...design, externals: design.externals.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
  },
});

export const renameDesign = defineAction<{ name: string; description?: string }>({
  name: "renameDesign",
  label: "Rename design",
  perform: (design, { name, description }) => ({
    ...design,
    name,
    ...(description !== undefined ? { description } : {}),
  }),
});
