// `npm run web`'s host (src/server/http/serve.ts under tsx) as a child process of its own, so that a
// bench can measure its memory and a test can kill it as a crash would. One place for the e2e
// tests and the UI bench.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const serve = fileURLToPath(new URL("./serve.ts", import.meta.url));

export interface HostProcess {
  /** Where the host serves the app, as it printed it. */
  url: string;
  child: ChildProcess;
  /** Sends the signal (SIGTERM: a clean stop; SIGKILL: a crash) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the host with `env` over this process's environment (PALISADE_PORT defaults to "0", a
 * free port) and resolves once it prints its URL. A host that exits first rejects with what it
 * printed, so a failed start says why.
 */
export function startHostProcess(env: Record<string, string | undefined> = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", serve], {
    cwd: root,
    env: { ...process.env, PALISADE_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill(signal);
    });
  return new Promise<HostProcess>((done, fail) => {
    let out = "";
    let started = false;
    // Both pipes are read to the end: a full pipe would block the host's next write.
    child.stdout?.on("data", (chunk: Buffer) => {
      if (started) return;
      out += chunk.toString();
      const found = /running at (http:\/\/\S+)/.exec(out);
      if (found?.[1]) {
        started = true;
        done({ url: found[1], child, stop });
      }
    });
    // Before the start, kept for the message of a failed start; after it, shown as it comes.
    child.stderr?.on("data", (chunk: Buffer) => {
      if (started) process.stderr.write(chunk);
      else out += chunk.toString();
    });
    child.once("error", (e) => fail(new Error(`the host could not be started: ${e.message}`)));
    child.once("exit", (code, signal) => {
      if (!started) fail(new Error(`the host stopped (${code ?? signal}) before serving: ${out.trim()}`));
    });
  });
}
