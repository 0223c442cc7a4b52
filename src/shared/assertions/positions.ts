// Where each value of a YAML document starts, by path, from js-yaml's event stream: js-yaml's
// load() returns plain values without positions, and errors must name file:line:column.
import { getScalarValue, parseEvents } from "js-yaml";

type Path = readonly (string | number)[];
type Frame =
  | { kind: "document" }
  | { kind: "ignore" }
  | { kind: "sequence"; path: Path; index: number }
  | { kind: "mapping"; path: Path; expectingKey: boolean; key: string; keyOffset: number };

// js-yaml's event type numbers (EVENT_ID).
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;

/**
 * Offsets of every value in the first document, keyed by JSON.stringify(path). A mapping's value
 * is placed at its key, as editors point at `port: 70000` rather than at `70000`.
 */
export function yamlOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const stack: Frame[] = [];
  const advance = () => {
    const top = stack.at(-1);
    if (top?.kind === "sequence") top.index++;
    else if (top?.kind === "mapping") top.expectingKey = true;
  };
  for (const event of parseEvents(text, {})) {
    if (event.type === DOCUMENT) {
      if (offsets.size > 0) break;
      stack.push({ kind: "document" });
      continue;
    }
    if (event.type === POP) {
      stack.pop();
      advance();
      continue;
    }
    const start = event.type === SCALAR ? event.valueStart : event.type === ALIAS ? event.anchorStart : event.start;
    const isContainer = event.type === SEQUENCE || event.type === MAPPING;
    const top = stack.at(-1);
    if (top?.kind === "ignore") {
      if (isContainer) stack.push({ kind: "ignore" });
      continue;
    }
    if (top?.kind === "mapping" && top.expectingKey) {
      top.expectingKey = false;
      top.key = event.type === SCALAR ? getScalarValue(text, event) : "(complex key)";
      top.keyOffset = start;
      // A complex key (a mapping used as a key) has no path of its own; skip what it holds.
      if (isContainer) stack.push({ kind: "ignore" });
      continue;
    }
    let path: Path = [];
    let at = start;
    if (top?.kind === "sequence") path = [...top.path, top.index];
    else if (top?.kind === "mapping") {
      path = [...top.path, top.key];
      at = top.keyOffset;
    }
    offsets.set(JSON.stringify(path), at);
    if (event.type === SEQUENCE) stack.push({ kind: "sequence", path, index: 0 });
    else if (event.type === MAPPING)
      stack.push({ kind: "mapping", path, expectingKey: true, key: "", keyOffset: start });
    else advance();
  }
  return offsets;
}

/** The offset of the value at `path`, or of its deepest ancestor that has one. */
export function offsetAt(offsets: ReadonlyMap<string, number>, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const at = offsets.get(JSON.stringify(path.slice(0, n)));
    if (at !== undefined) return at;
  }
  return undefined;
}
