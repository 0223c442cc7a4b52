// What a team installs: `npm pack`, then `npm install -g` of the tarball into a fresh prefix,
// offline (the package carries its one run-time dependency, so nothing is fetched), and the
// installed `palisade` runs check, flows, lint and export on the examples.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./testing/spawn";

const run = promisify(execFile);
let dir = "";
let installed = "";
let command = "";

/** Bytes under a folder, as `du` counts files (not blocks). */
function sizeOf(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0);
}

async function palisade(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const error = e as { code?: number; stdout: string; stderr: string };
    return { code: error.code ?? -1, stdout: error.stdout, stderr: error.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palisade-pack-"));
  const env = {
    ...process.env,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, env });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string; size: number }[];
  const tarball = join(dir, packed?.filename ?? "");
  const prefix = join(dir, "prefix");
  await run("npm", ["install", "-g", "--offline", "--prefix", prefix, tarball], { cwd: dir, env });
  installed = join(prefix, "lib/node_modules/palisade");
  command = join(prefix, "bin/palisade");
  const dependencies = readdirSync(join(installed, "node_modules"));
  console.log(
    `palisade: packed ${((packed?.size ?? 0) / 1e6).toFixed(1)} MB, installed ${(sizeOf(installed) / 1e6).toFixed(1)} MB (${dependencies.join(", ")})`,
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the packed CLI, installed into a fresh prefix", () => {
  it("holds the bundle and its one run-time dependency, not the app's", () => {
    const dependencies = readdirSync(join(installed, "node_modules"));
    expect(dependencies).toContain("@cdktf");
    for (const app of ["react", "electron", "@xyflow", "tsx", "vite", "zod"]) expect(dependencies).not.toContain(app);
    expect(statSync(join(installed, "out/cli/palisade.mjs")).isFile()).toBe(true);
    expect(sizeOf(installed)).toBeLessThan(10e6);
  });

  it("runs check, flows, lint and export on the examples, from the bundle", async () => {
    const example = join(installed, "examples/three-tier.palisade.json");
    const check = await palisade("check", example, "--from", "app-1", "--to", "db", "--port", "5432");
    expect(check).toMatchObject({ code: 0, stderr: "" });
    expect(check.stdout).toMatch(/^Permitted: app-1 can reach db on tcp 5432/);
    const flows = await palisade("flows", example);
    expect(flows.stdout).toMatch(/app-1 -> db: tcp 5432/);
    const lint = await palisade("lint", example, "--format", "sarif");
    expect(JSON.parse(lint.stdout)).toHaveProperty("version", "2.1.0");
    const exported = await palisade("export", example, "--to", "terraform", "-o", "tf");
    expect(exported).toMatchObject({ code: 0, stderr: "" });
  });

  it("reads the Terraform it exported, so the HCL parser's wasm is found from the bundle", async () => {
    await palisade("export", join(installed, "examples/three-tier.palisade.json"), "--to", "terraform", "-o", "tf2");
    const check = await palisade("check", "tf2", "--from", "internet", "--to", "db", "--port", "5432");
    expect(check.stderr).toBe("");
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^Not permitted: Internet cannot reach db/);
  });
});
