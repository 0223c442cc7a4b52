// A file taken out of a module refers to `var.x` declared in the module's other files, which
// the user does not have. Terraform refuses such a reference; Palisade reads fragments, so it
// takes the variable as an input like a declared one without a default, placed at its first use.
import { lineIndex } from "../../model/problems";
import type { Where } from "../draft";

interface Text {
  name: string;
  text: string;
  hcl: unknown;
}

const REFERENCE = /\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/** Every `var.name` written in an expression (hcl2json keeps expressions as `${…}` text). */
function referenced(value: unknown, out: Set<string>): void {
  if (typeof value === "string") {
    if (value.includes("${") || value.includes("%{"))
      for (const m of value.matchAll(REFERENCE)) out.add(m[1] as string);
  } else if (Array.isArray(value)) for (const v of value) referenced(v, out);
  else if (typeof value === "object" && value !== null) for (const v of Object.values(value)) referenced(v, out);
}

/** Where `var.name` first appears in the text outside a comment line, else the file itself. */
function firstUse(file: Text, name: string): Where {
  const escaped = name.replace(/[-]/g, "\\-");
  const re = new RegExp(`\\bvar\\.${escaped}(?![A-Za-z0-9_-])`, "g");
  const at = lineIndex(file.text);
  for (const m of file.text.matchAll(re)) {
    const lineStart = file.text.lastIndexOf("\n", m.index) + 1;
    const before = file.text.slice(lineStart, m.index).trimStart();
    if (before.startsWith("#") || before.startsWith("//")) continue;
    return { file: file.name, ...at(m.index) };
  }
  return { file: file.name };
}

/** The variables these files refer to but none declares, in order of first use, with where. */
export function undeclaredVariables(files: readonly Text[], declared: (name: string) => boolean): Map<string, Where> {
  const out = new Map<string, Where>();
  for (const file of files) {
    const names = new Set<string>();
    referenced(file.hcl, names);
    const fresh = [...names].filter((n) => !declared(n) && !out.has(n)).map((n) => ({ n, where: firstUse(file, n) }));
    fresh.sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0) || (a.where.column ?? 0) - (b.where.column ?? 0));
    for (const { n, where } of fresh) out.set(n, where);
  }
  return out;
}
