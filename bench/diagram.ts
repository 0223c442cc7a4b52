// `npm run bench` (diagram part): the picture's quality and speed on both examples, every input
// of ../shared/corpus (where present; read in place) and generated designs of 50, 200 and 1,000
// nodes: lines through boxes they do not connect (target 0), overlapping labels (target 0),
// crossings (reported), and the time to lay out, route and label (targets: < 200 ms at 200 nodes,
// < 1.5 s at 1,000). Then what one change costs at 1,000 nodes: a node moved, a flow added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { corpusCases, loadCorpus } from "../src/cli/testing/corpus";
import {
  type Box,
  type Diagram,
  Drawing,
  type DrawingStats,
  diagramMetrics,
  diagramOf,
  portsOf,
} from "../src/shared/diagram";
import { generateServices } from "../src/shared/diagram/testing/services";
import { permittedFlows } from "../src/shared/engine";
import { type Design, validateDesign } from "../src/shared/model";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function timed(
  design: Design,
  options: Parameters<typeof diagramOf>[1],
  runs: number,
): { ms: number; diagram: Diagram } {
  let diagram: Diagram | undefined;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    diagram = diagramOf(design, options);
    times.push(performance.now() - t);
  }
  return { ms: median(times), diagram: diagram as Diagram };
}

const rows: string[][] = [];
function report(name: string, design: Design, level: "node" | "group" = "node", runs = 3, relayout?: boolean) {
  const flows = level === "node" ? permittedFlows(design) : undefined;
  const { ms, diagram } = timed(
    design,
    { level, ...(flows ? { flows } : {}), ...(relayout ? { relayout } : {}) },
    runs,
  );
  const m = diagramMetrics(diagram);
  rows.push([
    name,
    level,
    String(m.nodes),
    String(m.edges),
    String(m.edgesThroughBoxes),
    String(m.overlappingLabels),
    String(m.crossings),
    ms.toFixed(1),
  ]);
  return { ms, m, diagram };
}

const example = (file: string) =>
  validateDesign(JSON.parse(readFileSync(join(import.meta.dirname, "../examples", file), "utf8")));
for (const file of ["three-tier.palisade.json", "http-server.palisade.json"]) {
  report(file, example(file), "node", 5);
  report(`${file} (laid out)`, example(file), "node", 5, true);
  // The app's group view draws this too (group-level.ts), as `draw --level group` does.
  report(file, example(file), "group", 5);
}
// The corpus as its harness reads it (src/cli/testing/corpus.ts): each input with the values
// (vars, params) its expectations give, a module's examples/ folders each an input of its own.
let refused = 0;
for (const { file, sources, expectation } of corpusCases()) {
  const loaded = await loadCorpus(sources, expectation);
  if ("refused" in loaded) {
    refused++;
    continue;
  }
  const name = file.replace(/\.yaml$/, "");
  report(name, loaded.design, "node", 1);
  report(name, loaded.design, "group", 1);
}
const generated: Record<number, number> = {};
for (const n of [50, 200, 1000])
  generated[n] = report(`generated ${n} nodes`, generateServices(n), "node", n === 1000 ? 3 : 5).ms;

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
console.log(
  "Diagram: lines through boxes they do not connect, overlapping labels, crossings, time to lay out + route + label",
);
console.log(
  ["input", "level", "nodes", "edges", "through", "labels", "crossings", "ms"]
    .map((h, i) => h.padEnd(widths[i] ?? 0))
    .join("  "),
);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
if (refused > 0) console.log(`(${refused} corpus inputs the readers refuse are not drawn)`);
const through = rows.reduce((s, r) => s + Number(r[4]), 0);
const overlapping = rows.reduce((s, r) => s + Number(r[5]), 0);
console.log(`All drawn: ${through} lines through boxes (target 0), ${overlapping} overlapping labels (target 0)`);
console.log(
  `Layout time: ${generated[200]?.toFixed(0)} ms at 200 nodes (target < 200 ms: ${(generated[200] ?? Infinity) < 200 ? "met" : "not met"}), ${generated[1000]?.toFixed(0)} ms at 1,000 (target < 1,500 ms: ${(generated[1000] ?? Infinity) < 1500 ? "met" : "not met"})`,
);

// What one change costs at 1,000 nodes, on a picture already drawn: the Drawing the canvas keeps.
const design = generateServices(1000);
const flows = permittedFlows(design);
const base = diagramOf(design, { flows, relayout: true });
const boxes = new Map<string, Box>(base.nodes.map((n) => [n.id, n.box]));
const edges = base.edges.map((e) => ({ id: e.id, from: e.from, to: e.to }));
const drawing = new Drawing();
let t = performance.now();
drawing.update(boxes, edges);
const whole = { ms: performance.now() - t, ...drawing.stats };
const moved = new Map(boxes);
const app = boxes.get("app-5-1") as Box;
moved.set("app-5-1", { ...app, y: app.y + 30 });
t = performance.now();
drawing.update(moved, edges);
const move = { ms: performance.now() - t, ...drawing.stats };
const own = edges.filter((e) => e.from === "app-5-1" || e.to === "app-5-1").length;
t = performance.now();
drawing.update(moved, [...edges, { id: "app-7-0->db-3", from: "app-7-0", to: "db-3" }]);
const add = { ms: performance.now() - t, ...drawing.stats };
const f = (x: number) => x.toFixed(1);
console.log(
  `At 1,000 nodes (${edges.length} lines): routing all ${f(whole.ms)} ms (ports ${f(whole.portsMs)}, routes ${f(whole.routeMs)}); a node moved ${f(move.ms)} ms, ${move.routed} lines routed (${own} are its own; the rest moved ports on its neighbours' sides or lay under it: ports ${f(move.portsMs)}, routes ${f(move.routeMs)}); a flow added ${f(add.ms)} ms, ${add.routed} routed (ports ${f(add.portsMs)}, routes ${f(add.routeMs)})`,
);

// Where routing's time goes, per size, on a whole picture: choosing ports (sides and places on
// them), routing the lines, placing the labels; and the port choice alone (portsOf), which runs
// again around each change.
const parts: string[] = [];
for (const n of [50, 200, 1000]) {
  const d = generateServices(n);
  const laid = diagramOf(d, { flows: permittedFlows(d), relayout: true });
  const b = new Map<string, Box>(laid.nodes.map((x) => [x.id, x.box]));
  const es = laid.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, label: e.label }));
  const runs: DrawingStats[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = new Drawing();
    fresh.update(b, es);
    runs.push(fresh.stats);
  }
  const ports: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    portsOf(b, es);
    ports.push(performance.now() - t0);
  }
  const s = (k: keyof DrawingStats) => median(runs.map((r) => r[k]));
  const all = s("portsMs") + s("routeMs") + s("labelMs");
  const pct = (x: number) => `${((100 * x) / all).toFixed(0)}%`;
  parts.push(
    `${n} nodes, ${es.length} lines: ports ${f(s("portsMs"))} ms (${pct(s("portsMs"))}; portsOf alone ${f(median(ports))} ms), routes ${f(s("routeMs"))} ms (${pct(s("routeMs"))}), labels ${f(s("labelMs"))} ms (${pct(s("labelMs"))})`,
  );
}
console.log(`Where drawing a whole picture goes (median of 3, same run):\n  ${parts.join("\n  ")}`);
