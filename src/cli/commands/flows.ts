import { loadPaths } from "../../server/load";
import {
  aggregateGroupFlows,
  edgeMaker,
  flowOrder,
  flowRelation,
  nodesNamed,
  resolveEndpoint,
  type SelectedClassFlow,
  type Selection,
  selectedClassFlows,
  selectedNodeFlows,
} from "../../shared/engine";
import { flowsDependOn } from "../../shared/engine/depends-on";
import { bothFamilies, type FlowRelation } from "../../shared/engine/flows";
import { label } from "../../shared/engine/services";
import type { Design } from "../../shared/model/schema";
import { files, flag, oneOf, parse, READING_OPTIONS, READING_USAGE, readingValues, text, UsageError } from "../args";
import type { Command } from "../command";
import { EXIT, type Io } from "../io";
import { Lines } from "../lines";
import { nodeLabel, printLoadProblems } from "../report";

/** Below this many rows, node flows are sorted into design order; past it, they stream as expanded. */
const SORTED_ROWS = 50_000;

export const flowsCommand: Command = {
  name: "flows",
  summary: "list every permitted flow, between nodes, classes of nodes or security groups",
  usage: `palisade flows FILE... [--level node|group|class] [--from X] [--to Y] [--json | --json-array]

Lists every permitted flow, with the traffic that passes both the source's outbound and the
target's inbound rules. Rows are written as they are worked out, so a region's millions of node
pairs stream in bounded memory; up to ${SORTED_ROWS.toLocaleString("en")} rows come sorted by source and target in design order,
past that in the engine's order.

Options:
  --level L      node (default): one row per source and target node;
                 group: one row per pair of security groups (a groupless resource or an outside
                 party stands for itself), with how many node pairs it stands for;
                 class: one row per pair of classes (nodes that no rule tells apart: the same
                 groups, addresses inside the same rule CIDRs), with member counts
  --from X       only flows from X: a node's id or name, or an address (as check takes them);
                 at group level also a security group's id or name
  --to Y         only flows to Y, the same way
  --json         JSON Lines: one flow per line, so that a reader can stream too
  --json-array   one JSON document (an array), for small designs
${READING_USAGE}
  -h, --help     show this help`,
  async run(argv, io) {
    const args = parse(argv, {
      ...READING_OPTIONS,
      level: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean" },
      "json-array": { type: "boolean" },
    });
    const level = oneOf(args, "level", ["node", "group", "class"] as const) ?? "node";
    if (flag(args, "json") && flag(args, "json-array"))
      throw new UsageError("--json and --json-array exclude each other");
    const format = flag(args, "json") ? "lines" : flag(args, "json-array") ? "array" : "text";
    const loaded = await loadPaths(files(args), readingValues(args));
    const { design } = loaded;
    printLoadProblems(io, loaded);
    const relation = flowRelation(design);
    const selection: Selection = {
      from: selectionOf(relation, text(args, "from"), "from", level),
      to: selectionOf(relation, text(args, "to"), "to", level),
    };
    const flows = selectedClassFlows(relation, selection);
    const out = new Rows(io, format);
    if (level === "node") await nodeRows(design, relation, flows, out);
    else if (level === "class") await classRows(design, flows, out);
    else await groupRows(design, relation, flows, out);
    await out.end();
    return EXIT.ok;
  },
};

/** The nodes a --from or --to names; at group level a group's id or name names its members. */
function selectionOf(
  relation: FlowRelation,
  wanted: string | undefined,
  role: "from" | "to",
  level: string,
): Set<string> | undefined {
  if (wanted === undefined) return undefined;
  const { design } = relation.index;
  if (level === "group") {
    const lower = wanted.trim().toLowerCase();
    const groups = design.groups.filter((g) => g.id === wanted.trim() || g.name.toLowerCase() === lower);
    if (groups.length === 1) {
      const id = (groups[0] as { id: string }).id;
      return new Set(design.resources.filter((r) => r.groupIds.includes(id)).map((r) => r.id));
    }
  }
  return nodesNamed(relation.index, resolveEndpoint(design, wanted, role));
}

const count = (n: number, noun: string) => `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;

/** Rows as text, JSON Lines or one JSON array; "No permitted flows." when there are none (text). */
class Rows {
  private readonly lines: Lines;
  private count = 0;

  constructor(
    io: Io,
    private readonly format: "text" | "lines" | "array",
  ) {
    this.lines = new Lines(io);
  }

  write(textRow: () => string, value: () => unknown): Promise<void> | undefined {
    const first = this.count++ === 0;
    if (this.format === "text") return this.lines.write(textRow());
    const json = JSON.stringify(value());
    if (this.format === "lines") return this.lines.write(json);
    return this.lines.write(`${first ? "[" : ","}\n  ${json}`);
  }

  async end(): Promise<void> {
    if (this.format === "array") await this.lines.write(this.count === 0 ? "[]" : "\n]");
    else if (this.format === "text" && this.count === 0) await this.lines.write("No permitted flows.");
    await this.lines.flush();
  }
}

async function nodeRows(design: Design, relation: FlowRelation, flows: Iterable<SelectedClassFlow>, out: Rows) {
  const make = edgeMaker(relation.index);
  // A flow that an unknown's rules permit (var.x, data.…, a range without a value): said on its row.
  const depends = flowsDependOn(design);
  const write = (flow: ReturnType<typeof make>) => {
    const dependsOn = depends.get(flow.id) ?? [];
    return out.write(
      () =>
        `${nodeLabel(design, flow.from)} -> ${nodeLabel(design, flow.to)}: ${flow.label}${flow.families.length === 1 ? ` (IPv${flow.families[0]} only)` : ""}${dependsOn.length ? ` (depends on ${dependsOn.join(", ")})` : ""}`,
      () => (dependsOn.length ? { ...flow, dependsOn } : flow),
    );
  };
  // A small answer is sorted into design order, as people read it; past SORTED_ROWS rows the
  // held ones go out as they are and the rest follow as expanded, so memory stays bounded.
  let held: ReturnType<typeof make>[] | undefined = [];
  for (const pair of selectedNodeFlows(flows)) {
    const edge = make(pair);
    if (held) {
      held.push(edge);
      if (held.length <= SORTED_ROWS) continue;
      for (const e of held) await write(e);
      held = undefined;
      continue;
    }
    const waiting = write(edge);
    if (waiting) await waiting;
  }
  if (held) for (const e of held.sort(flowOrder(relation.index.nodes.keys()))) await write(e);
}

async function classRows(design: Design, flows: Iterable<SelectedClassFlow>, out: Rows) {
  const end = (members: readonly string[]) =>
    `${nodeLabel(design, members[0] as string)}${members.length > 1 ? ` and ${members.length - 1} like it` : ""}`;
  for (const flow of flows) {
    const services = label(bothFamilies({ v4: flow.services[4], v6: flow.services[6] }));
    const waiting = out.write(
      () => `${end(flow.fromMembers)} -> ${end(flow.toMembers)}: ${services} (${count(flow.pairs, "node pair")})`,
      () => ({
        from: { class: flow.from, members: flow.fromMembers.length, first: flow.fromMembers[0] },
        to: { class: flow.to, members: flow.toMembers.length, first: flow.toMembers[0] },
        label: services,
        pairs: flow.pairs,
      }),
    );
    if (waiting) await waiting;
  }
}

async function groupRows(design: Design, relation: FlowRelation, flows: Iterable<SelectedClassFlow>, out: Rows) {
  const members = new Map<string, number>();
  for (const r of design.resources) for (const g of r.groupIds) members.set(g, (members.get(g) ?? 0) + 1);
  const groupName = new Map(design.groups.map((g) => [g.id, g.name && g.name !== g.id ? `${g.id} (${g.name})` : g.id]));
  const end = (id: string, kind: "group" | "node") =>
    kind === "group" ? `${groupName.get(id) ?? id} [${count(members.get(id) ?? 0, "member")}]` : nodeLabel(design, id);
  // Group flows are as many as pairs of groups, not of nodes: they are gathered, then written.
  for (const flow of aggregateGroupFlows(relation, Number.POSITIVE_INFINITY, flows).flows)
    await out.write(
      () =>
        `${end(flow.from, flow.fromKind)} -> ${end(flow.to, flow.toKind)}: ${flow.label} (${count(flow.pairs, "node pair")})`,
      () => ({
        ...flow,
        fromMembers: flow.fromKind === "group" ? (members.get(flow.from) ?? 0) : 1,
        toMembers: flow.toKind === "group" ? (members.get(flow.to) ?? 0) : 1,
      }),
    );
}
