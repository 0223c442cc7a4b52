// The tokens of a Terraform expression. A quoted string is one token whose parts the parser
// reads (interpolations are expressions of their own), so the scanner only marks where it starts.

export type TokenKind = "number" | "identifier" | "punct" | "quote" | "eof";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset in the source text. */
  at: number;
}

/** A problem in an expression's text, at an offset of it. */
export class SyntaxProblem extends Error {
  override name = "SyntaxProblem";
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

// Longest first, so that "==" is never read as "=" "=".
const PUNCTUATION = [
  "...",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "=>",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  ",",
  ".",
  "?",
  ":",
  "=",
  "!",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "~",
];

const isIdStart = (c: string) => /[A-Za-z_]/.test(c);
// HCL identifiers may hold dashes: `var.a-b` is one attribute, as Terraform reads it.
const isIdPart = (c: string) => /[A-Za-z0-9_-]/.test(c);
const isDigit = (c: string) => c >= "0" && c <= "9";

/** Reads one token at a time from `text`, from `pos`; the parser moves `pos` past templates. */
export class Scanner {
  pos: number;
  constructor(
    readonly text: string,
    pos = 0,
  ) {
    this.pos = pos;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos++;
      else if (c === "#" || (c === "/" && this.text[this.pos + 1] === "/")) {
        while (this.pos < this.text.length && this.text[this.pos] !== "\n") this.pos++;
      } else if (c === "/" && this.text[this.pos + 1] === "*") {
        const end = this.text.indexOf("*/", this.pos + 2);
        this.pos = end < 0 ? this.text.length : end + 2;
      } else return;
    }
  }

  /** The next token, without consuming it. */
  peek(): Token {
    const saved = this.pos;
    const token = this.next();
    this.pos = saved;
    return token;
  }

  next(): Token {
    this.skipSpace();
    const at = this.pos;
    const c = this.text[at];
    if (c === undefined) return { kind: "eof", text: "", at };
    if (c === '"') {
      this.pos++;
      return { kind: "quote", text: '"', at };
    }
    if (isDigit(c)) {
      const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(at)) as RegExpExecArray;
      this.pos += m[0].length;
      return { kind: "number", text: m[0], at };
    }
    if (isIdStart(c)) {
      let end = at + 1;
      while (end < this.text.length && isIdPart(this.text[end] as string)) end++;
      this.pos = end;
      return { kind: "identifier", text: this.text.slice(at, end), at };
    }
    for (const p of PUNCTUATION)
      if (this.text.startsWith(p, at)) {
        this.pos += p.length;
        return { kind: "punct", text: p, at };
      }
    throw new SyntaxProblem(`unexpected character ${JSON.stringify(c)}`, at);
  }
}
