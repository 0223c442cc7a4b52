// Every reader meets whatever a user opens, drops or imports: a design file, Terraform (through the
// real HCL parser), CloudFormation YAML and JSON, AWS CLI JSON and assertions YAML. Fed random
// text and mutations of real files, each answers with a value or with problems that say where and
// why, and never throws anything else. src/shared/iac/import.fuzz.test.ts covers the importers'
// inner shapes; this file covers the readers end to end.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, it } from "vitest";
import { parseAssertions } from "../shared/assertions";
import { importAwsCli } from "../shared/iac/awscli";
import { importCloudFormation } from "../shared/iac/cloudformation";
import { parseDesign } from "../shared/model";
import { importTerraformFiles } from "./hcl";
import { importFiles } from "./load";
import { mutatedJson, mutatedText, options, RUNS, settles, TIME_LIMIT } from "./testing/fuzz";

const root = join(import.meta.dirname, "../..");
const read = (...parts: string[]) => readFileSync(join(root, ...parts), "utf8");
const folder = (...parts: string[]) =>
  readdirSync(join(root, ...parts)).map((name) => ({ name, text: read(...parts, name) }));

const designs = folder("examples").filter((f) => f.name.endsWith(".palisade.json"));
const terraform = [
  ...folder("src/shared/iac/terraform/golden/three-tier"),
  ...folder("src/shared/iac/terraform/golden/http-server"),
];
const cfnYaml = folder("src/shared/iac/cloudformation/golden").filter((f) => f.name.endsWith(".yaml"));
const cfnJson = folder("src/shared/iac/cloudformation/golden").filter((f) => f.name.endsWith(".json"));
const awscli = folder("src/shared/iac/awscli/fixtures");
const ASSERTIONS = [
  "# what must and must not be reachable",
  "- deny: {from: Internet, to: db, port: 5432}",
  "- allow:",
  "    from: web",
  "    to: app",
  "    protocol: tcp",
  "    port: 8080",
  "  description: the web tier calls the app",
  "- allow: {from: office, to: app-1, protocol: icmp, icmpType: 8, icmpCode: -1}",
  "",
].join("\n");

/** Random text, a mutated real file's text, or a real file's JSON with odd values in it. */
function inputs(files: { text: string }[], json: boolean): fc.Arbitrary<string> {
  const texts = files.map((f) => f.text);
  const choices: fc.Arbitrary<string>[] = [fc.string({ maxLength: 200 }), fc.constantFrom(...texts).chain(mutatedText)];
  if (json)
    choices.push(
      fc
        .constantFrom(...texts)
        .chain((t) => mutatedJson(JSON.parse(t)))
        .map((v) => JSON.stringify(v, null, 2) ?? ""),
    );
  return fc.oneof(...choices);
}

describe(`readers answer or refuse with placed problems (${RUNS} cases each)`, () => {
  it(
    "design files (parseDesign)",
    async () => {
      await fc.assert(
        fc.asyncProperty(inputs(designs, true), (text) => settles(() => parseDesign(text, "fuzz.palisade.json"))),
        options(),
      );
    },
    TIME_LIMIT,
  );

  it(
    "Terraform, through the real HCL parser",
    async () => {
      // Mutating one file of a module, the others as they are: references across files still resolve.
      const module = fc.tuple(fc.nat({ max: terraform.length - 1 }), inputs(terraform, false));
      await fc.assert(
        fc.asyncProperty(module, ([which, text]) =>
          settles(() =>
            importTerraformFiles(terraform.slice(0, 3).map((f, i) => (i === which % 3 ? { name: f.name, text } : f))),
          ),
        ),
        options(),
      );
    },
    TIME_LIMIT,
  );

  it(
    "CloudFormation YAML",
    async () => {
      await fc.assert(
        fc.asyncProperty(inputs(cfnYaml, false), (text) =>
          settles(() => importCloudFormation({ name: "stack.yaml", text })),
        ),
        options(),
      );
    },
    TIME_LIMIT,
  );

  it(
    "CloudFormation JSON",
    async () => {
      await fc.assert(
        fc.asyncProperty(inputs(cfnJson, true), (text) =>
          settles(() => importCloudFormation({ name: "stack.json", text })),
        ),
        options(),
      );
    },
    TIME_LIMIT,
  );

  it(
    "AWS CLI JSON, several outputs together",
    async () => {
      const one = fc.tuple(fc.nat({ max: awscli.length - 1 }), inputs(awscli, true));
      await fc.assert(
        fc.asyncProperty(one, ([which, text]) =>
          settles(() => importAwsCli(awscli.map((f, i) => (i === which ? { name: f.name, text } : f)))),
        ),
        options(),
      );
    },
    TIME_LIMIT,
  );

  it(
    "assertions YAML",
    async () => {
      await fc.assert(
        fc.asyncProperty(inputs([{ text: ASSERTIONS }], false), (text) =>
          settles(() => parseAssertions(text, "rules.yaml")),
        ),
        options(),
      );
    },
    TIME_LIMIT,
  );

  it(
    "any file by its name and content, as dropped on the window (src/server/load.ts)",
    async () => {
      const all = [...designs, ...cfnYaml, ...cfnJson, ...awscli, ...terraform.slice(0, 1)];
      const file = fc.record({
        name: fc.oneof(
          fc.constantFrom(...all.map((f) => f.name)),
          fc.constantFrom("x.json", "x.yaml", "x.tf", "x.tf.json", "x.template", "x.txt", ".json", "x"),
        ),
        text: inputs(all, false),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 3 }), (files) => settles(() => importFiles(files))),
        options(Math.ceil(RUNS / 4)),
      );
    },
    TIME_LIMIT,
  );
});
