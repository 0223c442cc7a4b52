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
      const where = at(["Parameters", name]);
      inputs.push({
        kind: "parameter",
        name,
        ...(description ? { description } : {}),
        type,
        file: where.file ?? "",
        ...(where.line !== undefined ? { line: where.line } : {}),
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
