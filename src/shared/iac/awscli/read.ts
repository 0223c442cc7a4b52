import type { z } from "zod";
import { jsonPositioner, parseJsonText } from "../../model/json";
import { formatPath, InputError, type Problem } from "../../model/problems";
import { OUTPUT_KEYS, OUTPUTS, type OutputKey } from "./shapes";

export type AwsCliOutput = { [K in OutputKey]?: z.infer<(typeof OUTPUTS)[K]> };

type JsonPath = (string | number)[];

export interface AwsCliFile {
  name: string;
  text: string;
}

function hasOutputKey(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return OUTPUT_KEYS.some((k) => Array.isArray((value as Record<string, unknown>)[k]));
}

/**
 * Where the describe output sits in a file: at the top as the CLI prints it, or under "data" in a
 * recording of boto3's response ({"status_code": 200, "data": {...}}, as placebo and
 * cloud-custodian's tests save it): the same response AWS sent, so it is read the same way.
 */
export function outputRoot(value: unknown): { output: Record<string, unknown>; root: JsonPath } | undefined {
  if (hasOutputKey(value)) return { output: value, root: [] };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.status_code === "number" && hasOutputKey(record.data))
    return { output: record.data, root: ["data"] };
  return undefined;
}

/** Whether a parsed JSON value looks like the output of one of the describe commands we read. */
export function isAwsCliOutput(value: unknown): boolean {
  return outputRoot(value) !== undefined;
}

/** Line and column of the value at `path` in JSON text, or of its deepest existing ancestor. */
export function jsonPosition(text: string, path: readonly (string | number)[]): { line?: number; column?: number } {
  return jsonPositioner(text)(path);
}

export function parseJson(file: AwsCliFile): unknown {
  return parseJsonText(file.text, file.name);
}

/** Validates a parsed file against the shapes of every describe output it contains. */
export function readAwsCliOutput(
  file: AwsCliFile,
  value: unknown = parseJson(file),
): { output: AwsCliOutput; root: JsonPath } {
  const found = outputRoot(value);
  if (!found)
    throw new InputError([
      {
        file: file.name,
        ...jsonPosition(file.text, []),
        message: `not AWS CLI output: expected an object with one of ${OUTPUT_KEYS.join(", ")} (the JSON that aws ec2 describe-security-groups, describe-instances, describe-network-interfaces, describe-managed-prefix-lists or get-managed-prefix-list-entries prints)`,
        severity: "error",
      },
    ]);
  const record = found.output;
  const out: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const position = jsonPositioner(file.text);
  for (const key of OUTPUT_KEYS) {
    if (record[key] === undefined) continue;
    const result = OUTPUTS[key].safeParse(record[key]);
    if (result.success) {
      out[key] = result.data;
      continue;
    }
    for (const issue of result.error.issues.slice(0, 5)) {
      const path = [key, ...issue.path.filter((k): k is string | number => typeof k !== "symbol")];
      problems.push({
        file: file.name,
        ...position([...found.root, ...path]),
        path: formatPath(path),
        message: describeIssue(issue, valueAt(record, path)),
        severity: "error",
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { output: out as AwsCliOutput, root: found.root };
}

function describeIssue(issue: z.core.$ZodIssue, found: unknown): string {
  if (issue.code === "invalid_type") return `expected ${issue.expected}, found ${typeName(found)}`;
  if (issue.code === "invalid_value") return `${issue.message}, found ${typeName(found)}`;
  return issue.message;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
