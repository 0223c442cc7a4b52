// Fn::ForEach (the AWS::LanguageExtensions transform):
//   Fn::ForEach::Name: [Identifier, Collection, { "${Identifier}Key": fragment }]
// makes one copy of the fragment per item of the collection, with ${Identifier} (and &{Identifier},
// the item without its non-alphanumeric characters) replaced in the keys, !Ref Identifier replaced by
// the item and ${Identifier} in Fn::Sub text. AWS allows a loop in the Conditions, Outputs and
// Resources sections, resource properties included, and a loop inside a loop's fragment; anywhere
// else the transform fails, and so does the import, at the loop's line. Each copy remembers where
// its fragment was written, so that a problem in a copy is placed there.
import type { Problem } from "../../model/problems";
import { error, show, type Where } from "../draft";
import { pathKey } from "../json-offsets";
import { intrinsicName, resolve, type Template } from "./intrinsics";
import type { Path } from "./template";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const LOOP = "Fn::ForEach::";
/** The sections a loop may be written in (AWS's Fn::ForEach reference). */
const LOOP_SECTIONS = ["Conditions", "Outputs", "Resources"];

export interface Expanded {
  /** The template with every loop replaced by its copies. */
  template: Record<string, unknown>;
  /** Where a path of the expanded template was written: a copy's path leads to its fragment. */
  written: (path: Path) => Path;
}

/** Identifier -> item, outermost loop first. */
type Bindings = readonly (readonly [string, string])[];

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function substituteKey(key: string, id: string, item: string): string {
  return key
    .replace(new RegExp(`\\$\\{${literally(id)}\\}`, "g"), item)
    .replace(new RegExp(`&\\{${literally(id)}\\}`, "g"), item.replace(/[^A-Za-z0-9]/g, ""));
}

/** The fragment with the identifier replaced by the item (keys, Ref, Fn::Sub text). */
function substitute(v: unknown, id: string, item: string): unknown {
  if (Array.isArray(v)) return v.map((x) => substitute(x, id, item));
  if (!isRecord(v)) return v;
  const name = intrinsicName(v);
  if (name === "Ref" && v.Ref === id) return item;
  if (name === "Fn::Sub") {
    const arg = v[name];
    const text = (s: unknown) =>
      typeof s === "string" ? s.replace(new RegExp(`\\$\\{${literally(id)}\\}`, "g"), item) : s;
    return { [name]: Array.isArray(arg) ? [text(arg[0]), substitute(arg[1], id, item)] : text(arg) };
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[substituteKey(k, id, item)] = substitute(x, id, item);
  return out;
}

const bindKey = (key: string, bindings: Bindings) =>
  bindings.reduce((k, [id, item]) => substituteKey(k, id, item), key);
const bindValue = (v: unknown, bindings: Bindings) => bindings.reduce((x, [id, item]) => substitute(x, id, item), v);
const names = (id: string) => `\${${id}} or &{${id}}`;

class Expander {
  /** Expanded path (pathKey) -> where its value was written, for each key a loop made. */
  readonly origins = new Map<string, Path>();
  constructor(
    private readonly t: Template,
    private readonly at: (path: Path) => Where,
    private readonly errors: Problem[],
  ) {}

  /** `v`, written at `written` and placed at `path` of the expanded template, with its loops expanded. */
  walk(v: unknown, path: Path, written: Path): unknown {
    if (Array.isArray(v)) return v.map((x, n) => this.walk(x, [...path, n], [...written, n]));
    if (!isRecord(v)) return v;
    const out: Record<string, unknown> = {};
    if (!Object.keys(v).some((k) => k.startsWith(LOOP))) {
      for (const [k, x] of Object.entries(v)) out[k] = this.walk(x, [...path, k], [...written, k]);
      return out;
    }
    for (const [key, value, from] of this.entries(v, written, [])) {
      if (Object.hasOwn(out, key)) {
        this.errors.push(error(this.at(from), `Fn::ForEach makes ${key}, which is already there`));
        continue;
      }
      const here = [...path, key];
      if (pathKey(from) !== pathKey(here)) this.origins.set(pathKey(here), from);
      out[key] = this.walk(value, here, from);
    }
    return out;
  }

  /** The keys and values a mapping stands for, each with where it was written; loops expanded. */
  private entries(record: Record<string, unknown>, written: Path, bindings: Bindings): [string, unknown, Path][] {
    const out: [string, unknown, Path][] = [];
    for (const [key, value] of Object.entries(record)) {
      if (!key.startsWith(LOOP)) {
        out.push([bindKey(key, bindings), bindValue(value, bindings), [...written, key]]);
        continue;
      }
      const loopPath = [...written, key];
      const fail = (path: Path, message: string) => this.errors.push(error(this.at(path), `${key}: ${message}`));
      if (!Array.isArray(value) || value.length !== 3 || !isRecord(value[2])) {
        fail(loopPath, "expected [Identifier, Collection, { OutputKey: OutputValue }]");
        continue;
      }
      const [id, collection, fragment] = value as [unknown, unknown, Record<string, unknown>];
      if (typeof id !== "string" || !/^[A-Za-z0-9]+$/.test(id)) {
        fail([...loopPath, 0], `the Identifier must be a name of letters and digits, not ${show(id)}`);
        continue;
      }
      if (bindings.some(([outer]) => outer === id)) {
        fail([...loopPath, 0], `the Identifier ${id} is already an enclosing loop's; each loop needs its own`);
        continue;
      }
      // Every copy of a key without the identifier would be the same key: AWS refuses it.
      const same = Object.keys(fragment).filter(
        (k) => !k.startsWith(LOOP) && !k.includes(`\${${id}}`) && !k.includes(`&{${id}}`),
      );
      if (same.length > 0) {
        for (const k of same)
          fail([...loopPath, 2, k], `the key ${k} must contain ${names(id)}, so that each copy has its own`);
        continue;
      }
      const items = resolve(bindValue(collection, bindings), this.t);
      if ("unresolved" in items || !Array.isArray(items.value)) {
        fail(
          [...loopPath, 1],
          `the collection must be a list known from the template: ${"unresolved" in items ? items.unresolved : show(items.value)}`,
        );
        continue;
      }
      for (const raw of items.value) {
        if (typeof raw !== "string" && typeof raw !== "number") {
          fail([...loopPath, 1], `${show(raw)} is not text`);
          continue;
        }
        out.push(...this.entries(fragment, [...loopPath, 2], [...bindings, [id, String(raw)]]));
      }
    }
    return out;
  }
}

/** Whether a value holds a loop at any depth. */
function hasLoop(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasLoop);
  if (!isRecord(v)) return false;
  return Object.entries(v).some(([k, x]) => k.startsWith(LOOP) || hasLoop(x));
}

/**
 * Expands the loops of a template; a loop that cannot be expanded, or that is written where AWS
 * allows none, is an error at its line.
 */
export function expandForEach(
  template: Record<string, unknown>,
  t: Template,
  at: (path: Path) => Where,
  errors: Problem[],
): Expanded {
  const expander = new Expander(t, at, errors);
  const out: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(template)) {
    if (section.startsWith(LOOP) || (!LOOP_SECTIONS.includes(section) && hasLoop(value))) {
      errors.push(
        error(
          at([section]),
          `Fn::ForEach is not allowed ${section.startsWith(LOOP) ? "at the top level" : `in the ${section} section`}: only in ${LOOP_SECTIONS.join(", ")} (resource properties included)`,
        ),
      );
      continue;
    }
    out[section] = LOOP_SECTIONS.includes(section) ? expander.walk(value, [section], [section]) : value;
  }
  const { origins } = expander;
  return {
    template: out,
    written: (path) => {
      for (let n = path.length; n > 0; n--) {
        const origin = origins.get(pathKey(path.slice(0, n)));
        if (origin) return [...origin, ...path.slice(n)];
      }
      return path;
    },
  };
}

/**
 * A problem in a loop's fragment is found once per copy, at the fragment's one place: said once,
 * with how many copies it is in. Rewrites `problems` in place, keeping the first's order.
 */
export function oncePerFragment(problems: Problem[]): void {
  const seen = new Map<string, { problem: Problem; copies: number }>();
  const kept: Problem[] = [];
  for (const p of problems) {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.severity}\0${p.message}`;
    const known = seen.get(key);
    if (known) known.copies++;
    else {
      const entry = { problem: { ...p }, copies: 1 };
      seen.set(key, entry);
      kept.push(entry.problem);
    }
  }
  for (const { problem, copies } of seen.values()) if (copies > 1) problem.message += ` (in each of ${copies} copies)`;
  problems.splice(0, problems.length, ...kept);
}
