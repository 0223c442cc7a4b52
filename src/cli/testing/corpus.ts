// The inputs of ../shared/corpus (real files from public repositories), read in place, each with
// its expectations file where one is written (corpus-expectations/, HELPERS.md): the one list that
// the corpus harness (corpus.test.ts), `palisade draw`'s corpus test and the diagram bench go by,
// each input read with the values its expectations give. Empty where the corpus is absent.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Loaded, loadPaths } from "../../server/load";
import { formatProblem, InputError } from "../../shared/model";
import { type CorpusExpectation, readExpectation } from "./corpus-expectations";

// CI clones the project to a folder of another name with shared/ beside it: go by the project root
// (the bench runs as an ES module, the tests under vitest: import.meta.url serves both).
const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
/** ../shared/corpus beside the project. */
export const CORPUS = resolve(ROOT, "../shared/corpus");
export const EXPECTATIONS = join(ROOT, "corpus-expectations");

/**
 * The inputs of the corpus: each file of awscli/ and cloudformation/, each .tf file at the top of
 * terraform/, and each folder below it that holds .tf files (a module is one input, and so is each
 * of its examples/ folders).
 */
export function corpusInputs(): string[] {
  if (!existsSync(CORPUS)) return [];
  const inputs: string[] = [];
  for (const kind of ["awscli", "cloudformation"])
    for (const name of readdirSync(join(CORPUS, kind)).sort()) inputs.push(`${kind}/${name}`);
  const terraform = (folder: string, top: boolean) => {
    const entries = readdirSync(join(CORPUS, folder), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    if (!top && entries.some((e) => e.isFile() && e.name.endsWith(".tf"))) inputs.push(folder);
    for (const e of entries) {
      if (e.isDirectory()) terraform(`${folder}/${e.name}`, false);
      else if (top && e.name.endsWith(".tf")) inputs.push(`${folder}/${e.name}`);
    }
  };
  terraform("terraform", true);
  return inputs;
}

/** Expectation files that read several inputs together (one account's describe-* outputs). */
export function extraExpectations(inputs: readonly string[]): string[] {
  const single = new Set(inputs.map((i) => `${i}.yaml`));
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const e of readdirSync(join(EXPECTATIONS, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith(".yaml") && !single.has(path)) out.push(path);
    }
  };
  if (existsSync(EXPECTATIONS)) walk("");
  return out.sort();
}

/** One input of the corpus as the harness reads it: its sources, and its expectations where written. */
export interface CorpusCase {
  /** The expectations file, relative to corpus-expectations/ (it may not exist yet). */
  file: string;
  /** The sources read together, relative to shared/corpus. */
  sources: string[];
  expectation?: CorpusExpectation;
}

/** Every input and every expectation that reads several together, in the harness's order. */
export function corpusCases(): CorpusCase[] {
  const inputs = corpusInputs();
  if (inputs.length === 0) return [];
  return [...inputs.map((i) => `${i}.yaml`), ...extraExpectations(inputs)].map((file) => {
    const path = join(EXPECTATIONS, file);
    if (!existsSync(path)) return { file, sources: [file.replace(/\.yaml$/, "")] };
    const expectation = readExpectation(path, readFileSync(path, "utf8"));
    const sources = typeof expectation.source === "string" ? [expectation.source] : expectation.source;
    return { file, sources, expectation };
  });
}

/** The sources read as `palisade` reads them, with the expectation's vars and params; what the readers refuse, as text. */
export async function loadCorpus(
  sources: readonly string[],
  values: Pick<CorpusExpectation, "vars" | "params"> = {},
): Promise<Loaded | { refused: string[] }> {
  try {
    return await loadPaths(
      sources.map((s) => join(CORPUS, s)),
      { ...(values.vars ? { vars: values.vars } : {}), ...(values.params ? { params: values.params } : {}) },
    );
  } catch (e) {
    if (e instanceof InputError) return { refused: e.problems.map(formatProblem) };
    throw e;
  }
}
