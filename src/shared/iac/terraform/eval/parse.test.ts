// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform's template syntax, on purpose
import { describe, expect, it } from "vitest";
import { parseExpression, parseTemplate } from "./parse";
import { SyntaxProblem } from "./tokens";

describe("parseExpression", () => {
  it("binds * tighter than +, and + tighter than comparison, && and ||", () => {
    expect(parseExpression("1 + 2 * 3 > 6 && !false || x")).toEqual({
      kind: "binary",
      op: "||",
      left: {
        kind: "binary",
        op: "&&",
        left: {
          kind: "binary",
          op: ">",
          left: {
            kind: "binary",
            op: "+",
            left: { kind: "literal", value: 1 },
            right: {
              kind: "binary",
              op: "*",
              left: { kind: "literal", value: 2 },
              right: { kind: "literal", value: 3 },
            },
          },
          right: { kind: "literal", value: 6 },
        },
        right: { kind: "unary", op: "!", operand: { kind: "literal", value: false } },
      },
      right: { kind: "variable", name: "x" },
    });
  });

  it("reads subtraction left to right", () => {
    expect(parseExpression("5 - 2 - 1")).toMatchObject({
      op: "-",
      left: { op: "-", left: { value: 5 }, right: { value: 2 } },
      right: { value: 1 },
    });
  });

  it("nests conditionals to the right", () => {
    expect(parseExpression("a ? 1 : b ? 2 : 3")).toMatchObject({
      kind: "conditional",
      condition: { name: "a" },
      else: { kind: "conditional", condition: { name: "b" } },
    });
  });

  it("reads traversals, both splats and indexes", () => {
    expect(parseExpression("aws_instance.web[*].id")).toEqual({
      kind: "splat",
      of: { kind: "attr", of: { kind: "variable", name: "aws_instance" }, name: "web" },
      steps: [{ attr: "id" }],
    });
    expect(parseExpression("aws_instance.web.*.id")).toMatchObject({ kind: "splat", steps: [{ attr: "id" }] });
    expect(parseExpression('var.rules["ssh"][0]')).toMatchObject({
      kind: "index",
      key: { value: 0 },
      of: { kind: "index", key: { kind: "template", parts: ["ssh"] } },
    });
  });

  it("keeps dashes in names, as HCL does", () => {
    expect(parseExpression("var.a-b")).toMatchObject({ kind: "attr", name: "a-b" });
  });

  it("reads function calls with an expanded last argument", () => {
    expect(parseExpression("concat(a, b...)")).toMatchObject({ kind: "call", name: "concat", expand: true });
  });

  it("reads list and object for expressions with conditions and grouping", () => {
    expect(parseExpression('[for s in var.l : upper(s) if s != ""]')).toMatchObject({
      kind: "for",
      object: false,
      valueVar: "s",
      condition: { op: "!=" },
    });
    expect(parseExpression("{ for k, v in var.m : v => k... }")).toMatchObject({
      kind: "for",
      object: true,
      keyVar: "k",
      valueVar: "v",
      group: true,
    });
  });

  it("reads object keys as words, strings or parenthesised expressions", () => {
    expect(parseExpression('{ a = 1, "b-c" = 2, (var.k) = 3 }')).toMatchObject({
      kind: "object",
      items: [
        { key: { kind: "template", parts: ["a"] } },
        { key: { kind: "template", parts: ["b-c"] } },
        { key: { kind: "attr", name: "k" } },
      ],
    });
  });

  it("reads nested templates and escapes in quoted strings", () => {
    expect(parseExpression('"a\\"${x}\\n"')).toEqual({
      kind: "template",
      parts: ['a"', { kind: "variable", name: "x" }, "\n"],
    });
  });

  it("says where it stopped on bad input", () => {
    expect(() => parseExpression("1 +")).toThrow(SyntaxProblem);
    expect(() => parseExpression("(1")).toThrow(/expected "\)"/);
    try {
      parseExpression("a ? b");
    } catch (e) {
      expect((e as SyntaxProblem).at).toBe(5);
    }
  });
});

describe("parseTemplate (hcl2json's strings)", () => {
  it("gives a lone interpolation as the expression itself", () => {
    expect(parseTemplate("${var.cidrs}")).toMatchObject({ kind: "attr", name: "cidrs" });
  });

  it("gives text around interpolations as a template, $${ as a literal", () => {
    expect(parseTemplate("web-${var.env}-$${x}")).toEqual({
      kind: "template",
      parts: ["web-", { kind: "attr", of: { kind: "variable", name: "var" }, name: "env" }, "-${x}"],
    });
  });

  it("finds the end of an interpolation that holds braces and strings", () => {
    expect(parseTemplate('${{ a = "}" }["a"]}!')).toMatchObject({ kind: "template", parts: [{ kind: "index" }, "!"] });
  });
});
