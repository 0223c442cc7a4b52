// Where every property and item of a JSON text was written, by path: found in one walk, so that
// placing each of many problems costs a lookup, not a scan.
import { type Node, parseTree } from "jsonc-parser";

/** A path ("Resources", "Web", "Properties") joined for lookup; the same key YAML positions use. */
export const pathKey = (path: readonly (string | number)[]): string => path.join("\u0000");

/** The offset of every property (its key) and array item, by path; the root at the empty path. */
export function jsonOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const walk = (node: Node | undefined, path: (string | number)[]) => {
    if (!node) return;
    if (node.type === "object")
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.type !== "string") continue;
        const p = [...path, String(key.value)];
        offsets.set(pathKey(p), property.offset);
        walk(value, p);
      }
    else if (node.type === "array")
      (node.children ?? []).forEach((item, i) => {
        const p = [...path, i];
        offsets.set(pathKey(p), item.offset);
        walk(item, p);
      });
  };
  const tree = parseTree(text);
  if (tree) {
    offsets.set(pathKey([]), tree.offset);
    walk(tree, []);
  }
  return offsets;
}
