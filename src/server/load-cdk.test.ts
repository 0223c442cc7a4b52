// A cdk.out folder (the committed fixture, made by scripts/cdk-fixture) read as the CLI and the
// app read it: the manifest says which templates are the stacks; CDK's other files are not inputs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, InputError } from "../shared/model";
import { importFiles, loadPaths } from "./load";

const folder = join(resolve(__dirname, "../.."), "src/shared/iac/cloudformation/fixtures/cdk.out");
const file = (name: string) => ({ name: `cdk.out/${name}`, text: readFileSync(join(folder, name), "utf8") });
const GROUPS = ["Alb/SecurityGroup", "Bastion/InstanceSecurityGroup", "DbGroup", "Web/InstanceSecurityGroup"];
const temp = mkdtempSync(join(tmpdir(), "palisade-cdk-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("a cdk.out folder", () => {
  it("imports the stacks its manifest lists, and leaves CDK's own files out without a word", async () => {
    const { design, warnings } = await loadPaths([folder]);
    expect(design.groups.map((g) => g.name).sort()).toEqual(GROUPS);
    expect(warnings.filter((w) => /left out/.test(w.message))).toEqual([]);
  });

  it("imports the same from its manifest.json named alone, reading the templates beside it", async () => {
    const { design } = await loadPaths([join(folder, "manifest.json")]);
    expect(design.groups.map((g) => g.name).sort()).toEqual(GROUPS);
  });

  it("in the app, imports the manifest with its template sent together", async () => {
    const { design } = await importFiles([file("manifest.json"), file("tree.json"), file("ShopStack.template.json")]);
    expect(design.resources.map((r) => r.name).sort()).toEqual(["Alb", "Bastion", "Db", "Web/ASG"]);
  });

  it("a manifest without the template it lists is an error naming the template, not an empty design", async () => {
    const error = await importFiles([file("manifest.json")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^cdk\.out\/manifest\.json: .*lists the stack template cdk\.out\/ShopStack\.template\.json/,
      ),
    ]);
  });

  it("says that a nested cloud assembly (a CDK stage) is not read", async () => {
    const manifest = {
      version: "55.0.0",
      artifacts: { "assembly-Prod": { type: "cdk:cloud-assembly", properties: { directoryName: "assembly-Prod" } } },
    };
    writeFileSync(join(temp, "manifest.json"), JSON.stringify(manifest));
    writeFileSync(join(temp, "Other.template.json"), readFileSync(join(folder, "ShopStack.template.json"), "utf8"));
    const { warnings } = await loadPaths([temp]);
    expect(warnings.map((w) => w.message)).toContain(
      "the nested cloud assembly assembly-Prod (a CDK stage) is not read: import that folder as well",
    );
  });
});
