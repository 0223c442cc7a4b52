// The `palisade` command: the same core as the app, headless. Errors are for people: problems
// as `file:line:column: message` on stderr, never a stack trace.
import { InputError } from "../shared/model";
import { UsageError } from "./args";
import type { Command } from "./command";
import { assertCommand } from "./commands/assert";
import { checkCommand } from "./commands/check";
import { diffCommand } from "./commands/diff";
import { drawCommand } from "./commands/draw";
import { exportCommand } from "./commands/export";
import { flowsCommand } from "./commands/flows";
import { importCommand } from "./commands/import";
import { lintCommand } from "./commands/lint";
import { EXIT, type Io, processIo } from "./io";
import { printProblems } from "./report";
import { VERSION } from "./version";

export const COMMANDS: Command[] = [
  importCommand,
  exportCommand,
  flowsCommand,
  checkCommand,
  lintCommand,
  assertCommand,
  diffCommand,
  drawCommand,
];

export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `palisade ${VERSION}: AWS security groups, headless

Usage: palisade COMMAND [options] FILE...

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

FILE may be a design (.palisade.json), Terraform (.tf files or a folder), a CloudFormation
template (YAML or JSON) or AWS CLI JSON; several are read into one design.

Run "palisade COMMAND --help" for a command's options.`;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.usage : overview());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`palisade: unknown command "${name}"; expected one of ${COMMANDS.map((c) => c.name).join(", ")}`);
    io.err('Run "palisade --help" for usage.');
    return EXIT.badInput;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      printProblems(io, e.problems);
      return EXIT.badInput;
    }
    if (e instanceof UsageError) {
      io.err(`palisade ${command.name}: ${e.message}`);
      io.err(`Run "palisade ${command.name} --help" for usage.`);
      return EXIT.badInput;
    }
    // A fault of ours, not of the input: say so plainly; the stack only on request.
    io.err(`palisade ${command.name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.PALISADE_DEBUG) io.err(e instanceof Error ? (e.stack ?? "") : "");
    else io.err("Set PALISADE_DEBUG=1 to see where it happened, and please report it.");
    return EXIT.internal;
  }
}
