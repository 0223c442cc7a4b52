// The Node-only edge of Terraform import: @cdktf/hcl2json loads its parser (Go compiled to wasm)
// with fs, so it runs here, in main and the CLI, and src/shared works on its JSON output.
import { parse } from "@cdktf/hcl2json";
import { type ImportResult, importTerraform } from "../shared/iac/terraform/import";
import { parseJsonText } from "../shared/model/json";
import { InputError, type Problem } from "../shared/model/problems";

// hcl2json reports "parse config: [main.tf:2,7-3,1: Invalid expression; Expected the start of ...]".
const DIAGNOSTIC = /([^\s[\]]+):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;\]]+?)(?:; ([^\]]*?))?(?=\]|, [^\s[\]]+:\d+,\d+|$)/g;

/** hcl2json's error text as problems at file:line:column. */
export function hclProblems(name: string, message: string): Problem[] {
  const problems: Problem[] = [...message.matchAll(DIAGNOSTIC)].map((m) => ({
    file: name,
    line: Number(m[2]),
    column: Number(m[3]),
    message: `${(m[4] ?? "").trim()}${m[5] ? `: ${m[5].trim()}` : ""}`,
    severity: "error" as const,
  }));
  return problems.length ? problems : [{ file: name, message: `not valid HCL: ${message}`, severity: "error" }];
}

/**
 * Terraform's JSON syntax (.tf.json), which hcl2json does not read. Its shape is already the one
 * hcl2json produces (blocks as objects, expressions as "${...}" strings), so it is used as is.
 */
function parseTerraformJson(name: string, text: string): unknown {
  return parseJsonText(text, name, { comments: true });
}

/** A .tf file's text as hcl2json's JSON. Throws InputError at file:line:column on a syntax error. */
export async function parseHcl(name: string, text: string): Promise<unknown> {
  if (/\.tf\.json$/i.test(name)) return parseTerraformJson(name, text);
  try {
    return await parse(name, text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new InputError(hclProblems(name, message));
  }
}

/** Parses every file, reporting every syntax error together, then imports them as one configuration. */
export async function importTerraformFiles(files: { name: string; text: string }[]): Promise<ImportResult> {
  const problems: Problem[] = [];
  const parsed = await Promise.all(
    files.map(async (f) => {
      try {
        return { ...f, hcl: await parseHcl(f.name, f.text) };
      } catch (e) {
        if (e instanceof InputError) problems.push(...e.problems);
        else throw e;
        return undefined;
      }
    }),
  );
  if (problems.length) throw new InputError(problems);
  return importTerraform(parsed.filter((f) => f !== undefined));
}
