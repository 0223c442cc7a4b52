// The Parameters section with the values given for it (--param Name=Value, the app's dialog):
// a given value wins over the Default; a parameter with neither is an input the import asks for,
// as CloudFormation asks for it when the stack is created.
import type { Problem } from "../../model/problems";
import { error, type Where, warning } from "../draft";
import type { Parameter } from "./intrinsics";
import { PSEUDO_DEFAULTS } from "./pseudo";
import type { Path } from "./template";

/** A parameter without a value: what the app's dialog and --param ask for (see ImportResult.inputs). */
export interface MissingParameter {
  kind: "parameter";
  name: string;
  description?: string;
  type?: string;
  file: string;
  line?: number;
  /** Whether something the import read waits on it (a group, rule, attachment, a resource's Condition): see Context.reached. */
  affects: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface ReadParameters {
  parameters: Map<string, Parameter>;
  inputs: MissingParameter[];
  /** Values given for pseudo parameters (AWS::Region=...): the chosen region and account. */
  pseudo: Record<string, string>;
}

export function readParameters(
  section: unknown,
  given: Readonly<Record<string, string>>,
  at: (path: Path) => Where,
  problems: { errors: Problem[]; warnings: Problem[] },
  /** Where a parameter is declared, for an input: without `at`'s positions of the whole file where that is costly. */
  placeOf: (name: string) => Where = (name) => at(["Parameters", name]),
): ReadParameters {
  const parameters = new Map<string, Parameter>();
  const inputs: MissingParameter[] = [];
  const declared = isRecord(section) ? section : {};
  for (const [name, p] of Object.entries(declared)) {
    if (!isRecord(p)) continue;
    const type = typeof p.Type === "string" ? p.Type : "String";
    const description = typeof p.Description === "string" ? p.Description : undefined;
    const value = Object.hasOwn(given, name) ? given[name] : p.Default === null ? undefined : p.Default;
    if (value !== undefined && Object.hasOwn(given, name) && Array.isArray(p.AllowedValues)) {
      // CloudFormation refuses a value outside AllowedValues; compared as text, as it does.
      const allowed = p.AllowedValues.map(String);
      if (!allowed.includes(String(value)))
        problems.errors.push(
          error(
            at(["Parameters", name, "AllowedValues"]),
            `--param ${name}=${value}: expected one of ${allowed.join(", ")}`,
          ),
        );
    }
    parameters.set(name, {
      type,
      hasValue: value !== undefined,
      ...(value !== undefined ? { value } : {}),
      ...(description ? { description } : {}),
    });
    if (value === undefined) {
      const where = placeOf(name);
      inputs.push({
        kind: "parameter",
        name,
        ...(description ? { description } : {}),
        type,
        file: where.file ?? "",
        ...(where.line !== undefined ? { line: where.line } : {}),
        // Known once the readers are done (importCloudFormation).
        affects: false,
      });
    }
  }
  const pseudo: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (name.startsWith("AWS::")) {
      if (name in PSEUDO_DEFAULTS || name === "AWS::NotificationARNs" || name === "AWS::StackId") pseudo[name] = value;
      else
        problems.warnings.push(
          warning(at(["Parameters"]), `--param ${name}: not a pseudo parameter an import can be given; ignored`),
        );
    } else if (!parameters.has(name))
      problems.warnings.push(
        warning(
          at(isRecord(section) ? ["Parameters"] : []),
          `--param ${name}: the template has no parameter ${name}; ignored`,
        ),
      );
  }
  return { parameters, inputs, pseudo };
}

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The line where `name` is declared in the Parameters section, found in the text alone: a clean
 * import of a region's template never pays for the positions of all its million values.
 */
export function parameterLine(text: string, name: string): number | undefined {
  const section = /["']?Parameters["']?\s*:/.exec(text);
  if (!section) return undefined;
  const key = new RegExp(`["']?${literally(name)}["']?\\s*:`, "g");
  key.lastIndex = section.index + section[0].length;
  const found = key.exec(text);
  if (!found) return undefined;
  let line = 1;
  for (let n = text.indexOf("\n"); n >= 0 && n < found.index; n = text.indexOf("\n", n + 1)) line++;
  return line;
}
