// Problems and names as the CLI prints them.
import { formatProblem, type Problem } from "../shared/model";
import type { Design } from "../shared/model/schema";
import type { Io } from "./io";

export function printProblems(io: Io, problems: readonly Problem[]): void {
  for (const p of problems) io.err(formatProblem(p));
}

/** Labels by node id, made once per design: a region's flows name nodes millions of times. */
const labels = new WeakMap<Design, Map<string, string>>();

/** A node as people know it: its name, with its id when that differs. */
export function nodeLabel(design: Design, id: string): string {
  let known = labels.get(design);
  if (!known) {
    known = new Map();
    for (const node of [...design.resources, ...design.externals])
      known.set(node.id, node.name && node.name !== node.id ? `${node.name} (${node.id})` : node.id);
    labels.set(design, known);
  }
  return known.get(id) ?? id;
}
