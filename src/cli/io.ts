// Where the CLI writes: stdout for results, stderr for problems. A parameter so that tests can
// run a command in-process and read both.
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;
