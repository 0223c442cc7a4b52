// `npm run bench`: speed of the engine on a region-sized design, as ratios measured in one run.
// These machines are shared and noisy: read the ratios, not the milliseconds.
import { performance } from "node:perf_hooks";
import { classFlows, evaluateFlow, flowRelation, indexDesign } from "../src/shared/engine";
import { serializeDesign, validateDesign } from "../src/shared/model";
import { generateRegion, REGION } from "./generate";

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] as number;
}
function time<T>(f: () => T, runs: number): { ms: number; value: T } {
  let value: T | undefined;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = f();
    times.push(performance.now() - start);
    sample();
  }
  return { ms: median(times), value: value as T };
}

const design = generateRegion(REGION);
const text = serializeDesign(design);
console.log(
  `Design: ${design.resources.length} instances, ${design.groups.length} groups, ${design.groups.reduce((n, g) => n + g.ingress.length + g.egress.length, 0)} rules, ${(text.length / 1e6).toFixed(1)} MB of JSON`,
);

const parse = time(() => JSON.parse(text), 5);
const validate = time(() => validateDesign(JSON.parse(text)), 3);
const relation = time(() => flowRelation(design), 5);
console.log(`JSON.parse of the design file: ${parse.ms.toFixed(1)} ms (the unit of the ratios below)`);
console.log(
  `Whole flow relation (factored by class and selector): ${(relation.ms / parse.ms).toFixed(2)} x JSON.parse (target <= 2); ${relation.value.classes.length} classes of nodes that no rule tells apart`,
);
// Listing every class pair is output-bound: report it apart, so that the size of the answer is clear.
const enumerate = time(() => {
  let flows = 0;
  let pairs = 0;
  for (const f of classFlows(relation.value)) {
    flows++;
    pairs +=
      (relation.value.classes[f.from]?.members.length ?? 0) * (relation.value.classes[f.to]?.members.length ?? 0);
  }
  return { flows, pairs };
}, 1);
console.log(
  `Listing every class flow on demand: ${(enumerate.ms / parse.ms).toFixed(1)} x JSON.parse for ${enumerate.value.flows.toLocaleString("en")} class flows standing for ${enumerate.value.pairs.toLocaleString("en")} node pairs`,
);
console.log(`Load and validate (JSON.parse + zod): ${(validate.ms / parse.ms).toFixed(2)} x JSON.parse`);

const index = indexDesign(design);
const ids = [...design.resources.map((r) => r.id), "internet", "office"];
const ports = [22, 80, 443, 3306, 5432, 8080, 9000];
let seed = 7;
const next = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};
const latencies: number[] = [];
let permitted = 0;
// The first few hundred queries warm the JIT; they are not counted.
for (let i = -500; i < 2000; i++) {
  const from = ids[next() % ids.length] as string;
  let to = ids[next() % design.resources.length] as string;
  if (to === from) to = ids[(next() % design.resources.length) + 0] as string;
  if (to === from) continue;
  const start = performance.now();
  const v = evaluateFlow(design, { from, to, protocol: "tcp", port: ports[next() % ports.length] as number }, index);
  if (i < 0) continue;
  latencies.push(performance.now() - start);
  if (v.permitted) permitted++;
}
sample();
console.log(
  `evaluateFlow, ${latencies.length} queries on a prebuilt index: median ${median(latencies).toFixed(3)} ms, p99 ${percentile(latencies, 0.99).toFixed(3)} ms (target < 1 ms); ${permitted} permitted`,
);
clearInterval(sampler);
console.log(`Peak memory (RSS) of this process: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);

const iac = await import("./iac").catch(() => undefined);
if (iac && "benchIac" in iac)
  await (iac as { benchIac: (d: typeof design, unit: number) => Promise<void> | void }).benchIac(design, parse.ms);
