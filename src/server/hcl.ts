// The Node-only edge of Terraform import: @cdktf/hcl2json loads its parser (Go compiled to wasm)
// with fs, so it runs here, in main and the CLI, and src/shared works on its JSON output.
import { availableParallelism } from "node:os";
import type { ImportResult } from "../shared/iac/draft";
import { importTerraform, type TerraformSource } from "../shared/iac/terraform/import";
import type { MissingVariable } from "../shared/iac/terraform/module";
import { folderOf } from "../shared/iac/terraform/paths";
import { parseJsonText } from "../shared/model/json";
import { InputError, type Problem } from "../shared/model/problems";
import { type PieceResult, parseOnThreads } from "./hcl-pool";
import { joinPieces, piecesOf } from "./hcl-split";
import { automaticVarFiles, loadModules, type ReadFolder, readVarFile } from "./terraform-inputs";

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

/**
 * How .tf files are parsed: files of `threaded` characters or more in pieces of about `pieceSize`
 * characters on `threads` threads.
 */
export interface HclOptions {
  pieceSize?: number;
  threads?: number;
  threaded?: number;
}

// hcl2json reads about a megabyte a second. Below a megabyte a file is not worth starting threads
// (a fifth of a second each); pieces of a quarter of a megabyte keep each thread's heap small
// (a thread holds a parser of its own: some 150 MB at this size, 250 MB at a megabyte).
const THREADED = 1_000_000;
const PIECE_SIZE = 250_000;
/** Threads at most: each costs memory, and a region's file is already read in a few seconds. */
const MAX_THREADS = 4;

/** One file with hcl2json in this thread. Throws InputError at file:line:column on a syntax error. */
async function parseWhole(name: string, text: string): Promise<unknown> {
  try {
    // Imported on first use: loading hcl2json reads, unzips and starts its wasm parser (most of
    // a second), which a command on a design or a template never needs.
    const { parse } = await import("@cdktf/hcl2json");
    return await parse(name, text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new InputError(hclProblems(name, message));
  }
}

/**
 * .tf files' texts as hcl2json's JSON (.tf.json as it is), each a value or its syntax errors.
 * Large files are cut at top-level statements (hcl-split.ts) and their pieces parsed on several
 * cores; a file whose pieces do not all parse is parsed whole, which places its errors exactly
 * as before.
 */
export async function parseHclFiles(
  files: readonly { name: string; text: string }[],
  options: HclOptions = {},
): Promise<({ value: unknown } | { problems: Problem[] })[]> {
  const pieceSize = options.pieceSize ?? PIECE_SIZE;
  const threads = options.threads ?? Math.min(MAX_THREADS, availableParallelism());
  const threaded = options.threaded ?? THREADED;
  const cut = files.map((f) =>
    threads > 1 && !/\.tf\.json$/i.test(f.name) && f.text.length >= threaded ? piecesOf(f.text, pieceSize) : [],
  );
  const pieces = cut.flatMap((list, i) =>
    list.map((p) => ({ name: (files[i] as { name: string }).name, text: p.text })),
  );
  let parsed: PieceResult[] = [];
  if (pieces.length > 1)
    try {
      parsed = await parseOnThreads(pieces, threads);
    } catch {
      // No threads here (or one failed): every file is parsed whole, below.
      parsed = [];
    }
  // Each file's pieces, in order, in `parsed`.
  const starts: number[] = [];
  let at = 0;
  for (const list of cut) {
    starts.push(at);
    at += list.length;
  }
  return Promise.all(
    files.map(async (f, i) => {
      const mine = parsed.slice(starts[i], (starts[i] ?? 0) + (cut[i]?.length ?? 0));
      try {
        if (mine.length > 0 && mine.every((p) => "value" in p)) {
          const values = mine.map((p) => (p as { value: unknown }).value);
          const value = values.length === 1 ? values[0] : joinPieces(values);
          if (value !== undefined) return { value };
        }
        return {
          value: /\.tf\.json$/i.test(f.name) ? parseTerraformJson(f.name, f.text) : await parseWhole(f.name, f.text),
        };
      } catch (e) {
        if (e instanceof InputError) return { problems: e.problems };
        throw e;
      }
    }),
  );
}

/** A .tf file's text as hcl2json's JSON. Throws InputError at file:line:column on a syntax error. */
export async function parseHcl(name: string, text: string, options?: HclOptions): Promise<unknown> {
  const [result] = await parseHclFiles([{ name, text }], options);
  if (!result || "problems" in result) throw new InputError(result?.problems ?? []);
  return result.value;
}

/** How a Terraform import reads what it needs beyond its files. */
export interface TerraformReading extends HclOptions {
  /** Reads a folder: local modules and the variable files Terraform loads by itself. */
  readFolder?: ReadFolder;
  /** --var-file F, in order (read after the automatic ones). */
  varFiles?: { name: string; text: string }[];
  /** --var name=value, last. */
  vars?: Record<string, unknown>;
}

/** Parses files, reporting every syntax error together. */
async function parseAll(files: { name: string; text: string }[], options?: HclOptions): Promise<TerraformSource[]> {
  const problems: Problem[] = [];
  const parsed = (await parseHclFiles(files, options)).map((result, i) => {
    if ("value" in result) return { ...(files[i] as { name: string; text: string }), hcl: result.value };
    problems.push(...result.problems);
    return undefined;
  });
  if (problems.length) throw new InputError(problems);
  return parsed.filter((f) => f !== undefined);
}

/**
 * Imports the files as one root module, with the local modules it calls and the values of its
 * variables (read through `readFolder` where given: the CLI and files opened from disk).
 */
export async function importTerraformFiles(
  files: { name: string; text: string }[],
  options: TerraformReading = {},
): Promise<ImportResult<MissingVariable>> {
  const root = await parseAll(files, options);
  const modules = options.readFolder
    ? await loadModules(root, options.readFolder, (f) => parseAll(f, options))
    : new Map<string, TerraformSource[]>();
  const rootDir = folderOf(files[0]?.name ?? "main.tf");
  const folder = options.readFolder ? ((await options.readFolder(rootDir)) ?? []) : [];
  const automatic = automaticVarFiles(folder.map((f) => f.name)).map(
    (name) => folder.find((f) => f.name === name) as { name: string; text: string },
  );
  const vars: Record<string, unknown> = {};
  for (const file of [...automatic, ...(options.varFiles ?? [])])
    Object.assign(vars, await readVarFile(file, (name, text) => parseHcl(name, text, options)));
  Object.assign(vars, options.vars ?? {});
  return importTerraform(root, { modules, vars });
}
