// The expressions of Terraform's language (HCL's expression syntax), as the parser gives them.

/** A step of a traversal: `.name` or `[key]`. */
export type Step = { attr: string } | { index: Expr };

export type Expr =
  | { kind: "literal"; value: number | boolean | null }
  | { kind: "template"; parts: (string | Expr)[] }
  | { kind: "variable"; name: string }
  | { kind: "attr"; of: Expr; name: string }
  | { kind: "index"; of: Expr; key: Expr }
  /** `x[*].a[0]` and the older `x.*.a`: `steps` apply to each element. */
  | { kind: "splat"; of: Expr; steps: Step[] }
  | { kind: "call"; name: string; args: Expr[]; expand: boolean }
  | { kind: "tuple"; items: Expr[] }
  | { kind: "object"; items: { key: Expr; value: Expr }[] }
  | { kind: "unary"; op: "!" | "-"; operand: Expr }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr }
  | { kind: "conditional"; condition: Expr; then: Expr; else: Expr }
  | {
      kind: "for";
      /** `{ for k, v in … : k => v }` makes an object, `[ for v in … : v ]` a tuple. */
      object: boolean;
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      key?: Expr;
      value: Expr;
      condition?: Expr;
      /** `=> v...`: values of the same key are grouped into a list. */
      group: boolean;
    };

export type BinaryOp = "||" | "&&" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "+" | "-" | "*" | "/" | "%";
