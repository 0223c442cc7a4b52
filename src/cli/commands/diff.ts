import { loadPaths } from "../../node/load";
import { type FlowEdge, permittedFlows } from "../../shared/engine";
import type { Design } from "../../shared/model/schema";
import { files, flag, parse, UsageError } from "../args";
import type { Command } from "../command";
import { EXIT } from "../io";
import { nodeLabel, printProblems } from "../report";

export interface FlowChange {
  from: string;
  to: string;
  /** The traffic before (absent: no flow) and after (absent: no flow). */
  before?: string;
  after?: string;
}

/** Flows opened (new or wider) and closed (gone or narrower) from design A to design B, by node id. */
export function diffFlows(a: readonly FlowEdge[], b: readonly FlowEdge[]) {
  const before = new Map(a.map((e) => [e.id, e]));
  const after = new Map(b.map((e) => [e.id, e]));
  const opened: FlowChange[] = [];
  const closed: FlowChange[] = [];
  const changed: FlowChange[] = [];
  const same = (x: FlowEdge, y: FlowEdge) =>
    JSON.stringify([x.services, x.families]) === JSON.stringify([y.services, y.families]);
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) opened.push({ from: e.from, to: e.to, after: e.label });
    else if (!same(old, e)) changed.push({ from: e.from, to: e.to, before: old.label, after: e.label });
  }
  for (const [id, e] of before) if (!after.has(id)) closed.push({ from: e.from, to: e.to, before: e.label });
  return { opened, closed, changed };
}

export const diffCommand: Command = {
  name: "diff",
  summary: "flows opened and closed between two versions of a design",
  usage: `palisade diff A B [--json]

Compares the permitted flows of A and B (each any importable file or folder) and lists the
flows B opens, the flows it closes, and the flows whose traffic changed. Nodes are matched
by id.

Options:
  --json       print { opened, closed, changed } as JSON
  -h, --help   show this help

Exit status: 0 same flows, 1 flows differ, 2 bad input or usage.`,
  async run(argv, io) {
    const args = parse(argv, { json: { type: "boolean" } });
    const paths = files(args, 2);
    if (paths.length !== 2) throw new UsageError(`expected two FILEs (A and B), got ${paths.length}`);
    const [a, b] = await Promise.all(paths.map((p) => loadPaths([p])));
    if (!a || !b) return EXIT.internal;
    printProblems(io, [...a.warnings, ...b.warnings]);
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
