import { describe, expect, it } from "vitest";
import { byEffect, declaredAt, inputKey, quietInputsNote, readInputs, valuesFrom } from "./importInputs";

const variable = { kind: "variable" as const, name: "admin_cidr", file: "infra/main.tf", line: 3, affects: true };
const parameter = { kind: "parameter" as const, name: "AdminCidr", file: "stack.yaml", line: 7, affects: true };
const ami = { kind: "variable" as const, name: "ami_id", file: "infra/main.tf", line: 9, affects: false };

describe("readInputs", () => {
  it("reads both kinds, Terraform variables and CloudFormation parameters", () => {
    expect(readInputs([variable, { ...parameter, type: "String", description: "office" }])).toEqual({
      inputs: [variable, { ...parameter, type: "String", description: "office" }],
    });
  });

  it("refuses a malformed list whole, saying where, rather than showing half a dialog", () => {
    const read = readInputs([variable, { kind: "output", name: "x", file: "a.tf", affects: false }]);
    expect(read).toEqual({
      problem: expect.stringMatching(/^the import's list of missing values could not be read \(1\.kind: /),
    });
  });

  it("an older host that sends no list asks for nothing", () => {
    expect(readInputs(undefined)).toEqual({ inputs: [] });
  });
});

describe("valuesFrom", () => {
  it("sends variables as vars and parameters as params, trimmed", () => {
    const fields = { [inputKey(variable)]: " 10.0.0.0/8 ", [inputKey(parameter)]: "203.0.113.0/24" };
    expect(valuesFrom([variable, parameter], fields)).toEqual({
      vars: { admin_cidr: "10.0.0.0/8" },
      params: { AdminCidr: "203.0.113.0/24" },
    });
  });

  it("leaves out an empty field, so that its input stays a placeholder, and keeps earlier values", () => {
    const fields = { [inputKey(variable)]: "  ", [inputKey(parameter)]: "x" };
    expect(valuesFrom([variable, parameter], fields, { vars: { env: "prod" } })).toEqual({
      vars: { env: "prod" },
      params: { AdminCidr: "x" },
    });
    expect(valuesFrom([variable], {})).toEqual({});
  });

  it("keeps a variable and a parameter of the same name apart", () => {
    const both = [variable, { ...parameter, name: "admin_cidr" }];
    expect(inputKey(both[0]!)).not.toBe(inputKey(both[1]!));
  });
});

describe("declaredAt", () => {
  it("names the file by its own name with the line", () => {
    expect(declaredAt(variable)).toBe("main.tf:3");
    expect(declaredAt({ file: "C:\\infra\\stack.yaml" })).toBe("stack.yaml");
  });
});

describe("byEffect", () => {
  it("puts what something drawn waits on first and keeps the others, in the import's order", () => {
    expect(byEffect([ami, variable, parameter])).toEqual({ affecting: [variable, parameter], others: [ami] });
  });
});

describe("quietInputsNote", () => {
  it("names the values nothing drawn depends on when no dialog opens for them", () => {
    expect(quietInputsNote([ami])).toBe(
      "ami_id has no value; nothing Palisade draws depends on it, so it is not asked for.",
    );
    const many = Array.from({ length: 7 }, (_, n) => ({ ...ami, name: `v${n}` }));
    expect(quietInputsNote(many)).toMatch(
      /^7 values have none \(v0, v1, v2, v3, v4 and 2 more\); nothing Palisade draws depends on them/,
    );
  });

  it("says nothing when the dialog opens (it shows them itself) or nothing lacks a value", () => {
    expect(quietInputsNote([ami, variable])).toBe("");
    expect(quietInputsNote([])).toBe("");
    expect(quietInputsNote(undefined)).toBe("");
  });
});
