// A flow that depends on a group the files name but do not define says so, in `flows` (text and
// JSON Lines) and in `check`'s explanation: the real command on a real Terraform file. What it
// depends on is decided by the rules that permit it, not by the groups on its path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnPalisade } from "./testing/spawn";

const FIXTURE = join(import.meta.dirname, "../shared/iac/terraform/fixtures/depends-on/main.tf");
let dir = "";
const palisade = (...args: string[]) => spawnPalisade(dir, args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-unknowns-"));
  // The file e2e/depends-on.spec.ts imports in the app, copied where the exports below may write.
  writeFileSync(join(dir, "main.tf"), readFileSync(FIXTURE, "utf8"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("flows that depend on an unknown", () => {
  it("flows marks the flow the placeholder's rules permit, and only that one", async () => {
    const text = await palisade("flows", "main.tf");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Internet \(internet\) -> app: tcp 443 .*\(depends on var\.app_group_id\)$/m);
    expect(text.stdout).toMatch(/-> report: tcp 5432/);
    expect(text.stdout).not.toMatch(/report: tcp 5432.*depends on/);
    const lines = await palisade("flows", "main.tf", "--json");
    const rows = lines.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { to: string; dependsOn?: string[] });
    expect(rows.find((r) => r.to === "app")?.dependsOn).toEqual(["var.app_group_id"]);
    expect(rows.find((r) => r.to === "report")?.dependsOn).toBeUndefined();
  });

  it("check says what a verdict depends on: permitted by the placeholder's rules, or open where its rules are unknown", async () => {
    const permitted = await palisade("check", "main.tf", "--from", "internet", "--to", "app", "--port", "443");
    expect(permitted.code).toBe(0);
    expect(permitted.stdout).toMatch(
      /Depends on var\.app_group_id: .*the rules that permit this are those the files give it/,
    );
    const open = await palisade("check", "main.tf", "--from", "internet", "--to", "app", "--port", "22", "--json");
    expect(open.code).toBe(1);
    expect(JSON.parse(open.stdout)).toMatchObject({ permitted: false, dependsOn: ["var.app_group_id"] });
    const certain = await palisade("check", "main.tf", "--from", "internet", "--to", "report", "--port", "22");
    expect(certain.stdout).not.toMatch(/Depends on/);
  });

  it("a rule whose CIDR is a variable with no value is kept: the flow from that range depends on it", async () => {
    const flows = await palisade("flows", "main.tf");
    expect(flows.code).toBe(0);
    expect(flows.stderr).toMatch(
      /main\.tf:\d+:\d+: .*cidr_blocks: .*var\.admin_cidr.*placeholder range "var\.admin_cidr"/,
    );
    expect(flows.stdout).toMatch(/^var\.admin_cidr -> jump: tcp 22, 443 .*\(depends on var\.admin_cidr\)$/m);
    // The stand-in range is no one else's: the Internet still cannot reach jump on 22.
    expect(flows.stdout).toMatch(/^Internet \(internet\) -> jump: tcp 443 \(IPv4 only\)$/m);
    const check = await palisade("check", "main.tf", "--from", "var.admin_cidr", "--to", "jump", "--port", "22");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/Depends on var\.admin_cidr: an address range the files name but give no value/);
    // Not permitted from the range: only for now, since db's 10.0.0.0/8 may turn out to cover it.
    const open = await palisade("check", "main.tf", "--from", "var.admin_cidr", "--to", "report", "--port", "5432");
    expect(open.code).toBe(1);
    expect(open.stdout).toMatch(
      /Depends on var\.admin_cidr: .*whether another rule's range covers it is known only once it has a value/,
    );
    // The range is named for what it is; its stand-in CIDR is the engine's alone.
    expect(check.stdout).toMatch(/Group bastion allows it: tcp 22 from var\.admin_cidr \(value unknown\)\./);
    expect(`${flows.stdout}${check.stdout}`).not.toMatch(/240\./);
    const json = await palisade(
      "check",
      "main.tf",
      "--from",
      "var.admin_cidr",
      "--to",
      "jump",
      "--port",
      "22",
      "--json",
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ permitted: true, dependsOn: ["var.admin_cidr"] });
  });

  it("a flow that known rules permit depends on nothing, though an unknown touches a group on its path", async () => {
    const flows = await palisade("flows", "main.tf");
    // From the unknown range to app: the placeholder group's rule (443 from anywhere) permits it,
    // whatever the range turns out to be; the range's own rule is bastion's, not on this path.
    expect(flows.stdout).toMatch(/^var\.admin_cidr -> app: tcp 443 \(IPv4 only\) \(depends on var\.app_group_id\)$/m);
    // app also carries the placeholder var.app_group_id: 8080 is its known group's rule alone.
    const known = await palisade("check", "main.tf", "--from", "10.1.2.3", "--to", "app", "--port", "8080", "--json");
    expect(known.code).toBe(0);
    expect(JSON.parse(known.stdout)).not.toHaveProperty("dependsOn");
    // jump's group has the unknown-CIDR rule, but 443 from anywhere is a known rule of it.
    const https = await palisade("check", "main.tf", "--from", "var.admin_cidr", "--to", "jump", "--port", "443");
    expect(https.code).toBe(0);
    expect(https.stdout).not.toMatch(/Depends on/);
  });

  it("given a value, the variable is the real range and nothing depends on it", async () => {
    const flows = await palisade("flows", "main.tf", "--var", "admin_cidr=203.0.113.0/24");
    expect(flows.code).toBe(0);
    expect(flows.stdout).toMatch(/-> jump: tcp 22/);
    expect(flows.stdout).not.toMatch(/jump: tcp 22.*depends on/);
    expect(flows.stdout).not.toMatch(/var\.admin_cidr ->/);
    const check = await palisade(
      "check",
      "main.tf",
      "--var",
      "admin_cidr=203.0.113.0/24",
      "--from",
      "203.0.113.9",
      "--to",
      "jump",
      "--port",
      "22",
    );
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/Depends on/);
  });

  it("the exports name the variable again, never its stand-in range", async () => {
    const cfn = await palisade("export", "main.tf", "--to", "cloudformation");
    expect(cfn.code).toBe(0);
    expect(cfn.stdout).toMatch(
      /VarAdminCidrCidr:\n {4}Type: String\n {4}Description: var\.admin_cidr\n(?! {4}Default)/,
    );
    expect(cfn.stdout).toMatch(/CidrIp: !Ref VarAdminCidrCidr/);
    expect(cfn.stdout).not.toMatch(/240\./);
    // Imported again, the parameter without a value is the same placeholder range, by its name.
    writeFileSync(join(dir, "back.yaml"), cfn.stdout);
    const back = await palisade("flows", "back.yaml");
    expect(back.stdout).toMatch(
      /^var\.admin_cidr -> jump \(JumpInstance\): tcp 22, 443 .*\(depends on var\.admin_cidr\)$/m,
    );
    const tf = await palisade("export", "main.tf", "--to", "terraform", "-o", "out");
    expect(tf.code).toBe(0);
    const written = ["main.tf", "variables.tf"].map((f) => readFileSync(join(dir, "out", f), "utf8")).join("\n");
    expect(written).toMatch(/cidr_ipv4 += var\.admin_cidr/);
    expect(written).toMatch(/variable "admin_cidr" \{\n {2}description = "var\.admin_cidr"\n {2}type += string\n\}/);
    expect(written).not.toMatch(/240\./);
  });
});
