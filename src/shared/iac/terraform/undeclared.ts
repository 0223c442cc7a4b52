// A file taken out of a module refers to `var.x` or `local.x` declared in the module's other
// files, which the user does not have. Terraform refuses such a reference; Palisade reads
// fragments, so it takes the variable as an input like a declared one without a default, and the
// local as an unknown named for it (a placeholder group where a group is expected), each placed
// at its first use.
import { lineIndex } from "../../model/problems";
import type { Where } from "../draft";

interface Text {
  name: string;
  text: string;
  hcl: unknown;
}

/** What a reference starts with: `var.name` or `local.name`. */
export type Kind = "var" | "local";

/** Every `kind.name` written in an expression (hcl2json keeps expressions as `${…}` text). */
function referenced(value: unknown, reference: RegExp, out: Set<string>): void {
  if (typeof value === "string") {
    if (value.includes("${") || value.includes("%{"))
      for (const m of value.matchAll(reference)) out.add(m[1] as string);
  } else if (Array.isArray(value)) for (const v of value) referenced(v, reference, out);
  else if (typeof value === "object" && value !== null)
    for (const v of Object.values(value)) referenced(v, reference, out);
}

/** Where `kind.name` first appears in the text outside a comment line, else the file itself. */
function firstUse(file: Text, kind: Kind, name: string): Where {
  const escaped = name.replace(/[-]/g, "\\-");
  const re = new RegExp(`\\b${kind}\\.${escaped}(?![A-Za-z0-9_-])`, "g");
  const at = lineIndex(file.text);
  for (const m of file.text.matchAll(re)) {
    const lineStart = file.text.lastIndexOf("\n", m.index) + 1;
    const before = file.text.slice(lineStart, m.index).trimStart();
    if (before.startsWith("#") || before.startsWith("//")) continue;
    return { file: file.name, ...at(m.index) };
  }
  return { file: file.name };
}

/** The variables (or locals) these files refer to but none declares, in order of first use, with where. */
export function undeclared(
  files: readonly Text[],
  kind: Kind,
  declared: (name: string) => boolean,
): Map<string, Where> {
  const out = new Map<string, Where>();
  const reference = new RegExp(`\\b${kind}\\.([A-Za-z_][A-Za-z0-9_-]*)`, "g");
  for (const file of files) {
    const names = new Set<string>();
    referenced(file.hcl, reference, names);
    const fresh = [...names]
      .filter((n) => !declared(n) && !out.has(n))
      .map((n) => ({ n, where: firstUse(file, kind, n) }));
    fresh.sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0) || (a.where.column ?? 0) - (b.where.column ?? 0));
    for (const { n, where } of fresh) out.set(n, where);
  }
  return out;
}
