// What the fuzz tests share: how many cases, how a real file is mutated, and what a reader's
// refusal must look like. `npm test` runs a small fixed-seed share; `npm run fuzz` sets FUZZ_RUNS.
import fc from "fast-check";
import { expect } from "vitest";
import { InputError, type Problem } from "../../shared/model";

export const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** The same cases on every `npm test`; fresh ones in `npm run fuzz` unless FUZZ_SEED repeats a run. */
export const SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_RUNS
    ? Date.now() % 2 ** 31
    : 20260601;
/** Vitest's time limit for a property: generous per case: the HCL parser takes ~15 ms a file on a busy machine. */
export const TIME_LIMIT = Math.max(60_000, RUNS * 100);

export const options = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED });

/**
 * A refusal says what is wrong (a message) and where: the file it was given, with a line or a path
 * in the value unless the problem is the whole file's (empty, of no known kind).
 */
export function expectPlaced(problem: Problem): void {
  expect(problem.message.trim().length, JSON.stringify(problem)).toBeGreaterThan(0);
  expect(problem.file ?? problem.path, `not placed: ${JSON.stringify(problem)}`).toBeTruthy();
  // Messages are plain text for a person: never a stack trace.
  expect(problem.message).not.toMatch(/\n\s+at /);
}

/** Runs a reader: it may answer or refuse with InputError problems, and nothing else. */
export async function settles(read: () => unknown, check: (p: Problem) => void = expectPlaced): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const p of error.problems) check(p);
  }
}

// Fragments of the syntaxes we read, so that inserted text is often almost valid.
const TOKENS = [
  "{",
  "}",
  "[",
  "]",
  '"',
  ":",
  ",",
  "\n",
  "  ",
  "-",
  "#",
  "null",
  "0",
  "-1",
  "1e999",
  '"\\u0000"',
  "!Ref ",
  "!GetAtt ",
  "!!js/function ",
  "!!binary ",
  "&a ",
  "*a",
  "<<: ",
  "${",
  "}}",
  "$${",
  "resource ",
  '"aws_security_group" "x" {',
  "ingress {",
  "=",
  "<img src=x onerror=alert(1)>",
  "\u202e",
  "\u0007",
  "\uFEFF",
  "\uD800",
];

const edit = fc.record({
  op: fc.constantFrom("delete", "insert", "replace", "duplicate", "truncate"),
  at: fc.nat(),
  length: fc.nat({ max: 64 }),
  text: fc.oneof(
    fc.constantFrom(...TOKENS),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: "grapheme", maxLength: 4 }),
  ),
});

/** A real file with a few random edits: deletions, insertions, repeats and truncation. */
export function mutatedText(base: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let text = base;
    for (const e of edits) {
      const at = text.length === 0 ? 0 : e.at % (text.length + 1);
      if (e.op === "delete") text = text.slice(0, at) + text.slice(at + e.length);
      else if (e.op === "insert") text = text.slice(0, at) + e.text + text.slice(at);
      else if (e.op === "replace") text = text.slice(0, at) + e.text + text.slice(at + e.text.length);
      else if (e.op === "duplicate") text = text.slice(0, at + e.length) + text.slice(at);
      else text = text.slice(0, at);
    }
    return text;
  });
}

type Json = unknown;

function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (out.length > 2000) return out;
  if (Array.isArray(value)) for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root);
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, Json>;
  const next = setAt(copy[head], rest, replace);
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = next;
  return copy;
}

const replacement = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    "",
    -1,
    65536,
    1.5,
    "0.0.0.0/0",
    "::/0",
    "tcp",
    "-1",
    "sg-1",
    "<script>x</script>",
    "a".repeat(300),
  ),
);

/** A real JSON value with a few values swapped for odd ones, removed, or wrapped in a list. */
export function mutatedJson(base: Json): fc.Arbitrary<Json> {
  const all = paths(base);
  return fc
    .array(fc.record({ at: fc.nat(), op: fc.constantFrom("replace", "remove", "wrap"), value: replacement }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => {
      let value = base;
      for (const e of edits) {
        const path = all[e.at % all.length] as (string | number)[];
        try {
          value = setAt(value, path, (old) => (e.op === "replace" ? e.value : e.op === "wrap" ? [old] : undefined));
        } catch {
          // The path no longer exists after an earlier edit: skip this one.
        }
      }
      return value;
    });
}
