// Pointing a finding at a rule of a group, in the engine's words.
import type { Direction } from "../../model/direction";
import type { Design, Rule, SecurityGroup } from "../../model/schema";
import { describeRule, groupLabel } from "../describe";
import type { Finding } from "../types";

/** "web inbound rule 2, tcp 22 from 0.0.0.0/0" */
export function ruleText(design: Design, group: SecurityGroup, direction: Direction, index: number): string {
  const rule = group[direction][index] as Rule;
  return `${groupLabel(group)} ${direction === "ingress" ? "inbound" : "outbound"} rule ${index + 1}, ${describeRule(design, group, direction, rule)}`;
}

export function atRule(
  group: SecurityGroup,
  direction: Direction,
  index: number,
): Pick<Finding, "groupId" | "direction" | "ruleIndex"> {
  return { groupId: group.id, direction, ruleIndex: index };
}
