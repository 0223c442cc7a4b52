// The import-boundary check of DESIGN.md, in the spirit of VS Code's layer rule: code may import
// inward only. Fails (exit 1) listing every import that crosses the wrong way, every import of
// the core that the renderer is not allowed, and every import circle.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { findCycles, importGraph, importsOf, resolveImport, sourceFiles } from "./import-graph.mjs";

// The project's root; a test passes another (a small tree of its own) as the first argument.
const root = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), ".."));
const src = join(root, "src");

/** layer -> test for an import specifier (resolved path or bare package) it must not use */
const forbidden = {
  shared: [
    /^(electron|react|react-dom|@xyflow\/.*|elkjs.*|@cdktf\/.*)$/,
    /^node:/,
    /^(fs|path|os|child_process|crypto|worker_threads|url)$/,
    /src\/(main|renderer|preload|cli|server)\//,
  ],
  renderer: [/^electron$/, /^node:/, /^(fs|path|os|child_process)$/, /src\/(main|preload|cli|server)\//],
  // Electron's IPC wiring serves the channel table; the HTTP transport is the browser mode's.
  main: [/src\/(renderer|cli)\//, /src\/server\/http\//],
  preload: [/src\/(renderer|main|cli|server)\//],
  cli: [/src\/(renderer|main|preload)\//, /src\/server\/http\//, /^electron$/],
  server: [/src\/(renderer|main|preload|cli)\//, /^electron$/],
};

/** The server layer has no transport: only its http/ folder may import the HTTP transport. */
function transportProblem(file, target) {
  const inServer = relative(join(src, "server"), file);
  if (inServer.startsWith("..") || inServer.startsWith("http/")) return undefined;
  return /src\/server\/http\//.test(target)
    ? "the server's channels and handlers must not import its HTTP transport"
    : undefined;
}

/**
 * The layers inside src/shared, innermost first: a file may import its own layer and those with
 * a lower rank. The engine never imports an IaC adapter; readers of files (iac, assertions), the
 * exercises and the diagram sit on the engine side by side and do not import each other; api.ts, the
 * contract, may name anything.
 */
const SHARED_LAYERS = {
  net: 0,
  model: 1,
  engine: 2,
  iac: 3,
  assertions: 3,
  exercises: 3,
  diagram: 3,
  "commands.ts": 1,
  "api.ts": 4,
};

/**
 * What the renderer may take from the core. The model, net and the API contract whole; of the
 * engine and the readers only pure helpers, each by name, so that evaluation (flows, findings, questions) goes
 * through the API to the engine worker and never runs on the UI thread by accident. Types may be
 * imported from anywhere in the core: they are the shapes of the API's replies.
 */
const RENDERER_MAY_USE = {
  "src/shared/api.ts": "*",
  // The command vocabulary: ids, labels and keys, shared with the native menu.
  "src/shared/commands.ts": "*",
  "src/shared/model/": "*",
  "src/shared/net/": "*",
  // Explanation text: a rule or a service in words, as the engine's answers word them.
  "src/shared/engine/describe.ts": ["describeRule", "describeService", "describeFlowService"],
  // Limits: beyond these the canvas draws classes or groups instead of every flow.
  "src/shared/engine/live.ts": ["MAX_NODE_FLOWS", "MAX_GROUP_FLOWS"],
  // The order flows are listed in, so that a delta lands where a full answer would.
  "src/shared/engine/flows.ts": ["flowOrder"],
  // A typed name or address in the question panel, to the node it names.
  "src/shared/engine/resolve.ts": ["resolveEndpoint"],
  // A proposed fix, applied to the design as one edit.
  "src/shared/engine/synthesize/changes.ts": ["applyChanges"],
  // Whether a file is a design (opened as is) or something to import (read at the host), and
  // which files of a folder chosen in the browser are its Terraform module.
  "src/shared/iac/detect.ts": ["isDesignFile", "isTerraformFileName"],
  // The picture drawn from flows the renderer already holds: tiers, layout, routes around the
  // boxes, labels, outbound markers. The same code draws it headless (palisade draw).
  "src/shared/diagram/": "*",
};

/**
 * Circles known when the check learnt to find them, each with the work that removes it. A circle
 * through one of these files is reported but does not fail; a listed file that is no longer in a
 * circle fails, so that the list only shrinks.
 */
const KNOWN_CIRCLES = {};

const isTest = (file) => /\.test\.tsx?$/.test(file);

function sharedLayerOf(path) {
  const inside = relative(join(src, "shared"), path);
  if (inside.startsWith("..")) return undefined;
  // A top-level file's test is in its file's layer (commands.test.ts in commands.ts's).
  return inside.split("/")[0].replace(/\.test(\.tsx?)$/, "$1");
}

function sharedProblem(file, target) {
  const from = sharedLayerOf(file);
  const to = sharedLayerOf(target);
  if (to === undefined || from === to) return undefined;
  // A test may use any layer's test fixtures (random designs, the reference evaluator).
  if (isTest(file) && /\/testing\//.test(target)) return undefined;
  const rankFrom = SHARED_LAYERS[from];
  const rankTo = SHARED_LAYERS[to];
  if (rankFrom === undefined) return `src/shared/${from} is in no layer: add it to SHARED_LAYERS`;
  if (rankTo === undefined) return `src/shared/${to} is in no layer: add it to SHARED_LAYERS`;
  if (rankTo < rankFrom) return undefined;
  return `shared/${from} must not import shared/${to} (inside shared: net <- model <- engine <- iac, assertions, exercises, diagram)`;
}

function rendererProblem(values, target) {
  const path = relative(root, target);
  if (!path.startsWith("src/shared/")) return undefined;
  const entry = Object.entries(RENDERER_MAY_USE).find(([key]) =>
    key.endsWith("/") ? path.startsWith(key) : path === key,
  );
  const allowed = entry?.[1];
  if (allowed === "*") return undefined;
  const refused = values.filter((v) => !allowed?.includes(v));
  if (refused.length === 0) return undefined;
  return `the renderer must not take ${refused.join(", ")} from ${path}: evaluation and reading files go through the API (src/shared/api.ts); a pure helper is named in RENDERER_MAY_USE`;
}

const problems = [];
const files = [...sourceFiles(src)];
for (const file of files) {
  const at = relative(root, file);
  const layer = relative(src, file).split("/")[0];
  const rules = forbidden[layer];
  for (const { spec, typeOnly, values } of importsOf(readFileSync(file, "utf8"))) {
    const resolved = resolveImport(file, spec);
    const target = spec.startsWith(".") ? `${relative(root, resolve(dirname(file), spec))}/` : spec;
    // Tests of the shared core may use Node to read fixtures from disk.
    const nodeInTest = isTest(file) && layer === "shared" && (/^node:/.test(spec) || /^(fs|path)$/.test(spec));
    // Tests of the renderer may serve its requests with the real handlers in-process (not over a
    // transport): the server layer, as the browser-mode host serves it, rather than a mock.
    const serverInTest = isTest(file) && layer === "renderer" && /src\/server\/(?!http\/)/.test(target);
    if (rules && !nodeInTest && !serverInTest && rules.some((r) => r.test(target)))
      problems.push(`${at}: ${layer} must not import "${spec}"`);
    const transport = transportProblem(file, target);
    if (transport) problems.push(`${at}: ${transport} ("${spec}")`);
    if (!resolved) continue;
    if (layer === "shared") {
      const problem = sharedProblem(file, resolved);
      if (problem) problems.push(`${at}: ${problem} ("${spec}")`);
    }
    if (layer === "renderer" && !typeOnly && !isTest(file)) {
      const problem = rendererProblem(values, resolved);
      if (problem) problems.push(`${at}: ${problem}`);
    }
  }
}

const known = new Set();
for (const { members, path } of findCycles(importGraph(files))) {
  const rel = members.map((m) => relative(root, m));
  const circle = path.map((m) => relative(root, m)).join(" -> ");
  const knownAs = rel.find((m) => m in KNOWN_CIRCLES);
  const more = rel.length > path.length - 1 ? ` (${rel.length} files in the knot: ${rel.join(", ")})` : "";
  if (knownAs) {
    known.add(knownAs);
    console.log(`import circle, known (${KNOWN_CIRCLES[knownAs]}): ${circle}${more}`);
  } else problems.push(`import circle: ${circle}${more}`);
}
for (const file of Object.keys(KNOWN_CIRCLES))
  if (!known.has(file) && process.argv[2] === undefined)
    problems.push(`${file} is in no import circle any more: remove it from KNOWN_CIRCLES`);

if (problems.length) {
  console.error(`Import boundaries crossed (see docs/architecture.md):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("import boundaries: ok");
