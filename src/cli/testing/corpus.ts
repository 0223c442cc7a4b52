// The inputs of ../shared/corpus (real files from public repositories), read in place: each
// file one input, a Terraform folder (a module) one input, the AWS CLI outputs of one account
// (cloudmapper-demo-*) together. Empty where the corpus is absent.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** ../shared/corpus beside the project (the bench runs as an ES module, the tests under vitest). */
export const CORPUS = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../../shared/corpus");

export function corpusInputs(): { name: string; paths: string[] }[] {
  if (!existsSync(CORPUS)) return [];
  const inputs: { name: string; paths: string[] }[] = [];
  for (const kind of ["terraform", "cloudformation", "awscli"]) {
    const folder = join(CORPUS, kind);
    if (!existsSync(folder)) continue;
    const together = new Map<string, string[]>();
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      const account = kind === "awscli" ? /^(.*)-describe-/.exec(entry)?.[1] : undefined;
      if (account) together.set(account, [...(together.get(account) ?? []), path]);
      else if (statSync(path).isDirectory() || /\.(tf|ya?ml|json)$/.test(entry))
        inputs.push({ name: `${kind}/${entry}`, paths: [path] });
    }
    for (const [account, paths] of together) inputs.push({ name: `${kind}/${account}-*`, paths });
  }
  return inputs;
}
