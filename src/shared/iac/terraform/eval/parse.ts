// A Pratt parser for Terraform expressions, and the template reader for the strings hcl2json
// gives (`"${var.a}"` is the expression var.a; `"web-${var.env}"` is a template).
import type { BinaryOp, Expr, Step } from "./ast";
import { Scanner, SyntaxProblem, type Token } from "./tokens";

// Binding power of each binary operator, HCL's precedence (higher binds tighter).
const BINARY: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  ">": 4,
  "<=": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6,
};
const UNARY_POWER = 7;

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

class Parser {
  readonly scan: Scanner;
  constructor(text: string, pos = 0) {
    this.scan = new Scanner(text, pos);
  }

  private fail(message: string, token?: Token): never {
    throw new SyntaxProblem(message, token?.at ?? this.scan.pos);
  }

  private expect(text: string): Token {
    const t = this.scan.next();
    if (t.text !== text || (t.kind !== "punct" && t.kind !== "quote"))
      this.fail(`expected "${text}", found ${t.kind === "eof" ? "the end" : `"${t.text}"`}`, t);
    return t;
  }

  private accept(text: string): boolean {
    const t = this.scan.peek();
    if (t.kind === "punct" && t.text === text) {
      this.scan.next();
      return true;
    }
    return false;
  }

  /** expression := binary ("?" expression ":" expression)? */
  expression(): Expr {
    const condition = this.binary(0);
    if (!this.accept("?")) return condition;
    const then = this.expression();
    this.expect(":");
    return { kind: "conditional", condition, then, else: this.expression() };
  }

  private binary(minPower: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.scan.peek();
      const power = t.kind === "punct" ? BINARY[t.text] : undefined;
      if (power === undefined || power <= minPower) return left;
      this.scan.next();
      left = { kind: "binary", op: t.text as BinaryOp, left, right: this.binary(power) };
    }
  }

  private unary(): Expr {
    const t = this.scan.peek();
    if (t.kind === "punct" && (t.text === "!" || t.text === "-")) {
      this.scan.next();
      const operand = this.binary(UNARY_POWER - 1 + 0.5);
      return { kind: "unary", op: t.text, operand };
    }
    return this.postfix(this.primary());
  }

  private primary(): Expr {
    const t = this.scan.next();
    if (t.kind === "number") return { kind: "literal", value: Number(t.text) };
    if (t.kind === "quote") return this.template('"');
    if (t.kind === "identifier") {
      if (t.text === "true" || t.text === "false") return { kind: "literal", value: t.text === "true" };
      if (t.text === "null") return { kind: "literal", value: null };
      const after = this.scan.peek();
      if (after.kind === "punct" && after.text === "(") return this.call(t.text);
      return { kind: "variable", name: t.text };
    }
    if (t.kind === "punct") {
      if (t.text === "(") {
        const inner = this.expression();
        this.expect(")");
        return inner;
      }
      if (t.text === "[") return this.tuple();
      if (t.text === "{") return this.object();
    }
    return this.fail(`expected an expression, found ${t.kind === "eof" ? "the end" : `"${t.text}"`}`, t);
  }

  private call(name: string): Expr {
    this.expect("(");
    const args: Expr[] = [];
    let expand = false;
    while (!this.accept(")")) {
      args.push(this.expression());
      if (this.accept("...")) expand = true;
      if (!this.accept(",")) {
        this.expect(")");
        break;
      }
    }
    return { kind: "call", name, args, expand };
  }

  private isFor(): boolean {
    const t = this.scan.peek();
    return t.kind === "identifier" && t.text === "for";
  }

  private tuple(): Expr {
    if (this.isFor()) return this.forExpression(false);
    const items: Expr[] = [];
    while (!this.accept("]")) {
      items.push(this.expression());
      if (!this.accept(",")) {
        this.expect("]");
        break;
      }
    }
    return { kind: "tuple", items };
  }

  private object(): Expr {
    if (this.isFor()) return this.forExpression(true);
    const items: { key: Expr; value: Expr }[] = [];
    while (!this.accept("}")) {
      const keyToken = this.scan.peek();
      // A bare word is the key itself, not a variable; `(expr)` evaluates the key.
      let key: Expr;
      if (keyToken.kind === "identifier") {
        this.scan.next();
        key = { kind: "template", parts: [keyToken.text] };
      } else key = this.expression();
      const sep = this.scan.next();
      if (sep.text !== "=" && sep.text !== ":") this.fail(`expected "=" after an object key`, sep);
      items.push({ key, value: this.expression() });
      this.accept(",");
    }
    return { kind: "object", items };
  }

  private forExpression(object: boolean): Expr {
    this.scan.next(); // for
    const first = this.identifier();
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.accept(",")) {
      keyVar = first;
      valueVar = this.identifier();
    }
    const kw = this.scan.next();
    if (kw.text !== "in") this.fail(`expected "in" in a for expression`, kw);
    const collection = this.expression();
    this.expect(":");
    let key: Expr | undefined;
    let value = this.expression();
    if (object) {
      this.expect("=>");
      key = value;
      value = this.expression();
    }
    const group = object && this.accept("...");
    let condition: Expr | undefined;
    const t = this.scan.peek();
    if (t.kind === "identifier" && t.text === "if") {
      this.scan.next();
      condition = this.expression();
    }
    this.expect(object ? "}" : "]");
    return {
      kind: "for",
      object,
      ...(keyVar !== undefined ? { keyVar } : {}),
      valueVar,
      collection,
      ...(key ? { key } : {}),
      value,
      ...(condition ? { condition } : {}),
      group,
    };
  }

  private identifier(): string {
    const t = this.scan.next();
    if (t.kind !== "identifier") this.fail("expected a name", t);
    return t.text;
  }

  /** Attribute access, indexes and splats after a primary expression. */
  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const t = this.scan.peek();
      if (t.kind !== "punct") return expr;
      if (t.text === ".") {
        this.scan.next();
        const name = this.scan.next();
        if (name.kind === "punct" && name.text === "*") {
          expr = { kind: "splat", of: expr, steps: this.splatSteps(false) };
          continue;
        }
        if (name.kind === "number")
          expr = { kind: "index", of: expr, key: { kind: "literal", value: Number(name.text) } };
        else if (name.kind === "identifier") expr = { kind: "attr", of: expr, name: name.text };
        else this.fail(`expected an attribute name after "."`, name);
        continue;
      }
      if (t.text === "[") {
        this.scan.next();
        if (this.accept("*")) {
          this.expect("]");
          expr = { kind: "splat", of: expr, steps: this.splatSteps(true) };
          continue;
        }
        const key = this.expression();
        this.expect("]");
        expr = { kind: "index", of: expr, key };
        continue;
      }
      return expr;
    }
  }

  /** The traversal after a splat; the older `.*` form takes attributes only. */
  private splatSteps(full: boolean): Step[] {
    const steps: Step[] = [];
    for (;;) {
      const t = this.scan.peek();
      if (t.kind === "punct" && t.text === ".") {
        const saved = this.scan.pos;
        this.scan.next();
        const name = this.scan.next();
        if (name.kind === "identifier") {
          steps.push({ attr: name.text });
          continue;
        }
        this.scan.pos = saved;
        return steps;
      }
      if (full && t.kind === "punct" && t.text === "[") {
        this.scan.next();
        const key = this.expression();
        this.expect("]");
        steps.push({ index: key });
        continue;
      }
      return steps;
    }
  }

  /**
   * A template up to `end` ('"' in an expression, or the end of hcl2json's text): literal text,
   * `${ expression }` interpolations, `$${` and `%%{` for the literal characters. Quoted strings
   * take backslash escapes; hcl2json's text has them decoded already.
   */
  template(end: '"' | "eof"): Expr {
    const text = this.scan.text;
    const parts: (string | Expr)[] = [];
    let literal = "";
    let i = this.scan.pos;
    for (;;) {
      const c = text[i];
      if (c === undefined) {
        if (end === '"') throw new SyntaxProblem("a string is not closed", i);
        break;
      }
      if (end === '"' && c === '"') {
        i++;
        break;
      }
      if (end === '"' && c === "\\") {
        const e = text[i + 1] ?? "";
        if (e === "u" || e === "U") {
          const len = e === "u" ? 4 : 8;
          literal += String.fromCodePoint(Number.parseInt(text.slice(i + 2, i + 2 + len), 16));
          i += 2 + len;
        } else {
          const decoded = ESCAPES[e];
          if (decoded === undefined) throw new SyntaxProblem(`unknown escape \\${e}`, i);
          literal += decoded;
          i += 2;
        }
        continue;
      }
      if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") {
        literal += `${c}{`;
        i += 3;
        continue;
      }
      if (c === "%" && text[i + 1] === "{")
        throw new SyntaxProblem("template directives (%{ if }, %{ for }) are not read", i);
      if (c === "$" && text[i + 1] === "{") {
        if (literal) parts.push(literal);
        literal = "";
        this.scan.pos = i + 2;
        if (text[this.scan.pos] === "~") this.scan.pos++;
        parts.push(this.expression());
        const close = this.scan.next();
        if (close.kind === "punct" && close.text === "~") this.scan.next();
        else if (close.text !== "}") this.fail(`expected "}" to close "\${"`, close);
        i = this.scan.pos;
        continue;
      }
      literal += c;
      i++;
    }
    if (literal || parts.length === 0) parts.push(literal);
    this.scan.pos = i;
    return { kind: "template", parts };
  }
}

/** An expression written in Terraform's syntax, e.g. `var.a ? 1 : 0`. Throws SyntaxProblem. */
export function parseExpression(text: string): Expr {
  const p = new Parser(text);
  const expr = p.expression();
  const rest = p.scan.next();
  if (rest.kind !== "eof") throw new SyntaxProblem(`unexpected "${rest.text}" after the expression`, rest.at);
  return expr;
}

/**
 * A string as hcl2json gives it: a template whose only part is an interpolation is that
 * expression (its value keeps its type: a list stays a list); anything else is text.
 */
export function parseTemplate(text: string): Expr {
  const p = new Parser(text);
  const t = p.template("eof");
  if (t.kind === "template" && t.parts.length === 1 && typeof t.parts[0] !== "string") return t.parts[0] as Expr;
  return t;
}
