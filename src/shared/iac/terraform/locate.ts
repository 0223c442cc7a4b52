// hcl2json's output carries no positions, so problems are placed by finding the block's header
// and, within it, the attribute or nested block in the source text. Good to the line a person
// needs, and never wrong about the file.
import { lineIndex } from "../../model/problems";
import type { Where } from "../draft";

interface Header {
  key: string;
  start: number;
  end: number;
}

const HEADER =
  /^[ \t]*(resource|data|variable|module|output|locals|provider|terraform)\b(?:[ \t]*"([^"]*)")?(?:[ \t]*"([^"]*)")?[ \t]*\{/gm;

/** Where to look inside a block: a nested block (the nth of its name), an attribute, a quoted literal. */
export interface Inside {
  nested?: string;
  n?: number;
  attribute?: string;
  literal?: string;
}

/** Places problems in a Terraform file, in its native syntax or its JSON syntax. */
export interface SourceLocator {
  /** Where `resource "type" "name"` (key "resource.type.name") starts, for the file's order. */
  offset(key: string): number;
  block(key: string): Where;
  inside(key: string, path: Inside): Where;
}

export class Locator implements SourceLocator {
  private readonly headers = new Map<string, Header>();
  private readonly lineColumn: (offset: number) => { line: number; column: number };
  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    const found = [...text.matchAll(HEADER)];
    found.forEach((m, i) => {
      const key = [m[1], m[2], m[3]].filter((x) => x !== undefined).join(".");
      const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
      if (!this.headers.has(key)) this.headers.set(key, { key, start, end: found[i + 1]?.index ?? text.length });
    });
    this.lineColumn = lineIndex(text);
  }

  /** Where a block starts in the text, to keep the file's order (hcl2json sorts keys). */
  offset(key: string): number {
    return this.headers.get(key)?.start ?? Number.MAX_SAFE_INTEGER;
  }

  private at(offset: number): Where {
    return { file: this.file, ...this.lineColumn(offset) };
  }

  /** The header of `resource "type" "name"` (key "resource.type.name"), or the file when absent. */
  block(key: string): Where {
    const h = this.headers.get(key);
    return h ? this.at(h.start) : { file: this.file };
  }

  /**
   * Inside a block: the `n`th nested block called `nested` (0-based), then within it the attribute
   * `attribute`, then the quoted literal `literal`; each step narrows where the next one looks.
   */
  inside(key: string, path: Inside): Where {
    const h = this.headers.get(key);
    if (!h) return { file: this.file };
    let from = h.start;
    let to = h.end;
    if (path.nested) {
      const re = new RegExp(`\\b${path.nested}\\s*(=\\s*\\[?\\s*)?\\{`, "g");
      const hits = [...this.text.slice(from, to).matchAll(re)];
      const hit = hits[path.n ?? 0];
      if (!hit) return this.at(from);
      from += hit.index ?? 0;
      const next = hits[(path.n ?? 0) + 1];
      if (next) to = h.start + (next.index ?? 0);
    }
    if (path.attribute) {
      const re = new RegExp(`\\b${path.attribute}\\s*=`);
      const m = re.exec(this.text.slice(from, to));
      if (m) from += m.index;
    }
    if (path.literal !== undefined) {
      const i = this.text.slice(from, to).indexOf(JSON.stringify(path.literal));
      if (i >= 0) from += i;
    }
    return this.at(from);
  }
}
