// bin/palisade.mjs runs the built bundle where there is one, and the sources otherwise, saying so
// once. Tried in a copy of the checkout's layout: bin/, src/ and node_modules/ linked, out/ or not.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./testing/spawn";

let dir = "";

function bin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.PALISADE_SOURCES;
  return new Promise((done) =>
    execFile(process.execPath, [join(dir, "bin/palisade.mjs"), ...args], { env }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    ),
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "palisade-bin-"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(root, "bin/palisade.mjs"), join(dir, "bin/palisade.mjs"));
  copyFileSync(join(root, "package.json"), join(dir, "package.json"));
  symlinkSync(join(root, "src"), join(dir, "src"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bin/palisade.mjs", () => {
  it("in a checkout that was not built, runs the sources and says so once on stderr", async () => {
    const r = await bin(
      "check",
      join(root, "examples/three-tier.palisade.json"),
      "--from",
      "app-1",
      "--to",
      "db",
      "--port",
      "5432",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Permitted/);
    expect(r.stderr.match(/not built/g)).toHaveLength(1);
  });

  it("runs the built bundle when there is one, and says nothing of the sources", async () => {
    mkdirSync(join(dir, "out/cli"), { recursive: true });
    writeFileSync(join(dir, "out/cli/palisade.mjs"), 'console.log("the bundle", process.argv.slice(2).join(" "));\n');
    const r = await bin("--version");
    expect(r).toEqual({ code: 0, stdout: "the bundle --version\n", stderr: "" });
  });
});
