// The Conditions section: each condition evaluated once, from the parameters' values and the
// chosen region and account, so that a resource's Condition key and every Fn::If naming it agree.
// A condition that depends on a parameter without a value is unknown, never assumed.
import { type ConditionValue, intrinsicName, NO_VALUE, resolve, type Template } from "./intrinsics";

/** `condition(name)` for a template: evaluated on first use, remembered, cycles reported. */
export function conditionsOf(definitions: Record<string, unknown>, t: () => Template): Template["condition"] {
  const values = new Map<string, ConditionValue>();
  const evaluating = new Set<string>();
  return (name) => {
    if (!Object.hasOwn(definitions, name)) return undefined;
    const known = values.get(name);
    if (known) return known;
    if (evaluating.has(name)) return { unresolved: `condition ${name} depends on itself` };
    evaluating.add(name);
    const r = resolve(definitions[name], t());
    evaluating.delete(name);
    let value: ConditionValue;
    if ("unresolved" in r) value = r;
    else if (typeof r.value === "boolean") value = { holds: r.value };
    else value = { unresolved: `condition ${name} is not Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition` };
    values.set(name, value);
    return value;
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNoValue = (v: unknown) => isRecord(v) && intrinsicName(v) === "Ref" && v.Ref === "AWS::NoValue";

/**
 * A resource's properties with every Fn::If whose condition is known replaced by its branch, and
 * every AWS::NoValue removed (the property, or the list item): the condition decides the same way
 * in a property as in a resource's Condition key. An Fn::If whose condition is unknown stays, and
 * reading it says why.
 */
export function applyConditions(v: unknown, t: Template): unknown {
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const item of v) {
      const x = applyConditions(item, t);
      if (x !== NO_VALUE) out.push(x);
    }
    return out;
  }
  if (!isRecord(v)) return v;
  if (isNoValue(v)) return NO_VALUE;
  const name = intrinsicName(v);
  if (name === "Fn::If") {
    const arg = v[name];
    if (Array.isArray(arg) && arg.length === 3 && typeof arg[0] === "string") {
      const c = t.condition(arg[0]);
      if (c && "holds" in c) return applyConditions(c.holds ? arg[1] : arg[2], t);
    }
    // Unknown: left whole (a NoValue branch included), for the reader to say why.
    return v;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const x = applyConditions(v[k], t);
    if (x !== NO_VALUE) out[k] = x;
  }
  return out;
}
