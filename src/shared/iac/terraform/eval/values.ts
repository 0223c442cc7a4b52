// Values of Terraform expressions as plain JavaScript (strings, numbers, booleans, null, arrays
// for lists, tuples and sets, objects for maps and objects), plus three kinds that only exist
// before Terraform runs: a reference to a resource's attribute, a value that stays unknown (and
// says what it depends on), and a namespace read one attribute at a time (var, local, module…).

/** A reference to another resource's attribute, e.g. aws_security_group.app.id. */
export class TfRef {
  constructor(
    readonly type: string,
    /** The resource's name, with its module path and instance key: `module.db.this[0]`. */
    readonly name: string,
    readonly attribute: string,
  ) {}
  toString(): string {
    return `${this.type}.${this.name}.${this.attribute}`;
  }
}

/** What an unknown value waits for: `var.admin_cidr`, and why that is not known. */
export interface UnknownRef {
  name: string;
  why: string;
}

/** A value that cannot be known without a value from the user or without running Terraform. */
export class Unknown {
  constructor(
    readonly refs: readonly UnknownRef[],
    /** Why, when no reference is to blame (an expression this reader cannot evaluate). */
    readonly problem?: string,
  ) {}

  static of(name: string, why: string): Unknown {
    return new Unknown([{ name, why }]);
  }

  static failed(problem: string): Unknown {
    return new Unknown([], problem);
  }

  /** One unknown for several: every reference once, the first problem. */
  static merge(list: readonly Unknown[]): Unknown {
    if (list.length === 1) return list[0] as Unknown;
    const refs = new Map<string, UnknownRef>();
    for (const u of list) for (const r of u.refs) if (!refs.has(r.name)) refs.set(r.name, r);
    return new Unknown([...refs.values()], list.find((u) => u.problem)?.problem);
  }

  /** "depends on var.admin_cidr, which has no value". */
  describe(): string {
    if (this.refs.length === 0) return this.problem ?? "unknown until Terraform runs";
    return `depends on ${this.refs.map((r) => `${r.name}, which ${r.why}`).join("; and on ")}`;
  }

  toString(): string {
    return this.describe();
  }
}

/** var, local, module.x, a resource instance: attributes computed when read. */
export class Namespace {
  constructor(
    readonly name: string,
    private readonly read: (attribute: string) => Value | undefined,
  ) {}
  get(attribute: string): Value | undefined {
    return this.read(attribute);
  }
  toString(): string {
    return this.name;
  }
}

export type Value = unknown;

/** An error in evaluation that Terraform would report (a wrong type, a missing key). */
export class EvaluationError extends Error {
  override name = "EvaluationError";
}

export const isMap = (v: Value): v is Record<string, Value> =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Unknown) &&
  !(v instanceof TfRef) &&
  !(v instanceof Namespace);

/** A map's keys in Terraform's order: lexical. */
export const sortedKeys = (m: Record<string, Value>): string[] => Object.keys(m).sort();

/** The first unknown among values (deeply), merged with the others, or undefined. */
export function unknownIn(values: readonly Value[]): Unknown | undefined {
  const found: Unknown[] = [];
  const visit = (v: Value, depth: number) => {
    if (v instanceof Unknown) found.push(v);
    else if (depth < 8 && Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (depth < 8 && isMap(v)) for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const v of values) visit(v, 0);
  return found.length ? Unknown.merge(found) : undefined;
}

/** How a value reads in a message. */
export function typeName(v: Value): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (v instanceof TfRef) return `the reference ${v}`;
  if (v instanceof Namespace) return v.name;
  if (isMap(v)) return "a map";
  return `a ${typeof v}`;
}

/** Text as Terraform converts it: numbers and booleans become text, other types cannot. */
export function toText(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof TfRef) return `\${${v}}`;
  throw new EvaluationError(`expected text, found ${typeName(v)}`);
}

export function toNumber(v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  throw new EvaluationError(`expected a number, found ${typeName(v)}${typeof v === "string" ? ` "${v}"` : ""}`);
}

export function toBool(v: Value): boolean {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new EvaluationError(`expected true or false, found ${typeName(v)}`);
}

export function toList(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  throw new EvaluationError(`expected a list, found ${typeName(v)}`);
}

export function toMap(v: Value): Record<string, Value> {
  if (isMap(v)) return v;
  throw new EvaluationError(`expected a map, found ${typeName(v)}`);
}

/** Terraform's equality: by value, deeply. */
export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof TfRef && b instanceof TfRef) return String(a) === String(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = sortedKeys(a);
    const kb = sortedKeys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && equal(a[k], b[k]));
  }
  return false;
}
