// The import graph of the sources, read with regular expressions (the code base keeps to plain
// `import … from "…"` statements): what each file imports, and the circles among those imports.
// Used by check-boundaries.mjs; tested in import-graph.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const CLAUSE = String.raw`(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)`;
const STATIC = new RegExp(
  String.raw`(?:^|[\n;])[ \t]*(import|export)\s+(type\s+)?(${CLAUSE})\s*from\s*["']([^"']+)["']`,
  "g",
);
const BARE = /(?:^|[\n;])[ \t]*import\s*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/**
 * The imports of one file's text: the specifier, whether only types are imported (TypeScript
 * erases those), and the values taken by name ("default" and "*" for a default or namespace
 * import, "*" for a bare or dynamic one).
 * @returns {{ spec: string, typeOnly: boolean, values: string[] }[]}
 */
export function importsOf(text) {
  const out = [];
  for (const m of text.matchAll(STATIC)) {
    const [, , typeKeyword, clause, spec] = m;
    const values = [];
    const head = clause
      .replace(/\{[^}]*\}/, "")
      .replace(/,\s*$/, "")
      .trim();
    if (head) values.push(head.startsWith("*") ? "*" : "default");
    const braces = /\{([^}]*)\}/.exec(clause);
    for (const part of braces ? braces[1].split(",") : []) {
      const item = part.trim();
      if (item && !/^type\s/.test(item)) values.push(item.split(/\s+as\s+/)[0].trim());
    }
    const typeOnly = Boolean(typeKeyword) || values.length === 0;
    out.push({ spec, typeOnly, values: typeOnly ? [] : values });
  }
  for (const m of text.matchAll(BARE)) out.push({ spec: m[1], typeOnly: false, values: ["*"] });
  for (const m of text.matchAll(DYNAMIC)) out.push({ spec: m[1], typeOnly: false, values: ["*"] });
  return out;
}

const EXTENSIONS = ["", ".ts", ".tsx", ".mts", "/index.ts", "/index.tsx"];

/** The file a relative specifier names, or undefined for a package or a file that is not there. */
export function resolveImport(from, spec) {
  if (!spec.startsWith(".")) return undefined;
  const base = resolve(dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

/** Every .ts/.tsx/.mts file under `dir`. */
export function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield path;
  }
}

/**
 * file -> the source files it imports. Type-only imports count: TypeScript erases them, but a
 * circle of types still ties modules that cannot be read or changed apart.
 */
export function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const targets = new Set();
    for (const i of importsOf(readFileSync(file, "utf8"))) {
      const target = resolveImport(file, i.spec);
      if (target && /\.(ts|tsx|mts)$/.test(target)) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/**
 * The import circles of a graph (node -> the nodes it imports): one per strongly connected part
 * (Tarjan's algorithm), as its members (sorted) and one path that closes a circle through them,
 * from the first member back to it. A file importing itself is a circle too.
 * @param {Map<string, string[]>} graph
 * @returns {{ members: string[], path: string[] }[]}
 */
export function findCycles(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const parts = [];
  let next = 0;
  const edges = (n) => graph.get(n) ?? [];
  // Iterative, so that a long chain of imports cannot overflow the call stack.
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const targets = edges(node);
      if (i < targets.length) {
        frame[1]++;
        const t = targets[i];
        if (!index.has(t)) {
          index.set(t, next);
          low.set(t, next++);
          stack.push(t);
          onStack.add(t);
          work.push([t, 0]);
        } else if (onStack.has(t)) low.set(node, Math.min(low.get(node), index.get(t)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const part = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          part.push(member);
        } while (member !== node);
        if (part.length > 1 || edges(node).includes(node)) parts.push(part);
      }
    }
  }
  return parts.map((part) => ({ members: [...part].sort(), path: circleThrough(graph, new Set(part)) }));
}

/** A shortest path from the part's first node back to itself, staying inside the part. */
function circleThrough(graph, part) {
  const start = [...part].sort()[0];
  const previous = new Map();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift();
    for (const t of graph.get(node) ?? []) {
      if (!part.has(t)) continue;
      if (t === start) {
        const path = [start];
        for (let n = node; n !== start; n = previous.get(n)) path.splice(1, 0, n);
        return [...path, start];
      }
      if (!previous.has(t)) {
        previous.set(t, node);
        queue.push(t);
      }
    }
  }
  return [start, start];
}
