// Problems and names as the CLI prints them.

import type { ImportInput } from "../shared/api";
import { formatProblem, type Problem } from "../shared/model";
import type { Design } from "../shared/model/schema";
import type { Io } from "./io";

export function printProblems(io: Io, problems: readonly Problem[]): void {
  for (const p of problems) io.err(formatProblem(p));
}

/**
 * What reading the files said, then, once, how to give the values that something drawn waits on
 * (ImportInput.affects), in the CLI's own terms (the importers' warnings only say that a value is
 * missing: the app asks for it in a dialog). A variable nothing drawn depends on (an AMI id) is not asked for.
 */
export function printLoadProblems(
  io: Io,
  { warnings, inputs }: { warnings: readonly Problem[]; inputs: readonly ImportInput[] },
): void {
  printProblems(io, warnings);
  const wanted = inputs.filter((i) => i.affects);
  if (!wanted.length) return;
  const flags = [...new Set(wanted.map((i) => `${i.kind === "parameter" ? "--param" : "--var"} ${i.name}=…`))];
  const varFile = wanted.some((i) => i.kind === "variable") ? " (or a .tfvars file: --var-file F)" : "";
  const one = flags.length === 1;
  io.err(
    `palisade: ${one ? "1 value has" : `${flags.length} values have`} no default, so what depends on ${one ? "it" : "them"} is a placeholder; give ${one ? "it" : "them"} with ${flags.join(" ")}${varFile}`,
  );
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
