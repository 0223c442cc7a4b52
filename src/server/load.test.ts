import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { InputError, type Problem } from "../shared/model";
import { detectKind, importFiles, loadPaths } from "./load";
import { mergeDesigns } from "./merge";
import { declarationLocator } from "./places";

const root = resolve(__dirname, "../..");
const fixtures = join(root, "src/shared/iac/awscli/fixtures");
const threeTierText = readFileSync(join(root, "examples/three-tier.palisade.json"), "utf8");
let dir = "";

async function problemsOf(run: () => Promise<unknown>): Promise<Problem[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-load-"));
  mkdirSync(join(dir, "aws"));
  for (const f of ["security-groups.json", "instances.json"]) copyFileSync(join(fixtures, f), join(dir, "aws", f));
  writeFileSync(join(dir, "aws", "package.json"), '{"name": "not aws output"}');
  writeFileSync(join(dir, "aws", "notes.md"), "# notes");
  mkdirSync(join(dir, "empty"));
  writeFileSync(join(dir, "empty", "README.md"), "nothing to import");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("detectKind", () => {
  it.each<[string, string, string]>([
    ["a.palisade.json", threeTierText, "design"],
    ["renamed.json", threeTierText, "design"],
    ["broken.palisade.json", "{", "design"],
    ["sg.json", '{"SecurityGroups": []}', "awscli"],
    ["eni.json", '{"NetworkInterfaces": []}', "awscli"],
    ["stack.json", '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}', "cloudformation"],
    ["stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", "cloudformation"],
    ["stack.template", "Resources:\n  A: {Type: AWS::EC2::SecurityGroup}\n", "cloudformation"],
    ["main.tf", 'resource "aws_security_group" "a" {}', "terraform"],
    ["main.tf.json", '{"resource": {}}', "terraform"],
  ])("%s is %s", (name, text, kind) => {
    expect(detectKind({ name, text })).toBe(kind);
  });

  it.each([
    ["package.json", '{"name": "x"}'],
    ["values.yaml", "replicas: 3\n"],
    ["list.json", "[1, 2]"],
  ])("%s is of no known kind, and says what was expected", (name, text) => {
    expect(detectKind({ name, text })).toEqual({ unknown: expect.stringMatching(/expected|CloudFormation/) });
  });

  it("broken JSON of unknown kind is an error at its line and column", () => {
    expect(() => detectKind({ name: "x.json", text: '{\n  "a": \n}' })).toThrow(/x\.json:3:1: not valid JSON/);
  });
});

describe("loadPaths", () => {
  it("reads a folder's importable files together and says which it left out", async () => {
    const { design, warnings, files } = await loadPaths([join(dir, "aws")]);
    expect(files.map((f) => f.name.split("/").pop())).toEqual(["instances.json", "security-groups.json"]);
    expect(design.resources.map((r) => r.name)).toContain("app-1");
    expect(warnings).toContainEqual(
      expect.objectContaining({ file: join(dir, "aws", "package.json"), message: expect.stringMatching(/^left out/) }),
    );
  });

  it("a folder with nothing importable is an error", async () => {
    const [p] = await problemsOf(() => loadPaths([join(dir, "empty")]));
    expect(p?.message).toMatch(/holds no importable file/);
  });

  it("a missing path is an error naming it", async () => {
    const [p] = await problemsOf(() => loadPaths([join(dir, "nope.json")]));
    expect(p).toMatchObject({ file: join(dir, "nope.json"), message: "cannot read: no such file or folder" });
  });

  it("a file named explicitly must be importable", async () => {
    const [p] = await problemsOf(() => loadPaths([join(dir, "aws", "package.json")]));
    expect(p?.message).toMatch(/cannot tell what kind of file this is/);
  });
});

describe("importFiles", () => {
  it("merges a design with AWS CLI output and keeps the design's positions", async () => {
    const sg = { name: "sg.json", text: readFileSync(join(fixtures, "security-groups.json"), "utf8") };
    const { design } = await importFiles([{ name: "three-tier.palisade.json", text: threeTierText }, sg]);
    expect(design.groups.map((g) => g.id)).toEqual(expect.arrayContaining(["sg-app", "sg-0a1b2c3d4e5f60002"]));
    expect(design.resources.find((r) => r.id === "db")?.position).toEqual({ x: 900, y: 120 });
  });

  it("reports the problems of every file together", async () => {
    const problems = await problemsOf(() =>
      importFiles([
        { name: "a.json", text: '{"SecurityGroups": [{"GroupName": "x"}]}' },
        { name: "b.palisade.json", text: '{"format": "palisade", "version": 99}' },
      ]),
    );
    expect(problems.map((p) => p.file).sort()).toEqual(["a.json", "b.palisade.json"]);
  });
});

describe("a JSON CloudFormation template", () => {
  it("is parsed once, though its kind is told by looking inside", async () => {
    const text = JSON.stringify({
      Resources: { Web: { Type: "AWS::EC2::SecurityGroup", Properties: { GroupDescription: "web" } } },
    });
    const parse = vi.spyOn(JSON, "parse");
    try {
      const { design } = await importFiles([{ name: "stack.json", text }]);
      expect(design.groups.map((g) => g.name)).toEqual(["Web"]);
      expect(parse.mock.calls.filter(([t]) => t === text)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });
});

describe("mergeDesigns", () => {
  const base = JSON.parse(threeTierText);
  it("keeps a part described twice the same way once, wherever it sits", () => {
    const moved = structuredClone(base);
    moved.resources[0].position = { x: 1, y: 1 };
    const { design, warnings } = mergeDesigns([
      { name: "a", design: base, positioned: true },
      { name: "b", design: moved, positioned: true },
    ]);
    expect(design.resources).toHaveLength(base.resources.length);
    expect(warnings).toEqual([]);
  });

  it("keeps the first of two different parts with one id, and says so", () => {
    const changed = structuredClone(base);
    changed.groups[0].description = "changed";
    const { design, warnings } = mergeDesigns([
      { name: "a", design: base, positioned: true },
      { name: "b", design: changed, positioned: true },
    ]);
    expect(design.groups[0]?.description).toBe(base.groups[0].description);
    expect(warnings[0]?.message).toMatch(
      /security group "sg-alb" is also described by a, differently; the copy from a is kept/,
    );
  });
});

describe("locate", () => {
  it("places a rule of a design file at its JSON object", async () => {
    const file = join(dir, "three-tier.palisade.json");
    writeFileSync(file, threeTierText);
    const { locate } = await loadPaths([file]);
    expect(locate({ groupId: "sg-app", direction: "ingress", ruleIndex: 1 })).toEqual({ file, line: 158, column: 9 });
    expect(locate({ nodeId: "db" })).toEqual({ file, line: 82, column: 5 });
    expect(locate({ groupId: "sg-nope" })).toBeUndefined();
  });

  it("places a group of a CloudFormation template or Terraform file at its declaration", () => {
    const locate = declarationLocator([
      { name: "main.tf", text: 'variable "x" {}\n\nresource "aws_security_group" "web" {\n}\n' },
      { name: "stack.yaml", text: "Resources:\n  DbGroup:\n    Type: AWS::EC2::SecurityGroup\n" },
    ]);
    expect(locate({ groupId: "sg-web" })).toEqual({ file: "main.tf", line: 3, column: 1 });
    expect(locate({ groupId: "DbGroup", direction: "ingress", ruleIndex: 0 })).toEqual({
      file: "stack.yaml",
      line: 2,
      column: 3,
    });
  });
});

describe("importFiles for the app", () => {
  it("returns plain data that survives structured clone (Electron IPC)", async () => {
    const sg = { name: "sg.json", text: readFileSync(join(fixtures, "security-groups.json"), "utf8") };
    const result = await importFiles([sg]);
    expect(structuredClone(result)).toEqual(result);
    expect(Object.keys(result).sort()).toEqual(["design", "inputs", "warnings"]);
  });
});
