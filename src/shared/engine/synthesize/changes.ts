// A proposed fix as plain data: create a group, attach it, add a rule. The UI shows the diff
// and applies the list as one undoable command; applying is a pure function of the design.
import type { Direction } from "../../model/direction";
import { InputError } from "../../model/problems";
import type { Design, Rule, SecurityGroup } from "../../model/schema";
import { describeRule, groupLabel } from "../describe";

export type Change =
  | { kind: "createGroup"; group: SecurityGroup }
  | { kind: "attachGroup"; nodeId: string; groupId: string }
  | { kind: "addRule"; groupId: string; direction: Direction; rule: Rule };

function fail(message: string, path: string): never {
  throw new InputError([{ message, path, severity: "error" }]);
}

/** The design with the changes made, in order; the input is left untouched. */
export function applyChanges(design: Design, changes: readonly Change[]): Design {
  let groups = design.groups;
  let resources = design.resources;
  changes.forEach((change, i) => {
    const at = `changes[${i}]`;
    switch (change.kind) {
      case "createGroup":
        if (groups.some((g) => g.id === change.group.id)) fail(`group "${change.group.id}" already exists`, at);
        groups = [...groups, change.group];
        return;
      case "attachGroup": {
        if (!groups.some((g) => g.id === change.groupId)) fail(`no security group has id "${change.groupId}"`, at);
        const node = resources.find((r) => r.id === change.nodeId);
        if (!node) fail(`no resource has id "${change.nodeId}" (only resources inside AWS carry groups)`, at);
        if (node.groupIds.includes(change.groupId)) return;
        resources = resources.map((r) => (r === node ? { ...r, groupIds: [...r.groupIds, change.groupId] } : r));
        return;
      }
      case "addRule": {
        const group = groups.find((g) => g.id === change.groupId);
        if (!group) fail(`no security group has id "${change.groupId}"`, at);
        const updated = { ...group, [change.direction]: [...group[change.direction], change.rule] };
        groups = groups.map((g) => (g === group ? updated : g));
        return;
      }
    }
  });
  return { ...design, groups, resources };
}

/**
 * One line of a human diff, in the console's words: "+ group db inbound: tcp 5432 from group app".
 * `design` is the design the change applies to, after the changes before it (so a created group
 * has a name).
 */
export function describeChange(design: Design, change: Change): string {
  const nodeName = (id: string) => [...design.resources, ...design.externals].find((n) => n.id === id)?.name || id;
  switch (change.kind) {
    case "createGroup": {
      const { group } = change;
      const vpc = group.vpcId ? ` in ${design.vpcs.find((v) => v.id === group.vpcId)?.name || group.vpcId}` : "";
      const egress = group.egress.length > 0 ? ", all outbound traffic allowed (AWS's default for a new group)" : "";
      return `+ new group ${groupLabel(group)}${vpc}${egress}`;
    }
    case "attachGroup":
      return `+ attach group ${groupLabel(
        design.groups.find((g) => g.id === change.groupId),
        change.groupId,
      )} to ${nodeName(change.nodeId)}`;
    case "addRule": {
      const group = design.groups.find((g) => g.id === change.groupId);
      const text = group
        ? describeRule(design, group, change.direction, change.rule)
        : `${change.rule.protocol} (unknown group)`;
      return `+ group ${groupLabel(group, change.groupId)} ${change.direction === "ingress" ? "inbound" : "outbound"}: ${text}`;
    }
  }
}

/** The diff of a change list, each line described against the design as it stands at that step. */
export function describeChanges(design: Design, changes: readonly Change[]): string[] {
  let current = design;
  return changes.map((change) => {
    current = applyChanges(current, [change]);
    return describeChange(current, change);
  });
}
