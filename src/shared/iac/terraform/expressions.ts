// Evaluating the little of Terraform's language that security groups use: literals, var.x with a
// default, local.x, and references to resources in the same files. Everything else (data
// sources, module outputs, functions) cannot be known without running Terraform, and says so.

import { show } from "../draft";

/** A reference to another resource, e.g. aws_security_group.app.id. */
export class TfRef {
  constructor(
    readonly type: string,
    readonly name: string,
    readonly attribute: string,
  ) {}
  toString(): string {
    return `${this.type}.${this.name}.${this.attribute}`;
  }
}

export type Resolved = { value: unknown; variable?: string } | { unresolved: string };

export interface Scope {
  variables: Map<string, { default?: unknown; hasDefault: boolean; description?: string }>;
  locals: Map<string, unknown>;
}

const WHOLE = /^\$\{([^{}]*)\}$/;
const TRAVERSAL = /^([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\])*)$/;

function steps(rest: string): (string | number)[] {
  return [...rest.matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

function index(value: unknown, path: (string | number)[], what: string): Resolved {
  let v = value;
  for (const step of path) {
    if (typeof step === "number" ? Array.isArray(v) : typeof v === "object" && v !== null) {
      v = (v as Record<string | number, unknown>)[step];
      if (v === undefined) return { unresolved: `${what} has no element ${JSON.stringify(step)}` };
    } else return { unresolved: `${what} cannot be indexed by ${JSON.stringify(step)}` };
  }
  return { value: v };
}

function resolveExpression(expr: string, scope: Scope, depth: number): Resolved {
  const text = expr.trim();
  if (/^-?\d+$/.test(text)) return { value: Number(text) };
  if (text === "true" || text === "false") return { value: text === "true" };
  if (/^"[^"$%\\]*"$/.test(text)) return { value: text.slice(1, -1) };
  const m = TRAVERSAL.exec(text);
  if (!m) return { unresolved: `the expression ${text} needs Terraform to evaluate it` };
  const head = m[1] as string;
  const path = steps(m[2] ?? "");
  if (head === "var") {
    const name = path[0];
    const v = typeof name === "string" ? scope.variables.get(name) : undefined;
    if (!v) return { unresolved: `variable "${show(name)}" is not declared in these files` };
    if (!v.hasDefault) return { unresolved: `variable "${String(name)}" has no default, so its value is unknown` };
    const r = index(resolveValue(v.default, scope, depth + 1), path.slice(1), `var.${String(name)}`);
    return "value" in r ? { value: r.value, variable: String(name) } : r;
  }
  if (head === "local") {
    const name = path[0];
    if (typeof name !== "string" || !scope.locals.has(name))
      return { unresolved: `local "${show(name)}" is not declared` };
    if (depth > 20) return { unresolved: `local "${name}" refers to itself` };
    const inner = resolve(scope.locals.get(name), scope, depth + 1);
    if ("unresolved" in inner) return inner;
    const r = index(inner.value, path.slice(1), `local.${name}`);
    return "value" in r ? { ...inner, value: r.value } : r;
  }
  if (head === "data") return { unresolved: `data source ${text} is read from AWS when Terraform runs` };
  if (head === "module") return { unresolved: `module output ${text} is not in these files` };
  if (head === "each" || head === "count" || head === "self" || head === "path" || head === "terraform")
    return { unresolved: `${text} is only known when Terraform runs` };
  const [name, attribute] = path;
  if (typeof name === "string" && typeof attribute === "string") return { value: new TfRef(head, name, attribute) };
  return { unresolved: `the reference ${text} is incomplete` };
}

/** A value from hcl2json's output, with `${...}` evaluated where it can be. */
export function resolve(value: unknown, scope: Scope, depth = 0): Resolved {
  if (typeof value !== "string") return { value: resolveValue(value, scope, depth) };
  const whole = WHOLE.exec(value);
  if (whole) return resolveExpression(whole[1] as string, scope, depth);
  // A template: every interpolation must resolve to text; "$${" is a literal "${".
  let variable: string | undefined;
  let failure: string | undefined;
  const text = value.replace(/\$\$\{|\$\{([^{}]*)\}/g, (_: string, expr: string | undefined) => {
    if (expr === undefined) return "${";
    const r = resolveExpression(expr, scope, depth);
    if ("unresolved" in r) failure ??= r.unresolved;
    else if (typeof r.value === "string" || typeof r.value === "number") {
      variable ??= r.variable;
      return String(r.value);
    } else failure ??= `\${${expr}} is not text`;
    return "";
  });
  return failure ? { unresolved: failure } : { value: text, ...(variable ? { variable } : {}) };
}

/** Arrays and objects with their strings resolved where possible (unresolvable ones stay as written). */
function resolveValue(value: unknown, scope: Scope, depth: number): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope, depth));
  if (typeof value === "string") {
    const r = resolve(value, scope, depth);
    return "value" in r ? r.value : value;
  }
  return value;
}

/**
 * The items of a list attribute, each resolved on its own so that one unknown item does not hide
 * the others. A whole-list reference (var.cidrs) is expanded.
 */
export function resolveList(value: unknown, scope: Scope): { items: Resolved[]; notList?: boolean } {
  if (value === undefined || value === null) return { items: [] };
  if (Array.isArray(value)) return { items: value.map((v) => resolve(v, scope)) };
  const r = resolve(value, scope);
  if ("unresolved" in r) return { items: [r] };
  if (Array.isArray(r.value))
    return {
      items: r.value.map((v) =>
        typeof v === "string" && v.includes("${")
          ? resolve(v, scope)
          : { value: v, ...(r.variable ? { variable: r.variable } : {}) },
      ),
    };
  return { items: [], notList: true };
}
