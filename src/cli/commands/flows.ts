import { loadPaths } from "../../node/load";
import { permittedFlows } from "../../shared/engine";
import { files, flag, parse, READING_OPTIONS, READING_USAGE, readingValues } from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { nodeLabel, printProblems } from "../report";

export const flowsCommand: Command = {
  name: "flows",
  summary: "list every permitted flow",
  usage: `palisade flows FILE... [--json]

Lists every permitted flow between the nodes of the design, one line per source and target,
with the traffic that passes both the source's outbound and the target's inbound rules.

Options:
  --json       print the flows as JSON (id, from, to, services, families, label, exposure)
${READING_USAGE}
  -h, --help   show this help`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      json: { type: "boolean" },
    });
    const { design, warnings } = await loadPaths(files(args), readingValues(args));
    printProblems(io, warnings);
    const edges = permittedFlows(design);
    if (flag(args, "json")) {
      io.out(JSON.stringify(edges, null, 2));
      return EXIT.ok;
    }
    if (edges.length === 0) io.out("No permitted flows.");
    for (const e of edges)
      io.out(
        `${nodeLabel(design, e.from)} -> ${nodeLabel(design, e.to)}: ${e.label}${e.families.length === 1 ? ` (IPv${e.families[0]} only)` : ""}`,
      );
    return EXIT.ok;
  },
};
