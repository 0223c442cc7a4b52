import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from "./csp";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );

describe("the Content-Security-Policy", () => {
  it("in index.html's meta tag is the header's policy (frame-ancestors only works as a header)", () => {
    const html = readFileSync(resolve(import.meta.dirname, "../renderer/index.html"), "utf8");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete("frame-ancestors");
    expect(directives(meta ?? "")).toEqual(header);
  });

  it("allows no inline script, no eval and no other origin", () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    // Workers only from the app's own scripts (the layout worker): no blob: or data: worker.
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
  });

  it("loosens only script-src and connect-src for the dev server", () => {
    const strict = directives(CONTENT_SECURITY_POLICY);
    const dev = directives(DEV_CONTENT_SECURITY_POLICY);
    for (const [k, v] of strict) if (k !== "script-src" && k !== "connect-src") expect(dev.get(k)).toEqual(v);
  });
});
