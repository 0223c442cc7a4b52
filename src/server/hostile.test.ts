// Hostile files: YAML that asks for code (custom tags), alias bombs ("billion laughs"), nesting
// deeper than any real file, very large files, and names with markup or control characters.
// Each is refused with a placed problem, or read as plain data, in bounded time and memory.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAssertions } from "../shared/assertions";
import { importAwsCli } from "../shared/iac/awscli";
import { importCloudFormation } from "../shared/iac/cloudformation";
import { InputError, type Problem, parseDesign, serializeDesign } from "../shared/model";
import { readDesignFile } from "./files";
import { createHandlers, type Handlers } from "./handlers";
import { importTerraformFiles } from "./hcl";
import { importFiles, loadPaths } from "./load";

const examplesDir = join(import.meta.dirname, "../../examples");
const example = readFileSync(join(examplesDir, "http-server.palisade.json"), "utf8");

/** The problems a reader refused with; fails when it accepted or threw anything but InputError. */
async function refusal(read: () => unknown): Promise<Problem[]> {
  try {
    await read();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error("expected a refusal, but the input was accepted");
}

/** Each reader that takes a whole text, with a file name it would be given. */
const readers: [string, string, (text: string) => unknown][] = [
  ["a design file", "x.palisade.json", (text) => parseDesign(text, "x.palisade.json")],
  ["CloudFormation YAML", "stack.yaml", (text) => importCloudFormation({ name: "stack.yaml", text })],
  ["CloudFormation JSON", "stack.json", (text) => importCloudFormation({ name: "stack.json", text })],
  ["AWS CLI JSON", "sg.json", (text) => importAwsCli([{ name: "sg.json", text }])],
  ["Terraform", "main.tf", (text) => importTerraformFiles([{ name: "main.tf", text }])],
  ["Terraform JSON", "main.tf.json", (text) => importTerraformFiles([{ name: "main.tf.json", text }])],
  ["assertions YAML", "rules.yaml", (text) => parseAssertions(text, "rules.yaml")],
  ["a dropped file", "dropped.json", (text) => importFiles([{ name: "dropped.json", text }])],
];

const billionLaughs = (key: string, indent = "") =>
  [
    `${key}:`,
    '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    "  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
    "  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
    "  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
    "  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
    "  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
    "  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
    "  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
    "  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
  ]
    .map((line, n) => (n === 0 ? line : indent + line))
    .join("\n");

describe("YAML that asks for more than data", () => {
  it.each([
    ["a JavaScript function tag", "Resources:\n  X: !!js/function 'function () { globalThis.pwned = true }'\n"],
    ["a Python object tag", "Resources:\n  X: !!python/object/apply:os.system ['id']\n"],
    ["an unknown local tag", "Resources:\n  X: !Evil {Type: AWS::EC2::SecurityGroup}\n"],
    ["a JavaScript regexp tag", "Resources:\n  X: !!js/regexp /a/\n"],
  ])("CloudFormation refuses %s, placed, and runs nothing", async (_, text) => {
    const problems = await refusal(() => importCloudFormation({ name: "stack.yaml", text }));
    expect(problems[0]).toMatchObject({ file: "stack.yaml", line: 2 });
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it("assertions refuse a code tag, placed", async () => {
    const problems = await refusal(() => parseAssertions("- deny: !!js/function 'function(){}'\n", "rules.yaml"));
    expect(problems[0]).toMatchObject({ file: "rules.yaml", line: 1 });
  });

  it.each([
    [
      "CloudFormation",
      billionLaughs("Resources"),
      (text: string) => importCloudFormation({ name: "stack.yaml", text }),
    ],
    [
      "assertions",
      `- deny: {from: a, to: b}\n${billionLaughs("  laughs", "  ")}`,
      (text: string) => parseAssertions(text, "rules.yaml"),
    ],
  ])("%s refuses an alias bomb (a billion laughs) without expanding it", async (_, text, read) => {
    const problems = await refusal(() => read(text));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/billion laughs/);
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it("CloudFormation still reads a template that reuses an anchor a few times", () => {
    const text = [
      "Resources:",
      "  Web:",
      "    Type: AWS::EC2::SecurityGroup",
      "    Properties:",
      "      GroupDescription: web",
      "      SecurityGroupIngress:",
      "        - &https {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}",
      "  App:",
      "    Type: AWS::EC2::SecurityGroup",
      "    Properties:",
      "      GroupDescription: app",
      "      SecurityGroupIngress: [*https]",
      "",
    ].join("\n");
    expect(importCloudFormation({ name: "stack.yaml", text }).design.groups).toHaveLength(2);
  });
});

describe("nesting deeper than any real file", () => {
  const depth = 100_000;
  const deepJson = `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const deepObject = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
  const deepYaml = `Resources: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
  it.each(readers)("%s refuses it with a placed problem, without overflowing the stack", async (_, name, read) => {
    for (const text of [deepJson, deepObject, deepYaml]) {
      const problems = await refusal(() => read(text));
      expect(problems[0]?.message, name).toBeTruthy();
      expect(problems[0]?.file ?? problems[0]?.path, name).toBeTruthy();
    }
  });
});

describe("names with markup and control characters", () => {
  it("are kept as plain text in a design, and survive a round trip unchanged", () => {
    const design = parseDesign(example);
    const hostile = '<img src=x onerror="globalThis.pwned=1"><script>alert(1)</script>\u202e\u0007';
    const text = serializeDesign({ ...design, name: hostile.slice(0, 200) });
    expect(parseDesign(text).name).toBe(hostile.slice(0, 200));
  });
});

describe("very large files", () => {
  let dir: string;
  let handlers: Handlers;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "palisade-hostile-"));
    handlers = createHandlers({ examplesDir, recoveryDir: join(dir, "recovery"), log: () => {} });
  });
  afterAll(async () => {
    await handlers.close();
    await rm(dir, { recursive: true, force: true });
  });

  const hundredMegabytes = () => `${example.slice(0, -2)}, "padding": "${"x".repeat(100 * 1024 * 1024)}" }\n`;

  it("a 100 MB file sent by the page is refused by size before it is parsed", async () => {
    const reply = await handlers.dispatch("design:parse", {
      file: { name: "big.palisade.json", text: hundredMegabytes() },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.problems[0]?.message).toMatch(/larger than 50 MB/);
  });

  it("a 100 MB file on disk is refused by size, opened or imported, without reading it whole", async () => {
    const file = join(dir, "big.palisade.json");
    await writeFile(file, hundredMegabytes());
    for (const read of [() => readDesignFile(file), () => loadPaths([file])]) {
      const problems = await refusal(read);
      expect(problems[0]).toMatchObject({ file });
      expect(problems[0]?.message).toMatch(/larger than/);
    }
  });
});
