// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform's template syntax, on purpose
import { describe, expect, it } from "vitest";
import { type EvalScope, evaluateText } from "./evaluate";
import { Namespace, TfRef, Unknown } from "./values";

const vars: Record<string, unknown> = {
  env: "prod",
  ports: [22, 443],
  rules: { ssh: [22, 22, "tcp", "SSH"], https: [443, 443, "tcp", "HTTPS"] },
  cidrs: ["10.0.0.0/16", "", "10.1.0.0/16"],
  on: true,
};
const scope: EvalScope = {
  root(name) {
    if (name === "var")
      return new Namespace("var", (a) => (a === "admin_cidr" ? Unknown.of("var.admin_cidr", "has no value") : vars[a]));
    if (name === "data")
      return new Namespace(
        "data",
        (t) => new Namespace(`data.${t}`, (n) => Unknown.of(`data.${t}.${n}`, "is read from AWS")),
      );
    if (name === "aws_instance")
      return new Namespace("aws_instance", (n) =>
        n === "web"
          ? [0, 1].map((i) => new Namespace(`web[${i}]`, (a) => new TfRef("aws_instance", `web[${i}]`, a)))
          : undefined,
      );
    return undefined;
  },
};
const ev = (text: string) => evaluateText(text, scope);

describe("evaluateText", () => {
  it("keeps the type of a lone interpolation and makes text of a template", () => {
    expect(ev("${var.ports}")).toEqual([22, 443]);
    expect(ev("web-${var.env}-${var.ports[1]}")).toBe("web-prod-443");
    expect(ev("plain")).toBe("plain");
  });

  it("evaluates arithmetic, comparison, logic and conditionals", () => {
    expect(ev("${1 + 2 * 3}")).toBe(7);
    expect(ev('${var.on && length(var.ports) > 1 ? "many" : "few"}')).toBe("many");
    expect(ev("${-var.ports[0] % 5}")).toBe(-2);
  });

  it("indexes maps and lists, the way the security-group module reads its rules table", () => {
    expect(ev('${var.rules["ssh"][2]}')).toBe("tcp");
    expect(ev('${var.rules[lookup({ rule = "https" }, "rule", "_")][0]}')).toBe(443);
  });

  it("evaluates for expressions over lists and maps (maps in key order) with filters and grouping", () => {
    expect(ev('${[for c in var.cidrs : c if c != ""]}')).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
    expect(ev('${[for k, v in var.rules : "${k}:${v[0]}"]}')).toEqual(["https:443", "ssh:22"]);
    expect(ev("${{ for k, v in var.rules : v[2] => k... }}")).toEqual({ tcp: ["https", "ssh"] });
  });

  it("splats resource instances into references", () => {
    expect((ev("${aws_instance.web[*].id}") as unknown[]).map(String)).toEqual([
      "aws_instance.web[0].id",
      "aws_instance.web[1].id",
    ]);
    // The older splat takes attributes only: the index applies to the list it made.
    expect(String(ev("${aws_instance.web.*.id[1]}"))).toBe("aws_instance.web[1].id");
  });

  it("makes an unknown of what depends on a variable without a value, naming it", () => {
    // In a list, only the element that depends on it is unknown.
    const list = ev('${[var.admin_cidr, "10.0.0.0/8"]}') as unknown[];
    expect(list[0]).toBeInstanceOf(Unknown);
    expect(list[1]).toBe("10.0.0.0/8");
    const whole = ev('${join(",", [var.admin_cidr])}');
    expect(whole).toBeInstanceOf(Unknown);
    expect((whole as Unknown).describe()).toBe("depends on var.admin_cidr, which has no value");
    expect(String(ev("${data.aws_vpc.main.cidr_block}"))).toBe("depends on data.aws_vpc.main, which is read from AWS");
  });

  it("decides && and || by a known side even when the other is unknown", () => {
    expect(ev('${false && var.admin_cidr == "x"}')).toBe(false);
    expect(ev('${var.admin_cidr == "x" || true}')).toBe(true);
  });

  it("knows a conditional with an unknown condition only when both branches agree", () => {
    expect(ev('${var.admin_cidr == "" ? 1 : 1}')).toBe(1);
    expect(ev('${var.admin_cidr == "" ? 1 : 2}')).toBeInstanceOf(Unknown);
  });

  it("try takes the first argument that evaluates; can says whether one does", () => {
    expect(ev('${try(var.rules["nope"], "fallback")}')).toBe("fallback");
    expect(ev('${can(var.rules["nope"])}')).toBe(false);
    expect(ev('${try(var.admin_cidr, "x")}')).toBeInstanceOf(Unknown);
  });

  it("turns an evaluation error into an unknown that says what went wrong", () => {
    const u = ev("${var.ports[5]}");
    expect(u).toBeInstanceOf(Unknown);
    expect(String(u)).toMatch(/index 5 is out of range for a list of 2/);
    expect(String(ev("${nosuch(1)}"))).toMatch(/nosuch\(\) is not one this reader evaluates/);
    expect(String(ev("${1 +}"))).toMatch(/cannot read/);
  });
});
