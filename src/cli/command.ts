import type { Io } from "./io";

/** One `palisade` subcommand: its usage text and what it does. Returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}
