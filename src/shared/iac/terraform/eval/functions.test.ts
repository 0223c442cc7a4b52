import { describe, expect, it } from "vitest";
import { callFunction } from "./functions";
import { EvaluationError, Unknown } from "./values";

const call = (name: string, ...args: unknown[]) => callFunction(name, args);

describe("Terraform's functions", () => {
  it.each([
    ["concat", [[1], [2, 3]], [1, 2, 3]],
    ["flatten", [[[1, [2]], [], 3]], [1, 2, 3]],
    ["merge", [{ a: 1, b: 1 }, { b: 2 }, null], { a: 1, b: 2 }],
    ["lookup", [{ a: 1 }, "b", 9], 9],
    ["element", [["a", "b"], 3], "b"],
    ["keys", [{ b: 1, a: 2 }], ["a", "b"]],
    ["values", [{ b: 1, a: 2 }], [2, 1]],
    ["length", ["héllo"], 5],
    ["contains", [["a", "b"], "b"], true],
    ["compact", [["a", "", null, "b"]], ["a", "b"]],
    ["toset", [["b", "a", "b"]], ["a", "b"]],
    ["tolist", [[1]], [1]],
    ["tomap", [{ a: 1 }], { a: 1 }],
    ["format", ["%s-%03d %q %%", "web", 7, "x"], 'web-007 "x" %'],
    ["join", [",", ["a", 1]], "a,1"],
    ["split", [",", "a,b"], ["a", "b"]],
    ["replace", ["a-b-c", "-", "_"], "a_b_c"],
    ["replace", ["web01", "/(\\d+)/", "-$1"], "web-01"],
    ["title", ["hello wORLD-prod_eu"], "Hello WORLD-Prod_eu"],
    ["cidrsubnet", ["10.0.0.0/16", 8, 2], "10.0.2.0/24"],
    ["cidrsubnet", ["2001:db8::/56", 8, 1], "2001:db8:0:1::/64"],
    ["cidrhost", ["10.0.1.0/24", 5], "10.0.1.5"],
    ["cidrhost", ["10.0.1.0/24", -2], "10.0.1.254"],
    ["cidrnetmask", ["10.0.0.0/12"], "255.240.0.0"],
    ["coalesce", ["", null, "x"], "x"],
    ["distinct", [[1, 2, 1]], [1, 2]],
    ["range", [3], [0, 1, 2]],
    ["range", [1, 7, 3], [1, 4]],
    ["zipmap", [["a"], [1]], { a: 1 }],
  ])("%s", (name, args, expected) => {
    expect(callFunction(name, args as unknown[])).toEqual(expected);
  });

  it("gives an unknown when an argument is unknown", () => {
    const u = Unknown.of("var.x", "has no value");
    expect(call("coalesce", u, "a")).toBe(u);
    expect(call("join", ",", [u])).toBe(u);
  });

  it("knows the shape of a list whose elements are unknown (length, concat, lookup)", () => {
    const u = Unknown.of("data.aws_vpc.main", "is read from AWS");
    expect(call("length", [u, "a"])).toBe(2);
    expect(call("concat", [u], [1])).toEqual([u, 1]);
    expect(call("lookup", { a: u, b: 1 }, "b")).toBe(1);
    expect(call("length", u)).toBe(u);
  });

  it("refuses wrong arguments with a message", () => {
    expect(() => call("lookup", { a: 1 }, "b")).toThrow(/no key "b"/);
    expect(() => call("cidrsubnet", "10.0.0.0/30", 4, 1)).toThrow(EvaluationError);
    expect(() => call("join", ",", "not a list")).toThrow(/expected a list/);
  });
});
