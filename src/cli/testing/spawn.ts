// The real `palisade` command, spawned as a user runs it (bin/palisade.mjs), from the sources:
// a built bundle may be older than the code under test (the pack test runs the bundle).
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";

export const root = resolve(__dirname, "../../..");
export const bin = join(root, "bin/palisade.mjs");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function spawnPalisade(cwd: string, args: readonly string[], command = [bin]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...command, ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1", PALISADE_SOURCES: "1" }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}
