// Fn::ForEach (the AWS::LanguageExtensions transform) in the Resources section:
//   Fn::ForEach::Name: [Identifier, Collection, { "${Identifier}Key": fragment }]
// makes one copy of the fragment per item of the collection, with ${Identifier} (and &{Identifier},
// the item without its non-alphanumeric characters) replaced in the keys, !Ref Identifier replaced by
// the item and ${Identifier} in Fn::Sub text. Each copy remembers where its fragment was written.
import type { Problem } from "../../model/problems";
import { error, show, type Where } from "../draft";
import { intrinsicName, resolve, type Template } from "./intrinsics";
import type { Path } from "./template";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const LOOP = "Fn::ForEach::";

export interface Expanded {
  /** The section with every loop replaced by its copies. */
  section: Record<string, unknown>;
  /** Where each copy's fragment is written, by the key the copy got. */
  origins: Map<string, Path>;
}

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

/** Expands the loops of `section` (at `path`); a loop that cannot be expanded is an error at its line. */
export function expandForEach(
  section: Record<string, unknown>,
  path: Path,
  t: Template,
  at: (path: Path) => Where,
  errors: Problem[],
): Expanded {
  const out: Record<string, unknown> = {};
  const origins = new Map<string, Path>();
  const add = (key: string, value: unknown, origin: Path) => {
    if (Object.hasOwn(out, key)) {
      errors.push(error(at(origin), `Fn::ForEach makes ${key}, which the section already has`));
      return;
    }
    out[key] = value;
    origins.set(key, origin);
  };
  for (const [key, value] of Object.entries(section)) {
    if (!key.startsWith(LOOP)) {
      add(key, value, [...path, key]);
      continue;
    }
    const loopPath = [...path, key];
    if (!Array.isArray(value) || value.length !== 3 || typeof value[0] !== "string" || !isRecord(value[2])) {
      errors.push(error(at(loopPath), `${key} needs [Identifier, Collection, { OutputKey: OutputValue }]`));
      continue;
    }
    const [id, collection, fragment] = value as [string, unknown, Record<string, unknown>];
    const items = resolve(collection, t);
    if ("unresolved" in items || !Array.isArray(items.value)) {
      errors.push(
        error(
          at([...loopPath, 1]),
          `${key}: the collection must be a list known from the template: ${"unresolved" in items ? items.unresolved : show(items.value)}`,
        ),
      );
      continue;
    }
    for (const raw of items.value) {
      const item = typeof raw === "string" || typeof raw === "number" ? String(raw) : undefined;
      if (item === undefined) {
        errors.push(error(at([...loopPath, 1]), `${key}: ${show(raw)} is not text`));
        continue;
      }
      const copy = substitute(fragment, id, item) as Record<string, unknown>;
      // A loop inside the fragment is expanded in turn; its copies point at their own fragment.
      const inner = expandForEach(copy, [...loopPath, 2], t, at, errors);
      const keys = Object.keys(fragment);
      for (const [k, v] of Object.entries(inner.section)) {
        const written = keys.find((w) => substituteKey(w, id, item) === k);
        add(k, v, written !== undefined ? [...loopPath, 2, written] : (inner.origins.get(k) ?? loopPath));
      }
    }
  }
  return { section: out, origins };
}
