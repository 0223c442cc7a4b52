// Rules of a security group: added, replaced and removed one at a time.

import type { Design, Rule, SecurityGroup } from "../../shared/model";
import { Rule as RuleSchema } from "../../shared/model";
import type { Direction } from "../../shared/model/direction";
import { freshId, usedIds } from "../../shared/model/ids";
import { refuseOtherAccount } from "./groups";
import { enterMyIp } from "./myIp";
import { ActionRefused, defineAction } from "./types";

export type RuleDraft = Omit<Rule, "id">;

/**
 * The address typed where a rule's source is "My IP…", entered with the rules that refer to it
 * (see myIp.ts): the party and its rules are one step to undo.
 */
export interface MyIpEntry {
  id: string;
  cidr: string;
}

const withMyIp = (design: Design, myIp: MyIpEntry | undefined): Design =>
  myIp ? enterMyIp.perform(design, myIp) : design;

function checked(rule: Rule): Rule {
  const result = RuleSchema.safeParse(rule);
  if (!result.success) throw new ActionRefused(result.error.issues[0]?.message ?? "invalid rule");
  return result.data;
}

function withGroup(design: Design, groupId: string, change: (g: SecurityGroup) => SecurityGroup): Design {
  if (!design.groups.some((g) => g.id === groupId)) throw new ActionRefused(`no security group has id "${groupId}"`);
  return { ...design, groups: design.groups.map((g) => (g.id === groupId ? change(g) : g)) };
}

// Removing a rule from another account's group stays allowed: it only tidies a file that had one.
const rulesElsewhere = (groupId: string) =>
  `its rules are that account's, and the exports leave out rules added here. Add the rule to a group of this design instead, with ${groupId} as its peer.`;

/** Adds one or more rules (a preset such as DNS adds udp and tcp 53 together). */
export const addRules = defineAction<{ groupId: string; direction: Direction; rules: RuleDraft[]; myIp?: MyIpEntry }>({
  name: "addRules",
  label: "Add rule",
  perform(before, { groupId, direction, rules, myIp }) {
    const design = withMyIp(before, myIp);
    const taken = usedIds(design);
    const peerOk = (r: RuleDraft) => {
      if (r.peer.kind === "group" && !design.groups.some((g) => g.id === (r.peer as { groupId: string }).groupId))
        throw new ActionRefused(`no security group has id "${r.peer.groupId}"`);
    };
    rules.forEach(peerOk);
    return withGroup(design, groupId, (g) => {
      refuseOtherAccount(g, rulesElsewhere);
      const added = rules.map((r) =>
        checked({ ...r, id: freshId(`${groupId}-${direction === "ingress" ? "in" : "out"}`, taken) }),
      );
      // AWS refuses a rule that duplicates an existing one; so do we, rather than store it twice.
      for (const rule of added) {
        const same = g[direction].find((x) => sameRule(x, rule));
        if (same) throw new ActionRefused(`the same rule already exists (${same.id})`);
      }
      return { ...g, [direction]: [...g[direction], ...added] };
    });
  },
});

export const updateRule = defineAction<{ groupId: string; direction: Direction; index: number; rule: RuleDraft }>({
  name: "updateRule",
  label: "Edit rule",
  perform(design, { groupId, direction, index, rule }) {
    return withGroup(design, groupId, (g) => {
      refuseOtherAccount(g, rulesElsewhere);
      const old = g[direction][index];
      if (!old) throw new ActionRefused(`${g.name} has no ${direction} rule ${index + 1}`);
      const next = checked({ ...rule, id: old.id });
      return { ...g, [direction]: g[direction].map((r, i) => (i === index ? next : r)) };
    });
  },
});

/**
 * Replaces a rule with one or more (a rule edited into a preset such as DNS becomes udp and tcp
 * 53): the first keeps the rule's place and id, the others are added after the group's rules,
 * and it all is one step to undo.
 */
export const replaceRule = defineAction<{
  groupId: string;
  direction: Direction;
  index: number;
  rules: RuleDraft[];
  myIp?: MyIpEntry;
}>({
  name: "replaceRule",
  label: "Edit rule",
  perform(design, { groupId, direction, index, rules, myIp }) {
    const [first, ...more] = rules;
    if (!first) throw new ActionRefused("a rule cannot be replaced by none: remove it instead");
    const edited = updateRule.perform(withMyIp(design, myIp), { groupId, direction, index, rule: first });
    return more.length ? addRules.perform(edited, { groupId, direction, rules: more }) : edited;
  },
});

export const removeRule = defineAction<{ groupId: string; direction: Direction; index: number }>({
  name: "removeRule",
  label: "Remove rule",
  perform(design, { groupId, direction, index }) {
    return withGroup(design, groupId, (g) => ({ ...g, [direction]: g[direction].filter((_, i) => i !== index) }));
  },
});

export function sameRule(a: RuleDraft, b: RuleDraft): boolean {
  return (
    a.protocol === b.protocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    JSON.stringify(a.peer) === JSON.stringify(b.peer)
  );
}
