// FILE arguments of the CLI (and files dropped on the app): files or folders of any importable
// kind, detected by name and content, read into one design plus warnings.
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ImportInput, ImportValues } from "../shared/api";
import { importAwsCli, parseJson } from "../shared/iac/awscli";
import { assemblyManifest } from "../shared/iac/cdk-assembly";
import { importCloudFormation } from "../shared/iac/cloudformation";
import { detectKind as detectFileKind, type FileKind, type SourceFile } from "../shared/iac/detect";
import { importRecorded } from "../shared/iac/terraform/show/import";
import { type Design, InputError, type Problem, parseDesign } from "../shared/model";
import { readTextFile } from "./files";
import { importTerraformFiles, type TerraformReading } from "./hcl";
import { mergeDesigns, type Source } from "./merge";
import { declarationLocator, designLocator, firstOf, type Locate, placesLocator } from "./places";

export type { FileKind, SourceFile };

const slashes = (name: string) => name.replace(/\\/g, "/");
const folderOfName = (name: string) => slashes(name).replace(/\/?[^/]*$/, "");
const inFolder = (folder: string, file: string) => (folder ? `${folder}/${file}` : file);

function isCdkManifest(file: SourceFile): boolean {
  try {
    return detectKind(file) === "cdk" && assemblyManifest(parsedJson.get(file)?.value) !== undefined;
  } catch {
    return false;
  }
}

/** The templates a cdk.out manifest among these files lists, by the name they are read under. */
function listedTemplates(file: SourceFile): { manifest: string; template: string }[] {
  const manifest = assemblyManifest(parsedJson.get(file)?.value);
  if (!manifest) return [];
  return manifest.stacks.map((s) => ({
    manifest: file.name,
    template: inFolder(folderOfName(file.name), s.templateFile),
  }));
}

/**
 * A CDK manifest's stacks are imported from their templates (CloudFormation); the manifest only
 * says which they are. A template it lists that is not among the files is an error, so that a
 * stack is never dropped silently.
 */
function missingTemplates(cdk: readonly SourceFile[], templates: readonly SourceFile[]): Problem[] {
  const have = new Set(templates.map((t) => slashes(t.name)));
  return cdk.flatMap(listedTemplates).flatMap(({ manifest, template }) =>
    have.has(template)
      ? []
      : [
          {
            file: manifest,
            message: `lists the stack template ${template}, which is not among the files read`,
            severity: "error" as const,
          },
        ],
  );
}

/** What the app's import gets: plain data, so that it crosses IPC (structured clone). */
export interface Imported {
  design: Design;
  warnings: Problem[];
  /** Values the files need and were not given (Terraform variables, CloudFormation parameters). */
  inputs: ImportInput[];
}

export interface Loaded extends Imported {
  /** Where a group, rule, node or intent was written, where that is known. */
  locate: Locate;
}

const VAR_FILE = /\.tfvars(\.json)?$/i;
/** Files a folder is read for; a file named on its own may have any name (its content tells). */
const CANDIDATE = /\.(tf|tf\.json|json|ya?ml|template)$/i;

/**
 * JSON read by detectKind, kept for the importer that reads the file next (a template of tens of
 * megabytes was parsed two or three times: to tell its kind, in a folder again, then to import).
 */
const parsedJson = new WeakMap<SourceFile, { value: unknown }>();

function parseKept(file: SourceFile): unknown {
  const known = parsedJson.get(file);
  if (known) return known.value;
  const value = parseJson(file);
  parsedJson.set(file, { value });
  return value;
}

/** What kind of file this is, or why it cannot be told (the shared detector, keeping the JSON it read). */
export function detectKind(file: SourceFile): FileKind | { unknown: string } {
  return detectFileKind(file, parseKept);
}

/**
 * Imports files already read (the app sends their text): each design file, each CloudFormation
 * template, all Terraform files together (one module) and all AWS CLI outputs together.
 */
export async function importFiles(files: readonly SourceFile[], values: ImportValues = {}): Promise<Imported> {
  const { design, warnings, inputs } = await importLocated(files, undefined, {
    ...(values.vars ? { vars: values.vars } : {}),
    ...(values.params ? { params: values.params } : {}),
  });
  return { design, warnings, inputs };
}

/** importFiles, also telling where each part was written (for findings at file:line:column). */
export async function importLocated(
  files: readonly SourceFile[],
  origin?: string,
  reading: TerraformReading & { params?: Record<string, string> } = {},
): Promise<Loaded> {
  const byKind: Record<FileKind, SourceFile[]> = {
    design: [],
    awscli: [],
    terraform: [],
    terraformShow: [],
    cloudformation: [],
    cdk: [],
  };
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      const kind = detectKind(file);
      if (typeof kind === "string") byKind[kind].push(file);
      else
        problems.push({
          file: file.name,
          message: `cannot tell what kind of file this is: ${kind.unknown}`,
          severity: "error",
        });
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  problems.push(...missingTemplates(byKind.cdk, byKind.cloudformation));
  if (problems.length > 0) throw new InputError(problems);

  const sources: Source[] = [];
  const warnings: Problem[] = [];
  const inputs: ImportInput[] = [];
  const locators: Locate[] = [];
  const collect = async (run: () => Promise<void> | void) => {
    try {
      await run();
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  };
  for (const file of byKind.design)
    await collect(() => {
      const design = parseDesign(file.text, file.name);
      sources.push({ name: file.name, design, positioned: true });
      locators.push(designLocator(file, design));
    });
  if (byKind.terraform.length > 0)
    await collect(async () => {
      const result = await importTerraformFiles(byKind.terraform, reading);
      locators.push(declarationLocator(byKind.terraform));
      sources.push({
        name: origin ?? byKind.terraform.map((f) => f.name).join(", "),
        design: result.design,
        positioned: false,
      });
      warnings.push(...result.warnings);
      inputs.push(...result.inputs);
    });
  for (const file of byKind.terraformShow)
    await collect(() => {
      const result = importRecorded(file, parsedJson.get(file)?.value);
      sources.push({ name: file.name, design: result.design, positioned: false });
      warnings.push(...result.warnings);
      inputs.push(...result.inputs);
    });
  for (const file of byKind.cloudformation)
    await collect(() => {
      const result = importCloudFormation(file, parsedJson.get(file), reading.params ? { params: reading.params } : {});
      locators.push(declarationLocator([file]));
      sources.push({ name: file.name, design: result.design, positioned: false });
      warnings.push(...result.warnings);
      inputs.push(...result.inputs);
    });
  if (byKind.awscli.length > 0)
    await collect(() => {
      const result = importAwsCli(byKind.awscli);
      locators.push(placesLocator(result.locate));
      sources.push({ name: byKind.awscli.map((f) => f.name).join(", "), design: result.design, positioned: false });
      warnings.push(...result.warnings);
      inputs.push(...result.inputs);
    });
  if (problems.length > 0) throw new InputError(problems);
  const merged = mergeDesigns(sources);
  return {
    design: merged.design,
    warnings: [...warnings, ...merged.warnings],
    inputs,
    locate: firstOf(locators),
  };
}

/** Values a file needs, from the command line: --var, --var-file (Terraform), --param (CloudFormation). */
export interface Values {
  vars?: Record<string, string>;
  varFiles?: string[];
  params?: Record<string, string>;
}

const TERRAFORM_FOLDER_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/i;

/** A folder's Terraform files, for local modules and the variable files Terraform reads itself. */
async function readTerraformFolder(dir: string): Promise<SourceFile[] | undefined> {
  try {
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isFile() && TERRAFORM_FOLDER_FILE.test(d.name) && !d.name.startsWith("."))
      .map((d) => d.name)
      .sort();
    return await Promise.all(
      names.map(async (name) => ({ name: join(dir, name), text: await readTextFile(join(dir, name)) })),
    );
  } catch {
    return undefined;
  }
}

function ioMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  return (error as Error | undefined)?.message ?? String(error);
}

/**
 * Reads FILE arguments: files, or folders whose importable files are read together (a Terraform
 * module, a folder of AWS CLI output). A file named explicitly must be importable; in a folder,
 * files of no known kind are left out with a warning.
 */
export async function loadPaths(
  paths: readonly string[],
  values: Values = {},
): Promise<Loaded & { files: SourceFile[] }> {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const read = async (path: string) => {
    try {
      files.push({ name: path, text: await readTextFile(path) });
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else problems.push({ file: path, message: `cannot read the file: ${ioMessage(e)}`, severity: "error" });
    }
  };
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (e) {
      problems.push({ file: path, message: `cannot read: ${ioMessage(e)}`, severity: "error" });
      continue;
    }
    if (!isFolder) {
      await read(path);
      continue;
    }
    const names = (await readdir(path, { withFileTypes: true }))
      // Variable files (x.tfvars.json) are read by the Terraform import itself, not as inputs.
      .filter((d) => d.isFile() && CANDIDATE.test(d.name) && !d.name.startsWith(".") && !VAR_FILE.test(d.name))
      .map((d) => d.name)
      .sort();
    const before = files.length;
    for (const name of names) await read(join(path, name));
    const found = files.splice(before);
    for (const file of found) {
      let kind: ReturnType<typeof detectKind>;
      try {
        kind = detectKind(file);
      } catch {
        kind = { unknown: "not valid JSON" };
      }
      if (typeof kind === "string") files.push(file);
      else warnings.push({ file: file.name, message: `left out: ${kind.unknown}`, severity: "warning" });
    }
    if (files.length === before)
      problems.push({
        file: path,
        message: `the folder holds no importable file (.tf, .palisade.json, CloudFormation or AWS CLI JSON)`,
        severity: "error",
      });
  }
  // A cdk.out manifest named on its own brings the templates it lists.
  for (const file of [...files]) {
    if (!isCdkManifest(file)) continue;
    for (const { template } of listedTemplates(file))
      if (!files.some((f) => slashes(f.name) === template)) await read(template);
    for (const folder of assemblyManifest(parsedJson.get(file)?.value)?.nested ?? [])
      warnings.push({
        file: file.name,
        message: `the nested cloud assembly ${folder} (a CDK stage) is not read: import that folder as well`,
        severity: "warning",
      });
  }
  if (problems.length > 0) throw new InputError(problems);
  const origin = paths.length === 1 ? basename(paths[0] as string) : undefined;
  const varFiles: SourceFile[] = [];
  for (const path of values.varFiles ?? []) {
    try {
      varFiles.push({ name: path, text: await readTextFile(path) });
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError([
        { file: path, message: `cannot read the variable file: ${ioMessage(e)}`, severity: "error" },
      ]);
    }
  }
  const loaded = await importLocated(files, origin, {
    readFolder: readTerraformFolder,
    varFiles,
    ...(values.vars ? { vars: values.vars } : {}),
    ...(values.params ? { params: values.params } : {}),
  });
  return { ...loaded, warnings: [...warnings, ...loaded.warnings], files };
}
