// Where a part of the loaded design was written, so that findings print as file:line:column and
// SARIF results point into the file a reviewer opens.

import { lineColumn } from "../shared/model";
import type { Direction } from "../shared/model/direction";
import { jsonPositioner } from "../shared/model/json";
import type { Design } from "../shared/model/schema";

export interface Place {
  file: string;
  line?: number;
  column?: number;
}

/** A part of the design, as a Finding points at it. */
export interface PartRef {
  groupId?: string;
  direction?: Direction;
  ruleIndex?: number;
  nodeId?: string;
  intentId?: string;
}

export type Locate = (ref: PartRef) => Place | undefined;

function withFile(file: string, at: { line?: number; column?: number }): Place {
  return { file, ...(at.line !== undefined ? { line: at.line, column: at.column } : {}) };
}

/** A design file: the JSON path of the group, rule, node or intent. */
export function designLocator(file: { name: string; text: string }, design: Design): Locate {
  const position = jsonPositioner(file.text);
  return (ref) => {
    const path: (string | number)[] = [];
    if (ref.intentId !== undefined) {
      const i = design.intents.findIndex((x) => x.id === ref.intentId);
      if (i >= 0) path.push("intents", i);
    } else if (ref.groupId !== undefined) {
      const i = design.groups.findIndex((g) => g.id === ref.groupId);
      if (i < 0) return undefined;
      path.push("groups", i);
      if (ref.direction) path.push(ref.direction);
      if (ref.direction && ref.ruleIndex !== undefined) path.push(ref.ruleIndex);
    } else if (ref.nodeId !== undefined) {
      const r = design.resources.findIndex((n) => n.id === ref.nodeId);
      const e = design.externals.findIndex((n) => n.id === ref.nodeId);
      if (r >= 0) path.push("resources", r);
      else if (e >= 0) path.push("externals", e);
      else return undefined;
    }
    if (path.length === 0) return undefined;
    return withFile(file.name, position(path));
  };
}

/** AWS CLI output: the places the importer remembered. */
export function placesLocator(
  places: (key: string) => { file?: string; line?: number; column?: number } | undefined,
): Locate {
  return (ref) => {
    const keys = [
      ref.groupId !== undefined && ref.direction && ref.ruleIndex !== undefined
        ? `rule:${ref.groupId}:${ref.direction}:${ref.ruleIndex}`
        : undefined,
      ref.groupId !== undefined ? `group:${ref.groupId}` : undefined,
      ref.nodeId !== undefined ? `node:${ref.nodeId}` : undefined,
    ];
    for (const key of keys) {
      const at = key ? places(key) : undefined;
      if (at?.file) return withFile(at.file, at);
    }
    return undefined;
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Terraform and CloudFormation: the block that declares the group or node, found by its
 * Terraform resource name or CloudFormation logical id. Rules point at their group.
 */
export function declarationLocator(files: readonly { name: string; text: string }[]): Locate {
  return (ref) => {
    const id = ref.groupId ?? ref.nodeId;
    if (id === undefined) return undefined;
    for (const name of [...new Set([id, id.replace(/^sg-/, "")])]) {
      const patterns = [
        new RegExp(`resource\\s+"aws_[a-z0-9_]+"\\s+"${escapeRegExp(name)}"`),
        new RegExp(`^[ \\t]+${escapeRegExp(name)}:[ \\t]*$`, "m"),
        new RegExp(`"${escapeRegExp(name)}"\\s*:\\s*\\{`),
      ];
      for (const file of files)
        for (const pattern of patterns) {
          const m = pattern.exec(file.text);
          if (m) return withFile(file.name, lineColumn(file.text, m.index + (m[0].length - m[0].trimStart().length)));
        }
    }
    return undefined;
  };
}

/** The first locator that knows. */
export function firstOf(locators: readonly Locate[]): Locate {
  return (ref) => {
    for (const locate of locators) {
      const at = locate(ref);
      if (at) return at;
    }
    return undefined;
  };
}
