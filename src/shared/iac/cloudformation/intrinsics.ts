// Evaluating intrinsic functions as far as a template alone allows: parameters with a Default,
// Mappings, and Sub/Join/Select/Split over known values. References to the template's own
// resources stay references. ImportValue, GetAZs, If and pseudo parameters need a deployment.

import { show } from "../draft";

/** A reference to a resource of the template: Ref (attribute "Ref") or Fn::GetAtt. */
export class CfnRef {
  constructor(
    readonly logicalId: string,
    readonly attribute: string,
  ) {}
  toString(): string {
    return this.attribute === "Ref" ? `!Ref ${this.logicalId}` : `!GetAtt ${this.logicalId}.${this.attribute}`;
  }
}

export type Resolved = { value: unknown; parameter?: string } | { unresolved: string };

export interface Parameter {
  type: string;
  hasDefault: boolean;
  default?: unknown;
  description?: string;
}

export interface Template {
  parameters: Map<string, Parameter>;
  mappings: Record<string, unknown>;
  resources: Set<string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The name of the intrinsic function `v` calls, if it is one: a mapping of one key, Ref, Condition or Fn::. */
function intrinsicName(v: unknown): string | undefined {
  if (!isRecord(v)) return undefined;
  // Counted without Object.keys, which would make a list for every mapping of a template.
  let key: string | undefined;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    if (key !== undefined) return undefined;
    key = k;
  }
  return key !== undefined && (key === "Ref" || key === "Condition" || key.startsWith("Fn::")) ? key : undefined;
}

function parameterValue(name: string, p: Parameter): Resolved {
  if (!p.hasDefault) return { unresolved: `parameter ${name} has no Default, so its value is unknown` };
  const list = p.type === "CommaDelimitedList" || p.type.startsWith("List<");
  const v = list && typeof p.default === "string" ? p.default.split(",").map((s) => s.trim()) : p.default;
  return { value: v, parameter: name };
}

function ref(name: unknown, t: Template): Resolved {
  if (typeof name !== "string") return { unresolved: "Ref needs the name of a parameter or resource" };
  const p = t.parameters.get(name);
  if (p) return parameterValue(name, p);
  if (t.resources.has(name)) return { value: new CfnRef(name, "Ref") };
  if (name.startsWith("AWS::")) return { unresolved: `${name} is only known when the stack is deployed` };
  return { unresolved: `!Ref ${name} names no parameter or resource of this template` };
}

function sub(text: unknown, vars: Record<string, unknown>, t: Template, depth: number): Resolved {
  if (typeof text !== "string") return { unresolved: "Fn::Sub needs a string" };
  let failure: string | undefined;
  let parameter: string | undefined;
  const out = text.replace(/\$\{(!?)([^}]*)\}/g, (_, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    const r =
      name in vars ? resolve(vars[name], t, depth + 1) : name.includes(".") ? getAtt(name.split("."), t) : ref(name, t);
    if ("unresolved" in r) failure ??= r.unresolved;
    else if (typeof r.value === "string" || typeof r.value === "number") {
      parameter ??= r.parameter;
      return String(r.value);
    } else failure ??= `\${${name}} is not text that can be known from the template`;
    return "";
  });
  return failure ? { unresolved: failure } : { value: out, ...(parameter ? { parameter } : {}) };
}

function getAtt(arg: unknown, t: Template): Resolved {
  const parts: unknown[] = Array.isArray(arg) ? arg : typeof arg === "string" ? arg.split(".") : [];
  const id = parts[0];
  if (typeof id !== "string" || !t.resources.has(id))
    return { unresolved: `!GetAtt ${show(id)} names no resource of this template` };
  // [id, attribute] is the usual form (every GroupId of a template): no rest array to join.
  const second = parts[1];
  const attribute = parts.length === 2 && typeof second === "string" ? second : parts.slice(1).join(".");
  return { value: new CfnRef(id, attribute) };
}

function list(v: unknown, t: Template, depth: number): unknown[] | Resolved {
  const r = resolve(v, t, depth + 1);
  if ("unresolved" in r) return r;
  return Array.isArray(r.value) ? r.value : { unresolved: "expected a list" };
}

/** A template value with its intrinsic functions evaluated where the template alone allows. */
export function resolve(v: unknown, t: Template, depth = 0): Resolved {
  if (depth > 30) return { unresolved: "intrinsic functions nest too deeply" };
  const name = intrinsicName(v);
  if (name === undefined) {
    if (Array.isArray(v)) {
      const items: unknown[] = [];
      for (const item of v) {
        const r = resolve(item, t, depth + 1);
        items.push("value" in r ? r.value : item);
      }
      return { value: items };
    }
    return { value: v };
  }
  const arg = (v as Record<string, unknown>)[name];
  switch (name) {
    case "Ref":
      return ref(arg, t);
    case "Fn::GetAtt":
      return getAtt(arg, t);
    case "Fn::Sub":
      if (Array.isArray(arg)) return sub(arg[0], isRecord(arg[1]) ? arg[1] : {}, t, depth);
      return sub(arg, {}, t, depth);
    case "Fn::Join": {
      if (!Array.isArray(arg) || typeof arg[0] !== "string") return { unresolved: "Fn::Join needs [delimiter, list]" };
      const items = list(arg[1], t, depth);
      if (!Array.isArray(items)) return items;
      const parts: string[] = [];
      for (const item of items) {
        const r = resolve(item, t, depth + 1);
        if ("unresolved" in r) return r;
        if (typeof r.value !== "string" && typeof r.value !== "number")
          return { unresolved: "Fn::Join of values that are not text" };
        parts.push(String(r.value));
      }
      return { value: parts.join(arg[0]) };
    }
    case "Fn::Select": {
      if (!Array.isArray(arg)) return { unresolved: "Fn::Select needs [index, list]" };
      const index = resolve(arg[0], t, depth + 1);
      const items = resolve(arg[1], t, depth + 1);
      if ("unresolved" in index) return index;
      if ("unresolved" in items) return items;
      if (!Array.isArray(items.value)) return { unresolved: "Fn::Select needs a list" };
      const item = items.value[Number(index.value)];
      if (item === undefined) return { unresolved: `Fn::Select: no item ${show(index.value)}` };
      const r = resolve(item, t, depth + 1);
      return "value" in r && items.parameter ? { ...r, parameter: items.parameter } : r;
    }
    case "Fn::Split": {
      if (!Array.isArray(arg) || typeof arg[0] !== "string") return { unresolved: "Fn::Split needs [delimiter, text]" };
      const r = resolve(arg[1], t, depth + 1);
      if ("unresolved" in r) return r;
      return typeof r.value === "string"
        ? { ...r, value: r.value.split(arg[0]) }
        : { unresolved: "Fn::Split of a value that is not text" };
    }
    case "Fn::FindInMap": {
      if (!Array.isArray(arg) || arg.length < 3) return { unresolved: "Fn::FindInMap needs [map, key, key]" };
      const keys: string[] = [];
      for (const k of arg.slice(0, 3)) {
        const r = resolve(k, t, depth + 1);
        if ("unresolved" in r) return r;
        keys.push(String(r.value));
      }
      const [m, a, b] = keys as [string, string, string];
      const top = t.mappings[m];
      const second = isRecord(top) ? top[a] : undefined;
      const value = isRecord(second) ? second[b] : undefined;
      return value === undefined ? { unresolved: `Mappings has no ${m}.${a}.${b}` } : resolve(value, t, depth + 1);
    }
    case "Fn::ImportValue":
      return { unresolved: "Fn::ImportValue reads another stack's export, known only when deployed" };
    case "Fn::GetAZs":
      return { unresolved: "Fn::GetAZs is only known when the stack is deployed" };
    case "Fn::If":
      return { unresolved: "Fn::If depends on a condition that is only known when the stack is deployed" };
    default:
      return { unresolved: `${name} cannot be evaluated from the template alone` };
  }
}
