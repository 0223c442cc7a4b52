// What the readers of resource types ask of a value: is it known, and did a variable give it?
// Bodies arrive evaluated (module.ts, body.ts); this turns their values into answers.
import { FromVariable } from "./body";
import { isMap, TfRef, Unknown } from "./eval/values";

export { TfRef };

export type Resolved = { value: unknown; variable?: string } | { unresolved: string; unknown?: Unknown };

export interface Scope {
  /** The root module's variables, for the names of the parties their CIDRs become. */
  variables: Map<string, { hasDefault: boolean; description?: string }>;
}

// A reference made text by a function (join, then split, as modules do with lists of ids) and
// given back: "${aws_security_group.web.id}" is that reference again.
const REFERENCE_TEXT = /^\$\{([a-z0-9]+_[a-z0-9_]+)\.(.+)\.([A-Za-z_][\w-]*)\}$/;

/** A value with FromVariable marks removed and references made text given back (deeply), as plain data. */
function plain(value: unknown): unknown {
  if (value instanceof FromVariable) return plain(value.value);
  if (typeof value === "string" && value.startsWith("${")) {
    const m = REFERENCE_TEXT.exec(value);
    return m ? new TfRef(m[1] as string, m[2] as string, m[3] as string) : value;
  }
  if (Array.isArray(value))
    return value.some((v) => v instanceof FromVariable || (typeof v === "string" && v.startsWith("${")))
      ? value.map(plain)
      : value;
  if (isMap(value) && Object.values(value).some((v) => v instanceof FromVariable))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** An evaluated value: known (and from which variable, if one gave it whole), or why not. */
export function resolve(value: unknown, _scope?: Scope): Resolved {
  if (value instanceof Unknown) return { unresolved: value.describe(), unknown: value };
  if (value instanceof FromVariable) {
    if (value.value instanceof Unknown) return resolve(value.value);
    return { value: plain(value.value), variable: value.variable };
  }
  return { value: plain(value) };
}

/**
 * The items of a list attribute, each on its own so that one unknown item does not hide the
 * others. A list a variable gave keeps the variable's name on each item.
 */
export function resolveList(value: unknown, _scope?: Scope): { items: Resolved[]; notList?: boolean } {
  if (value === undefined || value === null) return { items: [] };
  const r = resolve(value instanceof FromVariable || value instanceof Unknown ? value : undefined);
  if (value instanceof Unknown || (value instanceof FromVariable && "unresolved" in r)) return { items: [r] };
  const list = value instanceof FromVariable ? value.value : value;
  if (!Array.isArray(list)) return { items: [], notList: true };
  const variable = "variable" in r ? r.variable : undefined;
  return {
    items: list.map((v) => {
      const item = resolve(v);
      return "value" in item && variable && !item.variable ? { ...item, variable } : item;
    }),
  };
}
