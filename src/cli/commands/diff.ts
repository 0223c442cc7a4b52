import { loadPaths } from "../../server/load";
import { permittedFlows } from "../../shared/engine";
import { diffFlows, type FlowChange } from "../../shared/engine/reachability";
import type { Design } from "../../shared/model/schema";
import { files, flag, parse, READING_OPTIONS, READING_USAGE, readingValues, UsageError } from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { nodeLabel, printLoadProblems } from "../report";

export const diffCommand: Command = {
  name: "diff",
  summary: "flows opened and closed between two versions of a design",
  usage: `palisade diff A B [--json]

Compares the permitted flows of A and B (each any importable file or folder) and lists the
flows B opens, the flows it closes, and the flows whose traffic changed. Nodes are matched
by id.

Options:
  --json       print { opened, closed, changed } as JSON
${READING_USAGE}
  -h, --help   show this help

Exit status: 0 same flows, 1 flows differ, 2 bad input or usage.`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      json: { type: "boolean" },
    });
    const paths = files(args, 2);
    if (paths.length !== 2) throw new UsageError(`expected two FILEs (A and B), got ${paths.length}`);
    const [a, b] = await Promise.all(paths.map((p) => loadPaths([p], readingValues(args))));
    if (!a || !b) return EXIT.internal;
    printLoadProblems(io, { warnings: [...a.warnings, ...b.warnings], inputs: [...a.inputs, ...b.inputs] });
    const result = diffFlows(permittedFlows(a.design), permittedFlows(b.design));
    const differs = result.opened.length + result.closed.length + result.changed.length > 0;
    if (flag(args, "json")) {
      io.out(JSON.stringify(result, null, 2));
      return differs ? EXIT.failed : EXIT.ok;
    }
    const label = (c: FlowChange) =>
      `${nodeLabel(pick(a.design, b.design, c.from), c.from)} -> ${nodeLabel(pick(a.design, b.design, c.to), c.to)}`;
    for (const c of result.opened) io.out(`+ ${label(c)}: ${c.after}`);
    for (const c of result.closed) io.out(`- ${label(c)}: ${c.before}`);
    for (const c of result.changed) io.out(`~ ${label(c)}: ${c.before} => ${c.after}`);
    if (!differs) io.out("No flow opened or closed.");
    return differs ? EXIT.failed : EXIT.ok;
  },
};

function pick(a: Design, b: Design, id: string): Design {
  return [...b.resources, ...b.externals].some((n) => n.id === id) ? b : a;
}
