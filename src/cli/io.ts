// Where the CLI writes: stdout for results, stderr for problems. A parameter so that tests can
// run a command in-process and read both.
import { once } from "node:events";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Resolves once what was written has left (a pipe's reader keeps up); streams wait on it. */
  drain?(): Promise<void>;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  drain: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, "drain");
  },
};

/**
 * A reader that stops early (`palisade flows | head`) closes the pipe: that ends the command
 * quietly, as it does for any Unix tool, rather than with an EPIPE error.
 */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;
