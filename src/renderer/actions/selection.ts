// Actions on a selection of nodes and groups: delete, duplicate, copy and paste.

import type { Design, External, Position, Resource, Rule, SecurityGroup } from "../../shared/model";
import { freshId, usedIds } from "../../shared/model/ids";
import { freshName } from "./ids";
import { defineAction } from "./types";

/** What copy puts on the clipboard: whole parts of a design, pasted with fresh ids. */
export interface Clipboard {
  resources: Resource[];
  externals: External[];
  groups: SecurityGroup[];
}

export const deleteSelection = defineAction<{ ids: readonly string[] }>({
  name: "deleteSelection",
  label: "Delete",
  perform(design, { ids }) {
    const gone = new Set(ids);
    if (gone.size === 0) return design;
    // A deleted group leaves every interface and every rule that referenced it: AWS refuses to
    // delete a referenced group, and the editor does the clean-up the user would have to do.
    const refersToGone = (r: Rule) => r.peer.kind === "group" && gone.has(r.peer.groupId);
    // A deleted party (My IP) leaves its address in the rules that referred to it, as AWS has them.
    const parties = new Map(design.externals.filter((e) => gone.has(e.id)).map((e) => [e.id, e.cidrs]));
    const keepAddress = (rules: Rule[]): Rule[] =>
      rules.flatMap((r) => {
        const cidrs = r.peer.kind === "external" ? parties.get(r.peer.externalId) : undefined;
        if (!cidrs) return [r];
        return cidrs.map((cidr, i) => ({
          ...r,
          id: i === 0 ? r.id : `${r.id}-${i + 1}`,
          peer: cidr.includes(":") ? { kind: "cidr6" as const, cidr } : { kind: "cidr4" as const, cidr },
        }));
      });
    const refersToParty = (r: Rule) => r.peer.kind === "external" && parties.has(r.peer.externalId);
    return {
      ...design,
      resources: design.resources
        .filter((r) => !gone.has(r.id))
        .map((r) => {
          const further = r.interfaces?.some((i) => i.groupIds.some((g) => gone.has(g)));
          if (!further && !r.groupIds.some((g) => gone.has(g))) return r;
          const next = { ...r, groupIds: r.groupIds.filter((g) => !gone.has(g)) };
          if (r.interfaces)
            next.interfaces = r.interfaces.map((i) => ({ ...i, groupIds: i.groupIds.filter((g) => !gone.has(g)) }));
          return next;
        }),
      externals: design.externals.filter((e) => !gone.has(e.id)),
      groups: design.groups
        .filter((g) => !gone.has(g.id))
        .map((g) =>
          g.ingress.some(refersToGone) || g.egress.some(refersToGone)
            ? {
                ...g,
                ingress: g.ingress.filter((r) => !refersToGone(r)),
                egress: g.egress.filter((r) => !refersToGone(r)),
              }
            : g,
        )
        .map((g) =>
          g.ingress.some(refersToParty) || g.egress.some(refersToParty)
            ? { ...g, ingress: keepAddress(g.ingress), egress: keepAddress(g.egress) }
            : g,
        ),
      intents: design.intents.filter((i) => !gone.has(i.id) && !gone.has(i.from) && !gone.has(i.to)),
    };
  },
});

export function copySelection(design: Design, ids: readonly string[]): Clipboard {
  const want = new Set(ids);
  return {
    resources: design.resources.filter((r) => want.has(r.id)),
    externals: design.externals.filter((e) => want.has(e.id)),
    groups: design.groups.filter((g) => want.has(g.id)),
  };
}

/** The design with the clipboard added under fresh ids, and the ids it added (the new selection). */
export function pasteInto(design: Design, clip: Clipboard, offset: Position): { design: Design; ids: string[] } {
  const taken = usedIds(design);
  const groupIds = new Map<string, string>();
  const names = [...design.resources, ...design.externals].map((n) => n.name);
  const groupNames = design.groups.map((g) => g.name);
  const groups = clip.groups.map((g) => {
    const id = freshId(g.id, taken);
    groupIds.set(g.id, id);
    const name = freshName(g.name, groupNames);
    groupNames.push(name);
    return { ...g, id, name };
  });
  // Rules that referenced a copied group now reference its copy; "itself" stays itself.
  const remap = (r: Rule): Rule => {
    const peer =
      r.peer.kind === "group"
        ? { kind: "group" as const, groupId: groupIds.get(r.peer.groupId) ?? r.peer.groupId }
        : r.peer;
    return { ...r, id: freshId(r.id, taken), peer };
  };
  const known = new Set([...design.groups.map((g) => g.id), ...groupIds.values()]);
  // A rule naming a group that is in neither the design nor the clipboard cannot be kept.
  const parties = new Set(design.externals.map((e) => e.id));
  const resolvable = (r: Rule) =>
    r.peer.kind === "group" ? known.has(r.peer.groupId) : r.peer.kind !== "external" || parties.has(r.peer.externalId);
  const pastedGroups = groups.map((g) => ({
    ...g,
    ingress: g.ingress.map(remap).filter(resolvable),
    egress: g.egress.map(remap).filter(resolvable),
  }));
  const move = (p: Position): Position => ({ x: Math.round(p.x + offset.x), y: Math.round(p.y + offset.y) });
  const named = <T extends { name: string }>(n: T): T => {
    const name = freshName(n.name, names);
    names.push(name);
    return { ...n, name };
  };
  const resources = clip.resources.map((r) => ({
    ...named(r),
    id: freshId(r.id, taken),
    position: move(r.position),
    groupIds: r.groupIds.map((g) => groupIds.get(g) ?? g).filter((g) => known.has(g)),
    // A pasted copy's interfaces are new interfaces: ids of their own, groups as pasted.
    ...(r.interfaces
      ? {
          interfaces: r.interfaces.map((i) => ({
            ...i,
            id: freshId(i.id, taken),
            groupIds: i.groupIds.map((g) => groupIds.get(g) ?? g).filter((g) => known.has(g)),
          })),
        }
      : {}),
  }));
  const externals = clip.externals.map((e) => ({ ...named(e), id: freshId(e.id, taken), position: move(e.position) }));
  return {
    design: {
      ...design,
      resources: [...design.resources, ...resources],
      externals: [...design.externals, ...externals],
      groups: [...design.groups, ...pastedGroups],
    },
    ids: [...resources, ...externals, ...pastedGroups].map((x) => x.id),
  };
}

export const PASTE_OFFSET: Position = { x: 40, y: 40 };

export const paste = defineAction<{ clipboard: Clipboard; offset?: Position }>({
  name: "paste",
  label: "Paste",
  perform: (design, { clipboard, offset }) => pasteInto(design, clipboard, offset ?? PASTE_OFFSET).design,
});

export const duplicateSelection = defineAction<{ ids: readonly string[] }>({
  name: "duplicateSelection",
  label: "Duplicate",
  perform: (design, { ids }) => pasteInto(design, copySelection(design, ids), PASTE_OFFSET).design,
});
