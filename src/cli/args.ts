// Command-line arguments with node:util parseArgs, and the usage errors people read.
import { type ParseArgsConfig, parseArgs } from "node:util";

/** Bad usage: a missing or unknown option, a value of the wrong form. Exit 2 with a hint. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parse(argv: readonly string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { help: { type: "boolean", short: "h" }, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed["values"], positionals };
  } catch (e) {
    const error = e as Error & { code?: string };
    const option = /'(-[^']*)'/.exec(error.message)?.[1];
    if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      throw new UsageError(`unknown option ${option ?? error.message}`);
    if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new UsageError(
        option ? `option ${option.replace(/^(-\w), /, "$1/")} needs a value` : error.message.split("\n")[0],
      );
    throw new UsageError(error.message.split("\n")[0] ?? String(error));
  }
}

export function text(parsed: Parsed, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === "string" ? v : undefined;
}

export function flag(parsed: Parsed, name: string): boolean {
  return parsed.values[name] === true;
}

export function required(parsed: Parsed, name: string): string {
  const v = text(parsed, name);
  if (v === undefined || v.trim() === "") throw new UsageError(`--${name} is required`);
  return v;
}

/** A whole number option: "--port 5432". Range checks belong to the engine, which names them. */
export function integer(parsed: Parsed, name: string): number | undefined {
  const v = text(parsed, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new UsageError(`--${name} must be a whole number, not "${v}"`);
  return Number(v);
}

export function oneOf<T extends string>(parsed: Parsed, name: string, allowed: readonly T[]): T | undefined {
  const v = text(parsed, name);
  if (v === undefined) return undefined;
  const lower = v.toLowerCase() as T;
  if (!allowed.includes(lower)) throw new UsageError(`--${name} must be ${allowed.join(" or ")}, not "${v}"`);
  return lower;
}

export function files(parsed: Parsed, atLeast = 1): string[] {
  if (parsed.positionals.length < atLeast)
    throw new UsageError(atLeast === 1 ? "no FILE given" : `expected ${atLeast} FILEs`);
  return parsed.positionals;
}

/** The reading options every command that reads FILEs takes (DESIGN.md's CLI contract). */
export const READING_OPTIONS: Options = {
  var: { type: "string", multiple: true },
  "var-file": { type: "string", multiple: true },
  param: { type: "string", multiple: true },
};

export const READING_USAGE = `  --var NAME=VALUE     a Terraform variable's value (repeatable)
  --var-file F         a .tfvars or .tfvars.json file (repeatable)
  --param NAME=VALUE   a CloudFormation parameter's value (repeatable)`;

function assignments(parsed: Parsed, name: string): Record<string, string> | undefined {
  const list = parsed.values[name];
  if (!Array.isArray(list)) return undefined;
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`--${name} takes NAME=VALUE, not "${item}"`);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return out;
}

/** --var, --var-file and --param as loadPaths takes them. */
export function readingValues(parsed: Parsed): {
  vars?: Record<string, string>;
  varFiles?: string[];
  params?: Record<string, string>;
} {
  const vars = assignments(parsed, "var");
  const params = assignments(parsed, "param");
  const varFiles = parsed.values["var-file"];
  return {
    ...(vars ? { vars } : {}),
    ...(params ? { params } : {}),
    ...(Array.isArray(varFiles) ? { varFiles } : {}),
  };
}
