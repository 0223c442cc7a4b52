// Terraform's built-in functions that rule-building code uses, on plain values. An unknown
// argument makes the result unknown (coalesce and friends included: Terraform does the same).
import { cidrFunctions } from "./cidr";
import {
  EvaluationError,
  equal,
  isMap,
  sortedKeys,
  toBool,
  toList,
  toMap,
  toNumber,
  toText,
  typeName,
  Unknown,
  unknownIn,
  type Value,
} from "./values";

type Fn = (args: Value[]) => Value;

/** Distinct values in first-seen order. */
function distinct(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of list) if (!out.some((o) => equal(o, v))) out.push(v);
  return out;
}

/** A set as Terraform orders it: strings lexically, other values as they came. */
function toSet(list: Value[]): Value[] {
  const out = distinct(list);
  return out.every((v) => typeof v === "string") ? (out as string[]).sort() : out;
}

function flatten(list: Value[]): Value[] {
  return list.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

/** printf-style verbs as Terraform's format(): %s %d %v %q %f %x %t %%, with widths. */
function format(spec: string, args: Value[]): string {
  let n = 0;
  return spec.replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g,
    (_, flags: string, width?: string, prec?: string, verb?: string) => {
      if (verb === "%") return "%";
      if (n >= args.length) throw new EvaluationError(`format(): not enough arguments for "${spec}"`);
      const arg = args[n++];
      let out: string;
      switch (verb) {
        case "s":
        case "v":
          out =
            typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean"
              ? toText(arg)
              : JSON.stringify(arg);
          break;
        case "d":
          out = String(Math.trunc(toNumber(arg)));
          break;
        case "f":
          out = toNumber(arg).toFixed(prec ? Number(prec) : 6);
          break;
        case "x":
          out = Math.trunc(toNumber(arg)).toString(16);
          break;
        case "X":
          out = Math.trunc(toNumber(arg)).toString(16).toUpperCase();
          break;
        case "q":
          out = JSON.stringify(toText(arg));
          break;
        case "t":
          out = String(toBool(arg));
          break;
        default:
          throw new EvaluationError(`format(): unsupported verb %${verb}`);
      }
      if (width && out.length < Number(width))
        out = flags.includes("-")
          ? out.padEnd(Number(width))
          : out.padStart(Number(width), flags.includes("0") ? "0" : " ");
      return out;
    },
  );
}

function replace(text: string, search: string, replacement: string): string {
  // "/…/" is a regular expression, as in Terraform; $1 refers to its groups.
  if (search.length >= 2 && search.startsWith("/") && search.endsWith("/"))
    return text.replace(new RegExp(search.slice(1, -1), "g"), replacement.replace(/\$\{(\d+)\}/g, "$$$1"));
  return text.split(search).join(replacement);
}

function range(args: Value[]): number[] {
  const [a, b, c] = args.map(toNumber);
  const [start, end, step] =
    args.length === 1
      ? [0, a as number, 1]
      : [a as number, b as number, c ?? ((a as number) <= (b as number) ? 1 : -1)];
  if (step === 0) throw new EvaluationError("range(): step must not be zero");
  const out: number[] = [];
  for (let i = start; step > 0 ? i < end : i > end; i += step) {
    out.push(i);
    if (out.length > 1024) throw new EvaluationError("range(): more than 1024 elements");
  }
  return out;
}

/** How many arguments each function takes, where that is fixed: [at least, at most]. */
const ARITY: Record<string, [number, number]> = {
  compact: [1, 1],
  contains: [2, 2],
  distinct: [1, 1],
  element: [2, 2],
  flatten: [1, 1],
  join: [2, 2],
  keys: [1, 1],
  length: [1, 1],
  lookup: [2, 3],
  range: [1, 3],
  replace: [3, 3],
  split: [2, 2],
  tobool: [1, 1],
  tolist: [1, 1],
  tomap: [1, 1],
  tonumber: [1, 1],
  toset: [1, 1],
  tostring: [1, 1],
  values: [1, 1],
};

const FUNCTIONS: Record<string, Fn> = {
  concat: (args) => args.flatMap((a) => toList(a)),
  flatten: (args) => flatten(toList(args[0])),
  merge: (args) => Object.assign({}, ...args.filter((a) => a !== null).map(toMap)),
  lookup: (args) => {
    const map = toMap(args[0]);
    const key = toText(args[1]);
    if (Object.hasOwn(map, key)) return map[key];
    if (args.length === 3) return args[2];
    throw new EvaluationError(`lookup(): the map has no key "${key}" and no default was given`);
  },
  element: (args) => {
    const list = toList(args[0]);
    if (list.length === 0) throw new EvaluationError("element(): the list is empty");
    const i = toNumber(args[1]);
    return list[((i % list.length) + list.length) % list.length];
  },
  keys: (args) => sortedKeys(toMap(args[0])),
  values: (args) => {
    const m = toMap(args[0]);
    return sortedKeys(m).map((k) => m[k]);
  },
  length: (args) => {
    const v = args[0];
    if (typeof v === "string") return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isMap(v)) return Object.keys(v).length;
    throw new EvaluationError(`length() of ${typeName(v)}`);
  },
  contains: (args) => toList(args[0]).some((v) => equal(v, args[1])),
  compact: (args) => toList(args[0]).filter((v) => v !== null && v !== ""),
  toset: (args) => toSet(toList(args[0])),
  tolist: (args) => toList(args[0]),
  tomap: (args) => toMap(args[0]),
  tostring: (args) => (args[0] === null ? null : toText(args[0])),
  tonumber: (args) => (args[0] === null ? null : toNumber(args[0])),
  tobool: (args) => (args[0] === null ? null : toBool(args[0])),
  format: (args) => format(toText(args[0]), args.slice(1)),
  formatlist: (args) => {
    const lists = args.slice(1).filter(Array.isArray) as Value[][];
    const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 1;
    return Array.from({ length: n }, (_, i) =>
      format(
        toText(args[0]),
        args.slice(1).map((a) => (Array.isArray(a) ? a[i] : a)),
      ),
    );
  },
  join: (args) => toList(args[1]).map(toText).join(toText(args[0])),
  split: (args) => {
    const text = toText(args[1]);
    return text === "" ? [""] : text.split(toText(args[0]));
  },
  replace: (args) => replace(toText(args[0]), toText(args[1]), toText(args[2])),
  lower: (args) => toText(args[0]).toLowerCase(),
  upper: (args) => toText(args[0]).toUpperCase(),
  // Go's strings.Title, as Terraform uses it: a letter after anything but a letter, digit or _ is a word's first.
  title: (args) =>
    toText(args[0]).replace(
      /(^|[^\p{L}\p{N}_])(\p{Ll})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    ),
  trimspace: (args) => toText(args[0]).trim(),
  chomp: (args) => toText(args[0]).replace(/(\r?\n)+$/, ""),
  trim: (args) => {
    const cut = new Set(toText(args[1]));
    const chars = [...toText(args[0])];
    let [start, end] = [0, chars.length];
    while (start < end && cut.has(chars[start] as string)) start++;
    while (end > start && cut.has(chars[end - 1] as string)) end--;
    return chars.slice(start, end).join("");
  },
  trimprefix: (args) => {
    const [t, p] = [toText(args[0]), toText(args[1])];
    return t.startsWith(p) ? t.slice(p.length) : t;
  },
  trimsuffix: (args) => {
    const [t, s] = [toText(args[0]), toText(args[1])];
    return s && t.endsWith(s) ? t.slice(0, -s.length) : t;
  },
  substr: (args) => {
    const t = [...toText(args[0])];
    const offset = toNumber(args[1]);
    const length = toNumber(args[2]);
    const start = offset < 0 ? t.length + offset : offset;
    return t.slice(start, length < 0 ? undefined : start + length).join("");
  },
  startswith: (args) => toText(args[0]).startsWith(toText(args[1])),
  endswith: (args) => toText(args[0]).endsWith(toText(args[1])),
  coalesce: (args) => {
    const v = args.find((a) => a !== null && a !== "");
    if (v === undefined) throw new EvaluationError("coalesce(): every argument is null or empty");
    return v;
  },
  coalescelist: (args) => {
    const v = args.find((a) => Array.isArray(a) && a.length > 0);
    if (v === undefined) throw new EvaluationError("coalescelist(): every list is empty");
    return v;
  },
  distinct: (args) => distinct(toList(args[0])),
  range: (args) => range(args),
  slice: (args) => toList(args[0]).slice(toNumber(args[1]), toNumber(args[2])),
  reverse: (args) => [...toList(args[0])].reverse(),
  sort: (args) => [...toList(args[0]).map(toText)].sort(),
  index: (args) => {
    const i = toList(args[0]).findIndex((v) => equal(v, args[1]));
    if (i < 0) throw new EvaluationError("index(): the value is not in the list");
    return i;
  },
  one: (args) => {
    const list = toList(args[0]);
    if (list.length > 1) throw new EvaluationError("one(): the list has more than one element");
    return list[0] ?? null;
  },
  zipmap: (args) => {
    const [k, v] = [toList(args[0]), toList(args[1])];
    return Object.fromEntries(k.map((key, i) => [toText(key), v[i]]));
  },
  setunion: (args) => toSet(args.flatMap(toList)),
  setintersection: (args) => {
    const [first = [], ...rest] = args.map(toList);
    return toSet(first.filter((v) => rest.every((l) => l.some((x) => equal(x, v)))));
  },
  setsubtract: (args) => toSet(toList(args[0]).filter((v) => !toList(args[1]).some((x) => equal(x, v)))),
  min: (args) => Math.min(...args.map(toNumber)),
  max: (args) => Math.max(...args.map(toNumber)),
  abs: (args) => Math.abs(toNumber(args[0])),
  ceil: (args) => Math.ceil(toNumber(args[0])),
  floor: (args) => Math.floor(toNumber(args[0])),
  sum: (args) => toList(args[0]).reduce((a: number, b) => a + toNumber(b), 0),
  alltrue: (args) => toList(args[0]).every(toBool),
  anytrue: (args) => toList(args[0]).some(toBool),
  chunklist: (args) => {
    const list = toList(args[0]);
    const size = toNumber(args[1]);
    if (size <= 0) return [list];
    return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  },
  jsonencode: (args) => JSON.stringify(args[0]),
  ...cidrFunctions,
};

const SHAPE_ONLY = new Set([
  "length",
  "keys",
  "values",
  "concat",
  "flatten",
  "merge",
  "lookup",
  "element",
  "tolist",
  "tomap",
  "slice",
  "reverse",
  "zipmap",
  "one",
  "coalescelist",
  "chunklist",
]);

/** Calls a built-in function; unknown arguments give an unknown result. */
export function callFunction(name: string, args: Value[]): Value {
  const fn = FUNCTIONS[name.replace(/^provider::[^:]+::/, "")];
  if (!fn) throw new EvaluationError(`the function ${name}() is not one this reader evaluates`);
  const [min, max] = ARITY[name] ?? [0, Number.POSITIVE_INFINITY];
  if (args.length < min || args.length > max)
    throw new EvaluationError(
      `${name}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, not ${args.length}`,
    );
  // Functions of a collection's shape (length, lookup…) need only the collection to be known,
  // not every element in it: the security-group module counts lists of half-known objects.
  const unknown = SHAPE_ONLY.has(name) ? unknownIn(args.filter((a) => a instanceof Unknown)) : unknownIn(args);
  if (unknown) return unknown;
  return fn(args);
}
