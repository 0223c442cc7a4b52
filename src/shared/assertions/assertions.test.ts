import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, type Problem, parseDesign } from "../model";
import { checkAssertions, describeAssertion, parseAssertions, yamlOffsets } from "./index";

const threeTier = parseDesign(readFileSync(join(__dirname, "../../../examples/three-tier.palisade.json"), "utf8"));

function problemsOf(text: string): Problem[] {
  try {
    parseAssertions(text, "rules.yaml");
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("parseAssertions", () => {
  it("reads allow and deny entries in flow and block style, tcp by default, with their line", () => {
    const text = [
      "# what must hold",
      "- deny: {from: Internet, to: db, port: 5432}",
      "- allow:",
      "    from: app-1",
      "    to: db",
      "    protocol: tcp",
      "    port: 5432",
      "  description: the app reads the database",
      "- allow: {from: office, to: app-1, protocol: icmp, icmpType: 8}",
    ].join("\n");
    expect(parseAssertions(text, "rules.yaml")).toEqual([
      {
        expect: "deny",
        from: "Internet",
        to: "db",
        protocol: "tcp",
        port: 5432,
        file: "rules.yaml",
        line: 2,
        column: 3,
      },
      {
        expect: "allow",
        from: "app-1",
        to: "db",
        protocol: "tcp",
        port: 5432,
        description: "the app reads the database",
        file: "rules.yaml",
        line: 3,
        column: 3,
      },
      {
        expect: "allow",
        from: "office",
        to: "app-1",
        protocol: "icmp",
        icmpType: 8,
        file: "rules.yaml",
        line: 9,
        column: 3,
      },
    ]);
  });

  it.each<[string, string, RegExp, number, number]>([
    ["broken YAML", "- deny: {from: a, to: b\n- x", /not valid YAML/, 2, 1],
    ["not a list", "deny: {from: a, to: b, port: 1}", /a YAML list of entries/, 1, 1],
    [
      "an absurd port",
      "- deny: {from: a, to: b, port: 5432}\n- allow:\n    from: a\n    to: b\n    port: 70000",
      /port: must be 0-65535/,
      5,
      5,
    ],
    [
      "a misspelt key",
      "- allow: {from: a, to: b, prot: tcp, port: 1}",
      /unknown key "prot": expected from, to, protocol/,
      1,
      27,
    ],
    ["a missing target", "- allow: {from: a, port: 22}", /to: is required/, 1, 3],
    ["neither allow nor deny", "- permit: {from: a, to: b, port: 1}", /unknown key "permit"/, 1, 3],
    ["both allow and deny", "- allow: {from: a, to: b, port: 1}\n  deny: {from: a, to: b, port: 1}", /not both/, 1, 3],
    ["tcp without a port", "- allow: {from: a, to: b}", /tcp needs a port/, 1, 3],
    ["a bad protocol", "- allow: {from: a, to: b, protocol: tcpp, port: 1}", /"tcpp" is not a protocol/, 1, 27],
    ["all traffic", "- allow: {from: a, to: b, protocol: -1}", /one protocol/, 1, 27],
  ])("%s is an error at file:line:column", (_, text, message, line, column) => {
    const [p] = problemsOf(text);
    expect(`${p?.path ? `${p.path}: ` : ""}${p?.message}`).toMatch(message);
    expect(p).toMatchObject({ file: "rules.yaml", line, column });
  });

  it("an empty file (or only comments) says it holds no assertions", () => {
    expect(problemsOf("# nothing yet\n\n")).toEqual([
      expect.objectContaining({ file: "rules.yaml", message: expect.stringMatching(/the assertions file is empty/) }),
    ]);
  });

  it("reports every bad entry, not only the first", () => {
    expect(problemsOf("- allow: {from: a, to: b}\n- deny: {from: a, to: b, port: -1}")).toHaveLength(2);
  });
});

describe("yamlOffsets", () => {
  it("places a mapping's values at their keys and sequence items at their start", () => {
    const text = "a:\n  - x\n  - {b: 1}\n";
    const offsets = yamlOffsets(text);
    expect(offsets.get(JSON.stringify(["a"]))).toBe(0);
    expect(offsets.get(JSON.stringify(["a", 1]))).toBe(text.indexOf("{"));
    expect(offsets.get(JSON.stringify(["a", 1, "b"]))).toBe(text.indexOf("b"));
  });
});

describe("checkAssertions", () => {
  const run = (text: string) => checkAssertions(threeTier, parseAssertions(text, "rules.yaml"));

  it("passes when the design does what the assertions say", () => {
    const results = run("- deny: {from: Internet, to: db, port: 5432}\n- allow: {from: app-1, to: db, port: 5432}");
    expect(results.map((r) => r.outcome)).toEqual(["pass", "pass"]);
  });

  it("fails with the verdict that explains why", () => {
    const [denied, allowed] = run(
      "- allow: {from: Internet, to: db, port: 5432}\n- deny: {from: office, to: app-1, port: 22}",
    );
    expect(denied?.outcome).toBe("fail");
    expect(denied?.verdict?.explanation).toMatch(/Not permitted: Internet cannot reach db on tcp 5432/);
    expect(allowed?.outcome).toBe("fail");
    expect(allowed?.verdict?.explanation).toMatch(/tcp 22 from 198.51.100.0\/24/);
  });

  it("an unknown node is an error placed at the assertion", () => {
    const [result] = run("- allow: {from: app-1, to: nowhere, port: 5432}");
    expect(result?.outcome).toBe("error");
    expect(result?.problems?.[0]).toMatchObject({ file: "rules.yaml", line: 1, column: 3 });
    expect(result?.problems?.[0]?.message).toMatch(/no node is named "nowhere"/);
  });

  it("describes an assertion in one line", () => {
    const [a] = parseAssertions("- deny: {from: Internet, to: db, port: 5432}");
    expect(describeAssertion(a!)).toBe("deny Internet -> db tcp 5432");
  });
});
