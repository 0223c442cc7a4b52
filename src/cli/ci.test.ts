// docs/ci.md's recipe, run as CI runs it: docs/ci/palisade-pr.sh on the examples exported to
// Terraform, the base as it is and a head that opens SSH to the world.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, root, spawnPalisade } from "./testing/spawn";

let dir = "";
const script = join(root, "docs/ci/palisade-pr.sh");

function recipe(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile(
      "bash",
      [script, ...args],
      {
        cwd: dir,
        env: { ...process.env, PALISADE: `${process.execPath} ${bin}`, PALISADE_SOURCES: "1" },
      },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    ),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palisade-ci-"));
  const example = JSON.parse(readFileSync(join(root, "examples/three-tier.palisade.json"), "utf8"));
  writeFileSync(join(dir, "base.palisade.json"), JSON.stringify(example));
  // The change under review: SSH to the app tier from anywhere instead of from the office.
  const ssh = example.groups
    .find((g: { id: string }) => g.id === "sg-app")
    .ingress.find((r: { fromPort?: number }) => r.fromPort === 22);
  ssh.peer.cidr = "0.0.0.0/0";
  writeFileSync(join(dir, "head.palisade.json"), JSON.stringify(example));
  await spawnPalisade(dir, ["export", "base.palisade.json", "--to", "terraform", "-o", "base"]);
  await spawnPalisade(dir, ["export", "head.palisade.json", "--to", "terraform", "-o", "head"]);
  writeFileSync(
    join(dir, "assertions.yaml"),
    "- deny: {from: Internet, to: app-1, port: 22}\n- allow: {from: app-1, to: db, port: 5432}\n",
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs/ci/palisade-pr.sh", () => {
  it("passes an unchanged module: SARIF written, assertions hold, no flow opened", async () => {
    const r = await recipe("base", "base", "assertions.yaml", "base.sarif");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 of 2 assertions hold/);
    expect(r.stdout).toMatch(/No flow opened or closed\./);
    expect(JSON.parse(readFileSync(join(dir, "base.sarif"), "utf8"))).toHaveProperty("version", "2.1.0");
  });

  it("fails a change that opens SSH to the world, and says which flows it opens", async () => {
    const r = await recipe("base", "head", "assertions.yaml", "head.sarif");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/palisade lint: high or critical findings/);
    expect(r.stdout).toMatch(/FAIL {2}deny Internet -> app-1 tcp 22/);
    expect(r.stdout).toMatch(/^\+ Internet \(internet\) -> app-1 \(app_1\): tcp 22/m);
    const sarif = JSON.parse(readFileSync(join(dir, "head.sarif"), "utf8"));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain("ssh-open-to-world");
  });

  it("unreadable input stops it with exit 2", async () => {
    writeFileSync(join(dir, "broken.yaml"), "- deny: {from: Internet\n");
    const r = await recipe("base", "base", "broken.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+/);
  });
});
