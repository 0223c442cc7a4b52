// A small HCL writer whose output `terraform fmt` leaves unchanged: two-space indent, and the
// `=` of each run of consecutive one-line attributes aligned. A multi-line value, a nested block,
// a comment or a blank line ends a run, as in hclwrite's formatter.

/** An expression written as is: a reference (`aws_vpc.main.id`) or a function call. */
export interface Raw {
  raw: string;
}
export type Value = string | number | boolean | Raw | Value[] | { [key: string]: Value };

export interface Attribute {
  kind: "attribute";
  name: string;
  value: Value;
}
export interface Block {
  kind: "block";
  type: string;
  labels: string[];
  body: Item[];
}
export type Item = Attribute | Block | { kind: "blank" } | { kind: "comment"; text: string };

export const raw = (text: string): Raw => ({ raw: text });
export const attr = (name: string, value: Value): Attribute => ({ kind: "attribute", name, value });
export const block = (type: string, labels: string[], body: Item[]): Block => ({ kind: "block", type, labels, body });
export const blank: Item = { kind: "blank" };
export const comment = (text: string): Item => ({ kind: "comment", text });

/** A quoted HCL string; `${` and `%{` are escaped so that text never becomes a template. */
export function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    // A function, because "$$" in a replacement string means one "$".
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{");
  return `"${escaped}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function isObject(v: Value): v is { [key: string]: Value } {
  return typeof v === "object" && !Array.isArray(v) && !("raw" in v);
}

/** Lines of a value; one line except for non-empty objects, which open a block of their own. */
function renderValue(value: Value, indent: string): string[] {
  if (typeof value === "string") return [quote(value)];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (Array.isArray(value)) return [`[${value.map((v) => renderValue(v, indent).join(" ")).join(", ")}]`];
  if ("raw" in value) return [value.raw as string];
  const entries = Object.entries(value);
  if (entries.length === 0) return ["{}"];
  const inner = `${indent}  `;
  const items = entries.map(([k, v]) => attr(IDENTIFIER.test(k) ? k : quote(k), v));
  return ["{", ...renderItems(items, inner), `${indent}}`];
}

function isOneLine(item: Item): boolean {
  return item.kind === "attribute" && !(isObject(item.value) && Object.keys(item.value).length > 0);
}

function renderItems(items: Item[], indent: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i] as Item;
    if (isOneLine(item)) {
      let j = i;
      while (j < items.length && isOneLine(items[j] as Item)) j++;
      const run = items.slice(i, j) as Attribute[];
      const width = Math.max(...run.map((a) => a.name.length));
      for (const a of run) out.push(`${indent}${a.name.padEnd(width)} = ${renderValue(a.value, indent).join("")}`);
      i = j;
      continue;
    }
    if (item.kind === "attribute") {
      const [first, ...rest] = renderValue(item.value, indent);
      out.push(`${indent}${item.name} = ${first}`, ...rest);
    } else if (item.kind === "block") out.push(...renderBlock(item, indent));
    else if (item.kind === "comment") out.push(...item.text.split("\n").map((line) => `${indent}# ${line}`.trimEnd()));
    else out.push("");
    i++;
  }
  return out;
}

function renderBlock(b: Block, indent: string): string[] {
  const head = [b.type, ...b.labels.map(quote)].join(" ");
  if (b.body.length === 0) return [`${indent}${head} {}`];
  return [`${indent}${head} {`, ...renderItems(b.body, `${indent}  `), `${indent}}`];
}

/** A file of top-level items, with a blank line between blocks and a final newline. */
export function renderFile(items: Item[]): string {
  const lines: string[] = [];
  items.forEach((item, n) => {
    if (n > 0 && item.kind === "block" && items[n - 1]?.kind !== "comment") lines.push("");
    lines.push(...renderItems([item], ""));
  });
  return `${lines.join("\n")}\n`;
}
