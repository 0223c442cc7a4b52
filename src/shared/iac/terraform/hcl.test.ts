// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform's template syntax, on purpose
import { describe, expect, it } from "vitest";
import { attr, blank, block, comment, quote, raw, renderFile } from "./hcl";

describe("renderFile", () => {
  it("aligns = across a run of one-line attributes, as terraform fmt does", () => {
    expect(renderFile([block("resource", ["a", "b"], [attr("ami", "x"), attr("instance_type", "t3.micro")])])).toBe(
      'resource "a" "b" {\n  ami           = "x"\n  instance_type = "t3.micro"\n}\n',
    );
  });

  it.each([
    ["a multi-line object", attr("tags", { Name: "x" })],
    ["a nested block", block("vpc_config", [], [attr("a", 1)])],
    ["a comment", comment("why")],
    ["a blank line", blank],
  ])("starts a new alignment run after %s", (_, breaker) => {
    const text = renderFile([block("r", [], [attr("a", 1), breaker, attr("long_name", 2), attr("bb", 3)])]);
    expect(text).toContain("  a = 1\n");
    expect(text).toContain("  long_name = 2\n  bb        = 3\n");
  });

  it("writes objects with aligned keys, quoting keys that are not identifiers", () => {
    expect(renderFile([block("r", [], [attr("tags", { Name: "x", "cost-centre": "y", "a:b": "z" })])])).toBe(
      'r {\n  tags = {\n    Name        = "x"\n    cost-centre = "y"\n    "a:b"       = "z"\n  }\n}\n',
    );
  });

  it("writes lists, numbers, booleans and references", () => {
    expect(renderFile([block("r", [], [attr("l", [raw("a.b.id"), "c", 1, true]), attr("e", {})])])).toBe(
      'r {\n  l = [a.b.id, "c", 1, true]\n  e = {}\n}\n',
    );
  });

  it("puts a blank line between top-level blocks, none after a comment", () => {
    expect(renderFile([comment("head"), block("a", [], []), block("b", [], [])])).toBe("# head\na {}\n\nb {}\n");
  });
});

describe("quote", () => {
  it.each([
    ['say "hi"', '"say \\"hi\\""'],
    ["a\\b", '"a\\\\b"'],
    ["line\nnext\ttab", '"line\\nnext\\ttab"'],
    ["${var.x}", '"$${var.x}"'],
    ["%{ if x }", '"%%{ if x }"'],
  ])("%j", (text, expected) => {
    expect(quote(text)).toBe(expected);
  });
});
