// Every command reads what any command wrote, whatever its name: exported Terraform and
// CloudFormation, written without an extension, are read back by check and flows from content.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, spawnPalisade } from "./testing/spawn";

let dir = "";
const palisade = (...args: string[]) => spawnPalisade(dir, args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-roundtrip-"));
  copyFileSync(join(root, "examples/three-tier.palisade.json"), join(dir, "design"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("export, then read back under any name", () => {
  it("a design named without an extension is read as a design", async () => {
    const r = await palisade("check", "design", "--from", "internet", "--to", "db", "--port", "5432");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
  });

  it("export --to cloudformation -o out writes one file that check and flows read as a template", async () => {
    const exported = await palisade("export", "design", "--to", "cloudformation", "-o", "cfn");
    expect(exported).toMatchObject({ code: 0, stderr: "" });
    expect(statSync(join(dir, "cfn")).isFile()).toBe(true);
    const allowed = await palisade("check", "cfn", "--from", "app-1", "--to", "db", "--port", "5432");
    expect(allowed.stderr).toBe("");
    expect(allowed.code).toBe(0);
    const denied = await palisade("check", "cfn", "--from", "internet", "--to", "db", "--port", "5432");
    expect(denied.code).toBe(1);
    const flows = await palisade("flows", "cfn");
    expect(flows.code).toBe(0);
    expect(flows.stdout).toMatch(/app-1 \(\w+\) -> db( \(\w+\))?: tcp 5432/);
  });

  it("export --to cloudformation --format json -o out is read back as a template too", async () => {
    expect(
      (await palisade("export", "design", "--to", "cloudformation", "--format", "json", "-o", "cfnjson")).code,
    ).toBe(0);
    const r = await palisade("check", "cfnjson", "--from", "app-1", "--to", "db", "--port", "5432");
    expect(r).toMatchObject({ code: 0, stderr: "" });
  });

  it("export --to terraform -o out writes a folder (a module) that check and flows read", async () => {
    const exported = await palisade("export", "design", "--to", "terraform", "-o", "tf");
    expect(exported).toMatchObject({ code: 0, stderr: "" });
    expect(statSync(join(dir, "tf")).isDirectory()).toBe(true);
    expect(readdirSync(join(dir, "tf")).some((f) => f.endsWith(".tf"))).toBe(true);
    const allowed = await palisade("check", "tf", "--from", "app-1", "--to", "db", "--port", "5432");
    expect(allowed.stderr).toBe("");
    expect(allowed.code).toBe(0);
    const flows = await palisade("flows", "tf");
    expect(flows.stdout).toMatch(/app-1 \(\w+\) -> db( \(\w+\))?: tcp 5432/);
  });

  it("one Terraform file copied out under a bare name is told by its HCL blocks", async () => {
    const [first] = readdirSync(join(dir, "tf")).filter((f) => f.endsWith(".tf"));
    copyFileSync(join(dir, "tf", first as string), join(dir, "module"));
    const r = await palisade("lint", "module");
    expect(r.stderr).not.toMatch(/cannot tell what kind of file/);
    expect([0, 1]).toContain(r.code);
  });

  it("export --verify --rules writes Reachability Analyzer paths that check reads past without a word", async () => {
    writeFileSync(
      join(dir, "rules.yaml"),
      "- deny: {from: Internet, to: app-1, port: 22}\n- allow: {from: app-1, to: db, port: 5432}\n",
    );
    const r = await palisade(
      "export",
      "design",
      "--to",
      "terraform",
      "--verify",
      "--rules",
      "rules.yaml",
      "-o",
      "verified",
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 Reachability Analyzer path\(s\), each with an analysis\. AWS bills each/);
    expect(r.stderr).toMatch(/not verifiable this way: allow app-1 -> db tcp 5432: db is an RDS database/);
    expect(readFileSync(join(dir, "verified/verify.tf"), "utf8")).toMatch(/resource "aws_ec2_network_insights_path"/);
    const check = await palisade("check", "verified", "--from", "internet", "--to", "app-1", "--port", "22");
    expect(check).toMatchObject({ code: 1, stderr: "" });
    const cfn = await palisade(
      "export",
      "design",
      "--to",
      "cloudformation",
      "--verify",
      "--rules",
      "rules.yaml",
      "-o",
      "verified.cfn",
    );
    expect(cfn.code).toBe(0);
    expect(
      (await palisade("check", "verified.cfn", "--from", "internet", "--to", "app-1", "--port", "22")).stderr,
    ).toBe("");
  });

  it("--rules without --verify is a usage error", async () => {
    const r = await palisade("export", "design", "--to", "terraform", "--rules", "rules.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rules applies to --verify/);
  });

  it("a file of no known kind says what was expected", async () => {
    const r = await palisade("check", "/etc/hostname", "--from", "a", "--to", "b");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot tell what kind of file this is: expected a Palisade design/);
  });
});
