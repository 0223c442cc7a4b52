// Several sources (a design, a Terraform folder, AWS CLI output) into one design. The same part
// described twice the same way is kept once; described differently, the first wins and a
// warning says which copy was dropped.
import { layoutTiers } from "../shared/iac/draft";
import { emptyDesign, type Problem } from "../shared/model";
import type { Design } from "../shared/model/schema";

export interface Source {
  /** The file or folder the design came from, for warnings. */
  name: string;
  design: Design;
  /** A design file: its canvas positions are the architect's and are kept. */
  positioned: boolean;
}

type Part = "vpcs" | "resources" | "externals" | "groups" | "prefixLists" | "intents";
const PARTS: Part[] = ["vpcs", "resources", "externals", "groups", "prefixLists", "intents"];
const SINGULAR: Record<Part, string> = {
  vpcs: "VPC",
  resources: "resource",
  externals: "external party",
  groups: "security group",
  prefixLists: "prefix list",
  intents: "intent",
};

/** Compares two parts leaving aside where they sit on the canvas. */
function sameIgnoringPosition(a: unknown, b: unknown): boolean {
  const strip = (v: unknown) => JSON.stringify(v, (k, value) => (k === "position" ? undefined : value));
  return strip(a) === strip(b);
}

export function mergeDesigns(sources: readonly Source[]): { design: Design; warnings: Problem[] } {
  const [only] = sources;
  if (sources.length === 1 && only) return { design: only.design, warnings: [] };
  const warnings: Problem[] = [];
  const merged: Design = emptyDesign(sources.map((s) => s.design.name).join(" + ") || "Untitled");
  const origin = new Map<string, string>();
  // The first of each id, per part: looked up, not searched for (a region has tens of thousands).
  const firsts = new Map<string, { id: string }>();
  for (const { name, design } of sources)
    for (const part of PARTS) {
      const list = merged[part] as { id: string }[];
      for (const item of design[part] as { id: string }[]) {
        const key = `${part}:${item.id}`;
        const first = firsts.get(key);
        if (!first) {
          list.push(item);
          firsts.set(key, item);
          origin.set(key, name);
        } else if (!sameIgnoringPosition(first, item))
          warnings.push({
            file: name,
            message: `${SINGULAR[part]} "${item.id}" is also described by ${origin.get(key)}, differently; the copy from ${origin.get(key)} is kept`,
            severity: "warning",
          });
      }
    }
  // Imported parts have positions from their own layout, which would pile up on each other;
  // lay them out again unless a design file brings the architect's own positions.
  const design = sources.some((s) => s.positioned) ? merged : layoutTiers(merged);
  return { design, warnings };
}
