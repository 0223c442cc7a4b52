// A large .tf file cut into pieces that hcl2json can parse apart (on several cores), and the
// pieces' JSON put back together as hcl2json gives it for the whole file. hcl2json (Go compiled
// to wasm) reads about a megabyte a second, whatever we ask of it: a region's 18 MB main.tf
// took it 20-30 s on one core.
//
// Pieces end only where a statement of the file's top level ends: a newline outside every
// bracket, string, template, heredoc and comment. A piece cut anywhere else would end inside
// something and fail to parse, and the caller then parses the whole file, as before: so a
// mistake here costs time, never a different result.

/** Offsets just after each newline that ends a top-level statement, ascending. */
export function topLevelEnds(text: string): number[] {
  const ends: number[] = [];
  // Open brackets in code; a template's `${` counts as one (its `}` closes it back into the string).
  const stack: ("(" | "[" | "{" | "${" | '"')[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (top === '"') {
      if (c === 0x5c)
        i += 2; // \x: an escape
      else if (c === 0x22) {
        stack.pop();
        i++;
      } else if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 0x7b)
        i += 3; // $${ and %%{: a literal ${ or %{
      else if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === 0x7b) {
        stack.push("${");
        i += 2;
      } else i++;
      continue;
    }
    if (c === 0x23 || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      // # or // comment: up to the newline, which is then read as any other
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === 0x3c && text.charCodeAt(i + 1) === 0x3c) {
      const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 260));
      if (heredoc) {
        // Up to the line that holds only the marker; its newline is read as any other.
        const marker = heredoc[1] as string;
        let line = i + heredoc[0].length;
        for (;;) {
          const eol = text.indexOf("\n", line);
          const end = eol < 0 ? n : eol;
          if (text.slice(line, end).trim() === marker || eol < 0) {
            i = end;
            break;
          }
          line = eol + 1;
        }
        continue;
      }
    }
    if (c === 0x22) stack.push('"');
    else if (c === 0x28) stack.push("(");
    else if (c === 0x5b) stack.push("[");
    else if (c === 0x7b) stack.push("{");
    else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      // A closing bracket pops what it closes; a stray one is the parser's to report.
      if (stack.length > 0) stack.pop();
    } else if (c === 0x0a && stack.length === 0) ends.push(i + 1);
    i++;
  }
  return ends;
}

/** The text cut at top-level ends into pieces of about `size` characters (the last may be shorter). */
export function piecesOf(text: string, size: number): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let start = 0;
  for (const end of topLevelEnds(text))
    if (end - start >= size) {
      pieces.push({ text: text.slice(start, end), start });
      start = end;
    }
  if (start < text.length || pieces.length === 0) pieces.push({ text: text.slice(start), start });
  return pieces;
}

/** Code-point order, as Go sorts the keys of the maps hcl2json writes (UTF-16 differs past U+FFFF). */
function byCodePoint(a: string, b: string): number {
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(j) as number;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The pieces' JSON as one, as hcl2json gives the whole file: blocks of a kind and label are lists
 * in file order (so lists are joined), maps have their keys sorted. Undefined where two pieces
 * disagree in a way the whole file could not parse (an attribute given twice).
 */
export function joinPieces(parts: readonly unknown[]): unknown {
  let out: unknown = {};
  for (const part of parts) {
    out = join(out, part);
    if (out === undefined) return undefined;
  }
  return out;
}

function join(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (!isObject(a) || !isObject(b)) return undefined;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byCodePoint);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = !Object.hasOwn(a, key) ? b[key] : !Object.hasOwn(b, key) ? a[key] : join(a[key], b[key]);
    if (value === undefined) return undefined;
    // As JSON.parse makes it: an own property, also for "__proto__".
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
