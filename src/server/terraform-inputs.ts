// What a Terraform root module needs from disk besides its own files: the local modules it calls
// (`source = "../../"`, read folder by folder, each parsed with hcl2json) and the values of its
// variables (terraform.tfvars, terraform.tfvars.json, *.auto.tfvars[.json], --var-file, --var).
import { isTerraformFileName } from "../shared/iac/detect";
import { rawValue } from "../shared/iac/terraform/body";
import type { TerraformSource } from "../shared/iac/terraform/import";
import { folderOf, isLocalSource, joinModulePath } from "../shared/iac/terraform/paths";
import { parseJsonText } from "../shared/model/json";
import { InputError, type Problem } from "../shared/model/problems";

/** A folder's Terraform files (.tf, .tf.json, .tfvars, .tfvars.json) with their text, or undefined when it cannot be read. */
export type ReadFolder = (dir: string) => Promise<{ name: string; text: string }[] | undefined>;
type Parse = (files: { name: string; text: string }[]) => Promise<TerraformSource[]>;

const isBody = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Local module sources called by these files: [folder, source] pairs. */
function calledFolders(files: readonly TerraformSource[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const modules = isBody(file.hcl) && isBody(file.hcl.module) ? file.hcl.module : {};
    for (const list of Object.values(modules))
      for (const body of Array.isArray(list) ? list : [list])
        if (isBody(body) && typeof body.source === "string" && isLocalSource(body.source))
          out.push(joinModulePath(folderOf(file.name), body.source));
  }
  return out;
}

/** Every local module the root calls, and those they call, parsed, by folder. */
export async function loadModules(
  root: readonly TerraformSource[],
  readFolder: ReadFolder,
  parse: Parse,
): Promise<Map<string, TerraformSource[]>> {
  const modules = new Map<string, TerraformSource[]>();
  const queue = calledFolders(root);
  const rootDir = joinModulePath(folderOf(root[0]?.name ?? "main.tf"), ".");
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    if (modules.has(dir) || dir === rootDir) continue;
    const texts = (await readFolder(dir))?.filter((f) => isTerraformFileName(f.name));
    if (!texts || texts.length === 0) continue;
    // A folder whose name ends like a module key is read with names the key can find again.
    const parsed = await parse(texts.map((f) => ({ ...f, name: `${dir}/${f.name.split(/[\\/]/).pop()}` })));
    modules.set(dir, parsed);
    queue.push(...calledFolders(parsed));
  }
  return modules;
}

/** The files Terraform reads variable values from by itself, in its order of precedence. */
export function automaticVarFiles(names: readonly string[]): string[] {
  const base = (n: string) => n.split(/[\\/]/).pop() ?? n;
  const auto = names
    .filter((n) => /\.auto\.tfvars(\.json)?$/i.test(base(n)))
    .sort((a, b) => (base(a) < base(b) ? -1 : 1));
  return [
    ...names.filter((n) => base(n) === "terraform.tfvars"),
    ...names.filter((n) => base(n) === "terraform.tfvars.json"),
    ...auto,
  ];
}

/**
 * Variable values of one .tfvars (HCL, parsed by `parseHcl`) or .tfvars.json file. A later file
 * overrides an earlier one, as in Terraform.
 */
export async function readVarFile(
  file: { name: string; text: string },
  parseHcl: (name: string, text: string) => Promise<unknown>,
): Promise<Record<string, unknown>> {
  const parsed = /\.json$/i.test(file.name)
    ? parseJsonText(file.text, file.name)
    : await parseHcl(file.name.replace(/\.tfvars$/i, ".tfvars.tf"), file.text);
  if (!isBody(parsed)) {
    const problem: Problem = {
      file: file.name,
      message: 'expected variable assignments such as cidr = "10.0.0.0/16"',
      severity: "error",
    };
    throw new InputError([problem]);
  }
  // Values only (no references): evaluated with nothing in scope.
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, rawValue(v, { root: () => undefined })]));
}
