// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the texts are HCL, whose templates are ${...}.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designs } from "../shared/engine/testing/arbitraries";
import { toTerraform } from "../shared/iac/terraform";
import type { Problem } from "../shared/model/problems";
import { parseHcl, parseHclFiles } from "./hcl";
import { joinPieces, piecesOf, topLevelEnds } from "./hcl-split";

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 15;

/** Statements whose insides look like the ends of statements: braces, quotes and newlines in strings, templates, heredocs and comments. */
const TRICKY = [
  'resource "aws_security_group" "a" {\n  name = "}\\"{"\n  description = "${lower("}")} $${x} %%{y}"\n}\n',
  'locals {\n  m = { a = "}", b = [1, 2] }\n  t = "${ { k = "}" }["k"] }"\n}\n',
  'locals {\n  doc = <<EOT\n}\nresource "x" "y" {\n"\nEOT\n}\n',
  "locals {\n  doc = <<-EOT\n    {\n    EOT\n}\n",
  '# a } comment\n// another {\n/* a\n} block\n*/\nvariable "office" {\n  default = "198.51.100.0/24"\n}\n',
  'resource "aws_vpc_security_group_ingress_rule" "r" {\n  security_group_id = aws_security_group.a.id\n  ip_protocol       = "tcp"\n  from_port         = 80\n  to_port           = 80\n  cidr_ipv4         = "0.0.0.0/0"\n}\n',
  "locals {\n  a = 1\n}\n",
  'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n',
];

const chosen = fc.array(fc.integer({ min: 0, max: TRICKY.length - 1 }), { minLength: 1, maxLength: 8 });
const files = chosen.map((parts) => parts.map((i) => TRICKY[i]).join("\n"));

describe("cutting a .tf file at its top-level statements", () => {
  it("cuts where each statement ends, nowhere inside one, and loses nothing", () => {
    fc.assert(
      fc.property(chosen, fc.integer({ min: 1, max: 400 }), (parts, size) => {
        const text = parts.map((i) => TRICKY[i]).join("\n");
        const ends = new Set(topLevelEnds(text));
        let at = 0;
        parts.forEach((i, n) => {
          const part = TRICKY[i] as string;
          // Only the comments' part holds top-level ends of its own (each comment's line).
          for (let k = at + 1; k < at + part.length; k++)
            if (ends.has(k)) expect(part.startsWith("#"), `${JSON.stringify(part)} cut at ${k - at}`).toBe(true);
          expect(ends.has(at + part.length)).toBe(true);
          at += part.length + (n < parts.length - 1 ? 1 : 0);
        });
        expect(
          piecesOf(text, size)
            .map((p) => p.text)
            .join(""),
        ).toBe(text);
      }),
      { numRuns: 300, seed: 20261131 },
    );
  });

  it("parses to exactly what the whole file parses to, keys in the same order", async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.integer({ min: 1, max: 300 }), async (text, pieceSize) => {
        const whole = await parseHcl("main.tf", text, { threads: 1 });
        const pieces = await parseHcl("main.tf", text, { threads: 2, pieceSize, threaded: 0 });
        expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
      }),
      { numRuns: RUNS, seed: 20261132 },
    );
  }, 120_000);

  it("parses an exported design in pieces as it parses whole", async () => {
    await fc.assert(
      fc.asyncProperty(designs, async (d) => {
        const [main] = toTerraform(d, { layout: "single" });
        if (!main) return;
        const whole = await parseHcl(main.name, main.text, { threads: 1 });
        const pieces = await parseHcl(main.name, main.text, { threads: 2, pieceSize: 200, threaded: 0 });
        expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
      }),
      { numRuns: RUNS, seed: 20261133 },
    );
  }, 120_000);

  it("reports a syntax error exactly where the whole file would", async () => {
    const text = `${TRICKY.join("\n")}\nresource "a" "b" {\n  x = \n}\n${TRICKY.join("\n")}`;
    const problems = async (threads: number) =>
      (
        (await parseHclFiles([{ name: "bad.tf", text }], { threads, pieceSize: 100, threaded: 0 }))[0] as {
          problems: Problem[];
        }
      ).problems;
    const whole = await problems(1);
    expect(whole[0]?.line).toBeGreaterThan(1);
    expect(await problems(2)).toEqual(whole);
  }, 60_000);
});

describe("joining the pieces' JSON", () => {
  it("joins block lists in file order and sorts keys as hcl2json's Go does", () => {
    const joined = joinPieces([
      { resource: { b: { z: [{ x: 1 }] } }, locals: [{ a: 1 }] },
      { resource: { a: { y: [{}] }, b: { a: [{}], z: [{ x: 2 }] } }, locals: [{ b: 2 }] },
    ]);
    expect(JSON.stringify(joined)).toBe(
      JSON.stringify({
        locals: [{ a: 1 }, { b: 2 }],
        resource: { a: { y: [{}] }, b: { a: [{}], z: [{ x: 1 }, { x: 2 }] } },
      }),
    );
  });

  it("gives up where the whole file could not parse (an attribute twice)", () => {
    expect(joinPieces([{ a: 1 }, { a: 2 }])).toBeUndefined();
  });
});
