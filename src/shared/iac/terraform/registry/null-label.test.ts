import { describe, expect, it } from "vitest";
import { Unknown, type Value } from "../eval/values";
import { nullLabel } from "./null-label";
import { registryModel } from "./table";

const outputs = (inputs: Record<string, Value>) => nullLabel.outputs((name) => inputs[name]);

describe("Palisade's model of cloudposse/label/null", () => {
  it("is found by its registry address, with or without the registry's host, and no other module is", () => {
    expect(registryModel("cloudposse/label/null")).toBe(nullLabel);
    expect(registryModel("registry.terraform.io/cloudposse/label/null")).toBe(nullLabel);
    expect(registryModel("terraform-aws-modules/security-group/aws")).toBeUndefined();
  });

  it("covers the versions it was written from, 0.25.x, and no constraint that lets another in", () => {
    for (const v of [undefined, "0.25.0", "= 0.25.0", "~> 0.25.0"]) expect(nullLabel.covers(v)).toBe(true);
    for (const v of ["0.24.1", "~> 0.25", ">= 0.25.0", "0.26.0"]) expect(nullLabel.covers(v)).toBe(false);
  });

  it("with no input is enabled, with an empty id and no tag, as context.tf's defaults make it", () => {
    const out = outputs({});
    expect(out("enabled")).toBe(true);
    expect(out("id")).toBe("");
    expect(out("delimiter")).toBe("-");
    expect(out("tags")).toEqual({});
    expect(out("label_order")).toEqual(["namespace", "environment", "stage", "name", "attributes"]);
  });

  it("takes enabled from its input, else from the context it is passed", () => {
    expect(outputs({ enabled: false })("enabled")).toBe(false);
    expect(outputs({ enabled: null, context: { enabled: false } })("enabled")).toBe(false);
    expect(outputs({ enabled: true, context: { enabled: false } })("enabled")).toBe(true);
  });

  it("joins the labels in label_order into the id, stripped of what regex_replace_chars matches and lower-cased", () => {
    const out = outputs({ namespace: "eg", stage: "Prod", name: "app_1", attributes: ["Blue", "blue", ""] });
    expect(out("id")).toBe("eg-prod-app1-blue");
    expect(out("name")).toBe("app1");
    expect(out("attributes")).toEqual(["blue"]);
    const ordered = outputs({ namespace: "eg", name: "app", delimiter: "_", label_order: ["name", "namespace"] });
    expect(ordered("id")).toBe("app_eg");
  });

  it("tags with the non-empty labels, Name being the id, merged under the tags given", () => {
    const out = outputs({ namespace: "eg", name: "app", tags: { Team: "edge", Name: "mine" } });
    expect(out("tags")).toEqual({ Namespace: "eg", Name: "mine", Team: "edge" });
    expect(outputs({ name: "app", labels_as_tags: ["name"], label_key_case: "upper" })("tags")).toEqual({
      NAME: "app",
    });
  });

  it("merges the context's tags and attributes with those given, the context's first", () => {
    const out = outputs({
      attributes: ["b"],
      tags: { B: "2" },
      context: { enabled: true, attributes: ["a"], tags: { A: "1" } },
    });
    expect(out("attributes")).toEqual(["a", "b"]);
    // The id is the attributes alone here, so Name is too.
    expect(out("tags")).toEqual({ A: "1", Attributes: "a-b", B: "2", Name: "a-b" });
  });

  it("gives empty outputs when disabled, as its outputs.tf does", () => {
    const out = outputs({ enabled: false, namespace: "eg", name: "app" });
    expect([out("id"), out("name"), out("tags"), out("attributes")]).toEqual(["", "", {}, []]);
    expect(out("normalized_context")).toMatchObject({ enabled: false, namespace: "eg", name: "app" });
  });

  it("leaves unknown only the outputs that need an unknown input", () => {
    const stage = Unknown.of("var.stage", "has no value");
    const out = outputs({ name: "app", stage });
    expect(out("enabled")).toBe(true);
    expect(out("name")).toBe("app");
    expect(out("id")).toBeInstanceOf(Unknown);
    expect(String(out("id"))).toContain("var.stage");
  });

  it("does not guess an id shortened with its hash, and has no output it does not model", () => {
    const out = outputs({ namespace: "example", name: "application", id_length_limit: 10 });
    expect(out("id")).toBeInstanceOf(Unknown);
    expect(out("id_full")).toBe("example-application");
    expect(out("no_such_output")).toBeUndefined();
  });

  it("formats descriptors from the labels they name", () => {
    const out = outputs({
      namespace: "eg",
      name: "app",
      descriptor_formats: { stack: { format: "%v/%v", labels: ["namespace", "name"] } },
    });
    expect(out("descriptors")).toEqual({ stack: "eg/app" });
  });
});
