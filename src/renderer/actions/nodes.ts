// Adding, moving and editing the nodes of the canvas: resources inside AWS and external parties.
import type { Design, External, ExternalKind, Position, Resource, ResourceKind } from "../../shared/model";
import { freshId, freshName, usedIds } from "./ids";
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
  keys: ["Shift+L"],
  perform: (design, args) => moveNodes.perform(design, args),
});

export type ResourcePatch = Partial<Pick<Resource, "name" | "kind" | "privateIpv4" | "ipv6" | "publicIpv4" | "vpcId">>;

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
