// Evaluating intrinsic functions as far as a template and the values given for it allow:
// parameters (given, else their Default), pseudo parameters (a chosen region and account),
// Conditions, Mappings, and Sub/Join/Select/Split/GetAZs/Cidr over known values. References to
// the template's own resources stay references. ImportValue needs another stack.

import { show } from "../draft";
import { cidrOf } from "./cidr";
import { NO_VALUE, type PseudoParameters } from "./pseudo";

export { NO_VALUE } from "./pseudo";

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

/**
 * A value, or why it cannot be known. `parameter`: the parameter the value came from (a CIDR
 * named for it). `waitsOn`: the one thing an unknown waits on (a parameter without a value,
 * ImportValue X, a nested stack's output), which a placeholder is named for.
 */
export type Resolved = { value: unknown; parameter?: string } | { unresolved: string; waitsOn?: string };

export interface Parameter {
  type: string;
  /** Whether a value is known: given (--param, the import's params) or the Default. */
  hasValue: boolean;
  value?: unknown;
  description?: string;
}

/** Whether a condition holds, or why that is unknown. */
export type ConditionValue = { holds: boolean } | { unresolved: string; waitsOn?: string };

export interface Template {
  parameters: Map<string, Parameter>;
  mappings: Record<string, unknown>;
  resources: Set<string>;
  pseudo: PseudoParameters;
  /** A condition of the Conditions section by name (undefined: there is no such condition). */
  condition: (name: string) => ConditionValue | undefined;
  /** Resources whose Condition does not hold, so CloudFormation does not create them: id -> condition. */
  notCreated?: Map<string, string>;
}

const notCreated = (id: string, t: Template): Resolved | undefined => {
  const c = t.notCreated?.get(id);
  return c === undefined ? undefined : { unresolved: `${id} is not created: its condition ${c} does not hold` };
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The name of the intrinsic function `v` calls, if it is one: a mapping of one key, Ref, Condition or Fn::. */
export function intrinsicName(v: unknown): string | undefined {
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

export const missingParameter = (name: string) => `parameter ${name} has no value (no Default)`;

function parameterValue(name: string, p: Parameter): Resolved {
  if (!p.hasValue) return { unresolved: missingParameter(name), waitsOn: name };
  const list = p.type === "CommaDelimitedList" || p.type.startsWith("List<");
  const v = list && typeof p.value === "string" ? p.value.split(",").map((s) => s.trim()) : p.value;
  return { value: v, parameter: name };
}

function ref(written: unknown, t: Template, depth = 0): Resolved {
  // The LanguageExtensions transform lets Ref take a function (!Ref { Fn::Sub: "${Tier}Group" }).
  const name = intrinsicName(written) ? text(resolve(written, t, depth + 1)) : written;
  if (typeof name !== "string") return { unresolved: "Ref needs the name of a parameter or resource" };
  const p = t.parameters.get(name);
  if (p) return parameterValue(name, p);
  if (t.resources.has(name)) return { value: new CfnRef(name, "Ref") };
  const absent = notCreated(name, t);
  if (absent) return absent;
  if (name.startsWith("AWS::")) {
    const pseudo = t.pseudo.value(name);
    if (pseudo) return pseudo;
  }
  return { unresolved: `!Ref ${name} names no parameter or resource of this template` };
}

/** A condition's value as Fn::If, Fn::And... take it: a name, or (in Conditions) a nested condition function. */
function conditionOf(v: unknown, t: Template, depth: number): ConditionValue {
  if (typeof v === "string") {
    const c = t.condition(v);
    return c ?? { unresolved: `there is no condition ${v} in Conditions` };
  }
  const r = resolve(v, t, depth + 1);
  if ("unresolved" in r) return r;
  if (typeof r.value === "boolean") return { holds: r.value };
  if (r.value === "true" || r.value === "false") return { holds: r.value === "true" };
  return { unresolved: `${show(r.value)} is not a condition` };
}

const text = (r: Resolved): string | undefined =>
  "value" in r && (typeof r.value === "string" || typeof r.value === "number") ? String(r.value) : undefined;

/** CloudFormation compares as text: a parameter's "2" equals a literal 2. */
function scalarText(v: unknown): string {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
}

function conditionFunction(name: string, arg: unknown, t: Template, depth: number): Resolved {
  if (name === "Fn::Equals") {
    if (!Array.isArray(arg) || arg.length !== 2) return { unresolved: "Fn::Equals needs [value, value]" };
    const a = resolve(arg[0], t, depth + 1);
    if ("unresolved" in a) return a;
    const b = resolve(arg[1], t, depth + 1);
    if ("unresolved" in b) return b;
    return { value: scalarText(a.value) === scalarText(b.value) };
  }
  if (name === "Fn::Not") {
    const c = conditionOf(Array.isArray(arg) ? arg[0] : arg, t, depth);
    return "holds" in c ? { value: !c.holds } : c;
  }
  // Fn::And, Fn::Or: a known deciding member decides, whatever the others are.
  if (!Array.isArray(arg)) return { unresolved: `${name} needs a list of conditions` };
  const decides = name === "Fn::Or";
  let unknown: ConditionValue | undefined;
  for (const item of arg) {
    const c = conditionOf(item, t, depth);
    if (!("holds" in c)) unknown ??= c;
    else if (c.holds === decides) return { value: decides };
  }
  return unknown && "unresolved" in unknown ? unknown : { value: !decides };
}

function sub(text: unknown, vars: Record<string, unknown>, t: Template, depth: number): Resolved {
  if (typeof text !== "string") return { unresolved: "Fn::Sub needs a string" };
  let failure: Resolved | undefined;
  let parameter: string | undefined;
  const out = text.replace(/\$\{(!?)([^}]*)\}/g, (_, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    const r =
      name in vars ? resolve(vars[name], t, depth + 1) : name.includes(".") ? getAtt(name.split("."), t) : ref(name, t);
    if ("unresolved" in r) failure ??= r;
    else if (typeof r.value === "string" || typeof r.value === "number") {
      parameter ??= r.parameter;
      return String(r.value);
    } else failure ??= { unresolved: `\${${name}} is not text that can be known from the template` };
    return "";
  });
  return failure ?? { value: out, ...(parameter ? { parameter } : {}) };
}

function getAtt(arg: unknown, t: Template, depth = 0): Resolved {
  const parts: unknown[] = Array.isArray(arg) ? arg : typeof arg === "string" ? arg.split(".") : [];
  const id = intrinsicName(parts[0]) ? text(resolve(parts[0], t, depth + 1)) : parts[0];
  if (typeof id !== "string" || !t.resources.has(id))
    return (
      (typeof id === "string" ? notCreated(id, t) : undefined) ?? {
        unresolved: `!GetAtt ${show(id)} names no resource of this template`,
      }
    );
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
        // AWS::NoValue (often behind Fn::If) removes the item.
        if ("value" in r && r.value === NO_VALUE) continue;
        items.push("value" in r ? r.value : item);
      }
      return { value: items };
    }
    return { value: v };
  }
  const arg = (v as Record<string, unknown>)[name];
  switch (name) {
    case "Ref":
      return ref(arg, t, depth);
    case "Fn::GetAtt":
      return getAtt(arg, t, depth);
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
      if ("unresolved" in items)
        return items.waitsOn ? { ...items, waitsOn: `${items.waitsOn}[${show(index.value)}]` } : items;
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
      if (Array.isArray(r.value)) return r; // a list parameter, already split
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
      if (value !== undefined) return resolve(value, t, depth + 1);
      // The LanguageExtensions transform's fourth argument: { DefaultValue: x }.
      const fallback = arg[3];
      if (isRecord(fallback) && fallback.DefaultValue !== undefined)
        return resolve(fallback.DefaultValue, t, depth + 1);
      return { unresolved: `Mappings has no ${m}.${a}.${b}` };
    }
    case "Fn::If": {
      if (!Array.isArray(arg) || arg.length !== 3)
        return { unresolved: "Fn::If needs [condition, value if true, value if false]" };
      const c = conditionOf(arg[0], t, depth);
      if ("unresolved" in c) return { ...c, unresolved: `Fn::If [${show(arg[0])}, ...]: ${c.unresolved}` };
      return resolve(c.holds ? arg[1] : arg[2], t, depth + 1);
    }
    case "Condition": {
      const c = conditionOf(arg, t, depth);
      return "holds" in c ? { value: c.holds } : c;
    }
    case "Fn::Equals":
    case "Fn::And":
    case "Fn::Or":
    case "Fn::Not":
      return conditionFunction(name, arg, t, depth);
    case "Fn::GetAZs": {
      const region =
        arg === null || arg === undefined || arg === "" ? { value: t.pseudo.region } : resolve(arg, t, depth + 1);
      if ("unresolved" in region) return region;
      return { value: t.pseudo.zones(String(region.value || t.pseudo.region)) };
    }
    case "Fn::Cidr": {
      if (!Array.isArray(arg) || arg.length !== 3) return { unresolved: "Fn::Cidr needs [ipBlock, count, cidrBits]" };
      const parts: unknown[] = [];
      for (const a of arg) {
        const r = resolve(a, t, depth + 1);
        if ("unresolved" in r) return r;
        parts.push(r.value);
      }
      const blocks = cidrOf(String(parts[0]), Number(parts[1]), Number(parts[2]));
      return typeof blocks === "string" ? { unresolved: `Fn::Cidr: ${blocks}` } : { value: blocks };
    }
    case "Fn::Length": {
      const items = list(arg, t, depth);
      return Array.isArray(items) ? { value: items.length } : items;
    }
    case "Fn::Base64":
      return resolve(arg, t, depth + 1);
    case "Fn::ImportValue": {
      const exported = resolve(arg, t, depth + 1);
      const what = "value" in exported ? show(exported.value) : show(arg);
      return {
        unresolved: `Fn::ImportValue ${what} reads another stack's export, known only where it is deployed`,
        waitsOn: `ImportValue ${what}`,
      };
    }
    default:
      return { unresolved: `${name} cannot be evaluated from the template alone` };
  }
}
