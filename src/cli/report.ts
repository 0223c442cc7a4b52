// Problems and names as the CLI prints them.
import { formatProblem, type Problem } from "../shared/model";
import type { Design } from "../shared/model/schema";
import type { Io } from "./io";

export function printProblems(io: Io, problems: readonly Problem[]): void {
  for (const p of problems) io.err(formatProblem(p));
}

/** A node as people know it: its name, with its id when that differs. */
export function nodeLabel(design: Design, id: string): string {
  const node = [...design.resources, ...design.externals].find((n) => n.id === id);
  if (!node) return id;
  return node.name && node.name !== node.id ? `${node.name} (${node.id})` : node.id;
}
