// A block's body as hcl2json gives it (expressions as "${…}" strings) evaluated into values, with
// dynamic blocks expanded into the nested blocks they generate. The readers of resource types
// then see plain values, references (TfRef) and unknowns that say what they depend on.
import { bind, type EvalScope, entries, evaluateText } from "./eval/evaluate";
import { EvaluationError, isMap, Unknown, type Value } from "./eval/values";

/** A block's body: its arguments and nested blocks by name. */
export type Body = Record<string, unknown>;

/**
 * A value written as exactly `var.name`: kept with the variable's name, so that a CIDR given by a
 * variable becomes a party named by it (see NamedCidr in ../draft/externals.ts).
 */
export class FromVariable {
  constructor(
    readonly value: Value,
    readonly variable: string,
  ) {}
}

/** Arguments Terraform itself reads, not the resource: never evaluated as part of the body. */
const META = new Set([
  "count",
  "for_each",
  "lifecycle",
  "depends_on",
  "provider",
  "provisioner",
  "connection",
  "timeouts",
]);
const LONE_VARIABLE = /^\$\{\s*var\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}$/;

const isBody = (v: unknown): v is Body => typeof v === "object" && v !== null && !Array.isArray(v);

/** hcl2json's value (a string, list or object of them) as a Terraform value. */
export function rawValue(raw: unknown, scope: EvalScope): Value {
  if (typeof raw === "string") return evaluateText(raw, scope);
  if (Array.isArray(raw)) return raw.map((v) => rawValue(v, scope));
  if (isBody(raw)) {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(raw)) out[k] = rawValue(v, scope);
    return out;
  }
  return raw;
}

function attributeValue(raw: unknown, scope: EvalScope, report: (message: string) => void): Value {
  if (typeof raw === "string") {
    const value = evaluateText(raw, scope);
    const lone = LONE_VARIABLE.exec(raw);
    if (lone && (typeof value === "string" || Array.isArray(value))) return new FromVariable(value, lone[1] as string);
    return value;
  }
  if (Array.isArray(raw)) return raw.map((v) => attributeValue(v, scope, report));
  if (isBody(raw)) return materialize(raw, scope, report);
  return raw;
}

/**
 * A body with every argument evaluated and each `dynamic "name"` block replaced by the `name`
 * blocks it generates (after the ones written out). `report` says what could not be generated.
 */
export function materialize(
  body: Body,
  scope: EvalScope,
  /** `unknown`: what the blocks wait on, which the design then depends on. */
  report: (message: string, unknown?: Unknown) => void,
): Body {
  const out: Body = {};
  for (const [k, v] of Object.entries(body)) {
    if (META.has(k) || k === "dynamic") continue;
    out[k] = attributeValue(v, scope, report);
  }
  if (!isBody(body.dynamic)) return out;
  for (const [name, list] of Object.entries(body.dynamic)) {
    for (const dynamic of Array.isArray(list) ? list.filter(isBody) : isBody(list) ? [list] : []) {
      const forEach = rawValue(dynamic.for_each, scope);
      if (forEach instanceof Unknown) {
        report(
          `the for_each of dynamic "${name}" ${forEach.describe()}; the blocks it makes are not imported`,
          forEach,
        );
        continue;
      }
      // `iterator = r` arrives as "${r}"; without it the iterator is the block's name.
      const iterator = typeof dynamic.iterator === "string" ? dynamic.iterator.replace(/^\$\{\s*|\s*\}$/g, "") : name;
      const contents = Array.isArray(dynamic.content)
        ? dynamic.content.filter(isBody)
        : isBody(dynamic.content)
          ? [dynamic.content]
          : [];
      let pairs: [Value, Value][];
      try {
        // A set iterates by value (key = value), a list by index, a map by key.
        pairs = isMap(forEach)
          ? entries(forEach)
          : Array.isArray(forEach)
            ? forEach.map((v) => [v, v])
            : entries(forEach);
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        report(`dynamic "${name}": ${e.message}`);
        continue;
      }
      const generated = Array.isArray(out[name]) ? (out[name] as Body[]) : [];
      for (const [key, value] of pairs)
        for (const content of contents)
          generated.push(materialize(content, bind(scope, { [iterator]: { key, value } }), report));
      // A dynamic block that makes no block is as if none were written (Terraform cannot tell):
      // Cloud Posse's groups keep an empty dynamic "ingress" beside their separate rule resources.
      if (generated.length > 0) out[name] = generated;
    }
  }
  return out;
}
