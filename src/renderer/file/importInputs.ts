// The values an import asks for (Terraform variables, CloudFormation parameters without a
// default): read from the host's reply with the api's own schema, and turned back into the
// request's `values` once the user has typed them. Pure: the dialog and fileOps call these.
import { type ImportInput, ImportInputs, type ImportValues } from "../../shared/api";
import type { Problem } from "../../shared/model";

/** Where an import came from, so that it can run again with values: its files, or a folder chosen on the desktop. */
export type ImportSource = { files: { name: string; text: string }[] } | { folder: string };

/** An import waiting for values: what the dialog shows. */
export interface PendingInputs {
  /** What was imported, as the user knows it (a file's or a folder's name). */
  name: string;
  source: ImportSource;
  inputs: ImportInput[];
  /** Values given in an earlier round, sent again with the new ones. */
  given: ImportValues;
  /** Why the last "Import with these values" failed; the design on the canvas is unchanged. */
  problems?: Problem[];
}

/** The inputs of an import reply, checked as the host checks requests: a malformed list is refused whole. */
export function readInputs(value: unknown): { inputs: ImportInput[] } | { problem: string } {
  if (value === undefined) return { inputs: [] };
  const parsed = ImportInputs.safeParse(value);
  if (parsed.success) return { inputs: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    problem: `the import's list of missing values could not be read (${issue?.path.join(".")}: ${issue?.message})`,
  };
}

/** The field's key: a variable and a parameter may share a name. */
export const inputKey = (input: Pick<ImportInput, "kind" | "name">): string => `${input.kind}:${input.name}`;

/**
 * The request's values: what was given before, with what the fields hold now (by inputKey). A
 * field left empty is not a value: the input stays a placeholder and is asked for again.
 */
export function valuesFrom(
  inputs: readonly ImportInput[],
  fields: Readonly<Record<string, string>>,
  given: ImportValues = {},
): ImportValues {
  const vars = { ...given.vars };
  const params = { ...given.params };
  for (const input of inputs) {
    const value = fields[inputKey(input)];
    if (value === undefined || value.trim() === "") continue;
    (input.kind === "variable" ? vars : params)[input.name] = value.trim();
  }
  return {
    ...(Object.keys(vars).length > 0 ? { vars } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
}

/** Where an input is declared, as `file:line`, the file by its own name. */
export function declaredAt(input: Pick<ImportInput, "file" | "line">): string {
  const file = input.file.split(/[\\/]/).pop() ?? input.file;
  return input.line === undefined ? file : `${file}:${input.line}`;
}

/**
 * The inputs something drawn waits on (a rule's peer, a group, a count: the dialog asks for these
 * first), and the others (an AMI id, a key pair: nothing Palisade draws depends on them).
 */
export function byEffect(inputs: readonly ImportInput[]): { affecting: ImportInput[]; others: ImportInput[] } {
  return { affecting: inputs.filter((i) => i.affects), others: inputs.filter((i) => !i.affects) };
}

/**
 * What the import's notice adds when the dialog does not open because nothing drawn depends on
 * the values it lacks: their names, so that a user who looks for them knows why none was asked.
 * Empty when the dialog opens (it shows them, folded) or nothing lacks a value.
 */
export function quietInputsNote(value: unknown): string {
  const read = readInputs(value);
  if ("problem" in read || read.inputs.length === 0) return "";
  const { affecting, others } = byEffect(read.inputs);
  if (affecting.length > 0) return "";
  const names = others.map((i) => i.name);
  const listed = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
  if (others.length === 1)
    return `${listed} has no value; nothing Palisade draws depends on it, so it is not asked for.`;
  return `${others.length} values have none (${listed}); nothing Palisade draws depends on them, so they are not asked for.`;
}
