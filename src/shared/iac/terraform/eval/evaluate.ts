// Evaluates a parsed Terraform expression. An unknown operand makes the result unknown (with
// what it depends on), never a guess; a type error is an EvaluationError, which try() catches.
import type { Expr, Step } from "./ast";
import { callFunction } from "./functions";
import { parseTemplate } from "./parse";
import { SyntaxProblem } from "./tokens";
import {
  EvaluationError,
  equal,
  isMap,
  Namespace,
  sortedKeys,
  TfRef,
  toBool,
  toNumber,
  toText,
  typeName,
  Unknown,
  unknownIn,
  type Value,
} from "./values";

/** The names an expression can start with: var, local, count, each, a resource type… */
export interface EvalScope {
  root(name: string): Value | undefined;
}

/** A scope with some names bound on top of another (a for expression's, an iterator's). */
export function bind(outer: EvalScope, names: Record<string, Value>): EvalScope {
  return { root: (name) => (Object.hasOwn(names, name) ? names[name] : outer.root(name)) };
}

function attribute(of: Value, name: string): Value {
  if (of instanceof Unknown) return of;
  if (of instanceof Namespace) {
    const v = of.get(name);
    if (v === undefined) throw new EvaluationError(`${of.name} has no attribute "${name}"`);
    return v;
  }
  if (isMap(of)) {
    if (!Object.hasOwn(of, name)) throw new EvaluationError(`the map has no element "${name}"`);
    return of[name];
  }
  if (of instanceof TfRef) return new TfRef(of.type, of.name, `${of.attribute}.${name}`);
  throw new EvaluationError(`cannot read "${name}" of ${typeName(of)}`);
}

function index(of: Value, key: Value): Value {
  if (of instanceof Unknown) return of;
  if (key instanceof Unknown) return key;
  if (Array.isArray(of)) {
    const i = toNumber(key);
    if (!Number.isInteger(i) || i < 0 || i >= of.length)
      throw new EvaluationError(`index ${i} is out of range for a list of ${of.length}`);
    return of[i];
  }
  if (of instanceof Namespace || isMap(of)) return attribute(of, toText(key));
  if (of instanceof TfRef) return new TfRef(of.type, of.name, `${of.attribute}[${JSON.stringify(key)}]`);
  throw new EvaluationError(`cannot index ${typeName(of)}`);
}

function applySteps(value: Value, steps: readonly Step[], scope: EvalScope): Value {
  let v = value;
  for (const step of steps) v = "attr" in step ? attribute(v, step.attr) : index(v, evaluate(step.index, scope));
  return v;
}

function arithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new EvaluationError("division by zero");
      return a / b;
    default:
      if (b === 0) throw new EvaluationError("modulo by zero");
      return a % b;
  }
}

function binary(expr: Extract<Expr, { kind: "binary" }>, scope: EvalScope): Value {
  const left = evaluate(expr.left, scope);
  // A known false (true) decides && (||) whatever the other side is.
  if (expr.op === "&&" && left === false) return false;
  if (expr.op === "||" && left === true) return true;
  const right = evaluate(expr.right, scope);
  if (expr.op === "==" || expr.op === "!=") {
    const u = unknownIn([left, right]);
    if (u) return u;
    return (expr.op === "==") === equal(left, right);
  }
  if (left instanceof Unknown || right instanceof Unknown) {
    if (expr.op === "&&" && right === false) return false;
    if (expr.op === "||" && right === true) return true;
    return Unknown.merge([left, right].filter((v): v is Unknown => v instanceof Unknown));
  }
  switch (expr.op) {
    case "&&":
      return toBool(left) && toBool(right);
    case "||":
      return toBool(left) || toBool(right);
    case "<":
      return toNumber(left) < toNumber(right);
    case ">":
      return toNumber(left) > toNumber(right);
    case "<=":
      return toNumber(left) <= toNumber(right);
    case ">=":
      return toNumber(left) >= toNumber(right);
    default:
      return arithmetic(expr.op, toNumber(left), toNumber(right));
  }
}

function conditional(expr: Extract<Expr, { kind: "conditional" }>, scope: EvalScope): Value {
  const condition = evaluate(expr.condition, scope);
  if (!(condition instanceof Unknown)) return evaluate(toBool(condition) ? expr.then : expr.else, scope);
  // Unknown condition: the result is known only when both branches agree.
  try {
    const a = evaluate(expr.then, scope);
    const b = evaluate(expr.else, scope);
    if (!unknownIn([a, b]) && equal(a, b)) return a;
    return Unknown.merge([condition, ...[a, b].filter((v): v is Unknown => v instanceof Unknown)]);
  } catch {
    return condition;
  }
}

function template(parts: readonly (string | Expr)[], scope: EvalScope): Value {
  let out = "";
  const unknown: Unknown[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const v = evaluate(part, scope);
    if (v instanceof Unknown) unknown.push(v);
    else if (v === null) throw new EvaluationError("a template cannot hold null");
    else out += toText(v);
  }
  return unknown.length ? Unknown.merge(unknown) : out;
}

/** The (key, value) pairs a for expression or for_each iterates: a list by index, a map by sorted key. */
export function entries(collection: Value): [Value, Value][] {
  if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
  if (isMap(collection)) return sortedKeys(collection).map((k) => [k, collection[k]]);
  throw new EvaluationError(`a for expression needs a list, set or map, not ${typeName(collection)}`);
}

function forExpression(expr: Extract<Expr, { kind: "for" }>, scope: EvalScope): Value {
  const collection = evaluate(expr.collection, scope);
  if (collection instanceof Unknown) return collection;
  const list: Value[] = [];
  const object: Record<string, Value> = {};
  const unknown: Unknown[] = [];
  for (const [k, v] of entries(collection)) {
    const inner = bind(scope, { [expr.valueVar]: v, ...(expr.keyVar ? { [expr.keyVar]: k } : {}) });
    if (expr.condition) {
      const keep = evaluate(expr.condition, inner);
      if (keep instanceof Unknown) {
        unknown.push(keep);
        continue;
      }
      if (!toBool(keep)) continue;
    }
    const value = evaluate(expr.value, inner);
    if (!expr.object || !expr.key) {
      list.push(value);
      continue;
    }
    const key = evaluate(expr.key, inner);
    if (key instanceof Unknown) {
      unknown.push(key);
      continue;
    }
    const name = toText(key);
    if (expr.group) {
      const group = Object.hasOwn(object, name) ? (object[name] as Value[]) : [];
      group.push(value);
      object[name] = group;
    } else if (Object.hasOwn(object, name))
      throw new EvaluationError(`the for expression makes the key "${name}" twice (add ... to group them)`);
    else object[name] = value;
  }
  if (unknown.length) return Unknown.merge(unknown);
  return expr.object ? object : list;
}

function splat(expr: Extract<Expr, { kind: "splat" }>, scope: EvalScope): Value {
  const source = evaluate(expr.of, scope);
  if (source instanceof Unknown) return source;
  // A splat of a single value is a list of that value; of null, an empty list.
  const items = source === null ? [] : Array.isArray(source) ? source : [source];
  return items.map((item) => applySteps(item, expr.steps, scope));
}

export function evaluate(expr: Expr, scope: EvalScope): Value {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "template":
      return template(expr.parts, scope);
    case "variable": {
      const v = scope.root(expr.name);
      if (v === undefined) throw new EvaluationError(`"${expr.name}" is not a name Terraform knows here`);
      return v;
    }
    case "attr":
      return attribute(evaluate(expr.of, scope), expr.name);
    case "index":
      return index(evaluate(expr.of, scope), evaluate(expr.key, scope));
    case "splat":
      return splat(expr, scope);
    case "call":
      return call(expr, scope);
    case "tuple":
      return expr.items.map((item) => evaluate(item, scope));
    case "object": {
      const out: Record<string, Value> = {};
      for (const item of expr.items) {
        const key = evaluate(item.key, scope);
        if (key instanceof Unknown) return key;
        out[toText(key)] = evaluate(item.value, scope);
      }
      return out;
    }
    case "unary": {
      const v = evaluate(expr.operand, scope);
      if (v instanceof Unknown) return v;
      return expr.op === "!" ? !toBool(v) : -toNumber(v);
    }
    case "binary":
      return binary(expr, scope);
    case "conditional":
      return conditional(expr, scope);
    case "for":
      return forExpression(expr, scope);
  }
}

function call(expr: Extract<Expr, { kind: "call" }>, scope: EvalScope): Value {
  // try and can look at errors of their arguments, so they evaluate them themselves.
  if (expr.name === "try" || expr.name === "can") {
    let last: unknown;
    for (const arg of expr.args) {
      try {
        const v = evaluate(arg, scope);
        if (expr.name === "can") return v instanceof Unknown ? v : true;
        return v;
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
        last = e;
        if (expr.name === "can") return false;
      }
    }
    throw new EvaluationError(`no argument of try() could be evaluated: ${(last as Error | undefined)?.message ?? ""}`);
  }
  let args = expr.args.map((a) => evaluate(a, scope));
  if (expr.expand) {
    const last = args.pop();
    if (last instanceof Unknown) return last;
    if (!Array.isArray(last)) throw new EvaluationError(`... expands a list, not ${typeName(last)}`);
    args = [...args, ...last];
  }
  return callFunction(expr.name, args);
}

/** Parsed expressions by text: a module's rules repeat the same expressions per instance. */
const parsedTexts = new Map<string, Expr>();

/**
 * A string as hcl2json gives it (`"${var.a}"`, `"web-${var.env}"`), evaluated; a syntax or
 * evaluation problem becomes an unknown that says what went wrong.
 */
export function evaluateText(text: string, scope: EvalScope): Value {
  // Most strings are plain text: no parse for them.
  if (!text.includes("${") && !text.includes("%{")) return text;
  try {
    let parsed = parsedTexts.get(text);
    if (!parsed) {
      parsed = parseTemplate(text);
      if (parsedTexts.size > 50_000) parsedTexts.clear();
      parsedTexts.set(text, parsed);
    }
    return evaluate(parsed, scope);
  } catch (e) {
    if (e instanceof SyntaxProblem) return Unknown.failed(`cannot read ${JSON.stringify(text)}: ${e.message}`);
    if (e instanceof EvaluationError) return Unknown.failed(`cannot evaluate ${JSON.stringify(text)}: ${e.message}`);
    throw e;
  }
}
