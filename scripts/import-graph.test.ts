import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findCycles, importsOf } from "./import-graph.mjs";

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe("findCycles", () => {
  it("finds no circle in a graph without one", () => {
    expect(findCycles(graph({ a: ["b", "c"], b: ["c"], c: [] }))).toEqual([]);
  });

  it("finds a circle of three and gives the path that closes it", () => {
    expect(findCycles(graph({ handlers: ["pool"], pool: ["worker"], worker: ["handlers"], x: ["pool"] }))).toEqual([
      { members: ["handlers", "pool", "worker"], path: ["handlers", "pool", "worker", "handlers"] },
    ]);
  });

  it("finds each separate circle once, a file importing itself included", () => {
    const cycles = findCycles(graph({ a: ["b"], b: ["a"], c: ["d"], d: ["c", "e"], e: [], s: ["s"] }));
    expect(cycles.map((c) => c.members)).toEqual([["a", "b"], ["c", "d"], ["s"]]);
  });

  it("keeps a knot of two circles together and names all its files", () => {
    const [knot, ...rest] = findCycles(graph({ a: ["b"], b: ["a", "c"], c: ["b"] }));
    expect(rest).toEqual([]);
    expect(knot?.members).toEqual(["a", "b", "c"]);
    expect(knot?.path).toEqual(["a", "b", "a"]);
  });

  it("walks a long chain without overflowing the stack", () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 50_000; i++) edges[`f${i}`] = [`f${i + 1}`];
    edges.f50000 = ["f0"];
    expect(findCycles(graph(edges))[0]?.members).toHaveLength(50_001);
  });
});

describe("importsOf", () => {
  it("reads values, type-only imports, re-exports, bare and dynamic imports", () => {
    const text = [
      'import { a, type B, c as d } from "./x";',
      'import type { Q } from "./q";',
      'import def, { e } from "./z";',
      'import * as ns from "y";',
      'export * from "./w";',
      "import {\n  g,\n  h,\n} from './multi';",
      'import "./side.css";',
      'const m = await import("./dyn");',
    ].join("\n");
    expect(importsOf(text)).toEqual([
      { spec: "./x", typeOnly: false, values: ["a", "c"] },
      { spec: "./q", typeOnly: true, values: [] },
      { spec: "./z", typeOnly: false, values: ["default", "e"] },
      { spec: "y", typeOnly: false, values: ["*"] },
      { spec: "./w", typeOnly: false, values: ["*"] },
      { spec: "./multi", typeOnly: false, values: ["g", "h"] },
      { spec: "./side.css", typeOnly: false, values: ["*"] },
      { spec: "./dyn", typeOnly: false, values: ["*"] },
    ]);
  });
});

describe("check-boundaries.mjs on a small tree", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function check(files: Record<string, string>) {
    root = mkdtempSync(join(tmpdir(), "boundaries-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const run = spawnSync(process.execPath, [join(__dirname, "check-boundaries.mjs"), root], { encoding: "utf8" });
    return { status: run.status, output: run.stdout + run.stderr };
  }

  const core = {
    "src/shared/net/address.ts": "export const parse = 1;\n",
    "src/shared/model/schema.ts": 'import { parse } from "../net/address";\nexport const Design = parse;\n',
    "src/shared/engine/evaluate.ts": 'import { Design } from "../model/schema";\nexport const evaluateFlow = Design;\n',
    "src/shared/engine/describe.ts": "export const describeRule = 1;\nexport const evaluateAgain = 2;\n",
    "src/shared/iac/export.ts": 'import { evaluateFlow } from "../engine/evaluate";\nexport const x = evaluateFlow;\n',
  };

  it("passes a tree whose imports point inward", () => {
    const { status, output } = check({
      ...core,
      "src/renderer/panel.ts":
        'import { Design } from "../shared/model/schema";\nimport { describeRule } from "../shared/engine/describe";\nimport type { evaluateFlow } from "../shared/engine/evaluate";\n',
    });
    expect(output).toContain("import boundaries: ok");
    expect(status).toBe(0);
  });

  it("fails on the engine importing an IaC adapter", () => {
    const { status, output } = check({
      ...core,
      "src/shared/engine/findings.ts": 'import { x } from "../iac/export";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain("src/shared/engine/findings.ts: shared/engine must not import shared/iac");
  });

  it("fails on the model importing the engine, even for types", () => {
    const { status, output } = check({
      ...core,
      "src/shared/model/patch.ts": 'import type { evaluateFlow } from "../engine/evaluate";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain("shared/model must not import shared/engine");
  });

  it("fails on the renderer evaluating by itself, or taking an engine helper not on its list", () => {
    const { status, output } = check({
      ...core,
      "src/renderer/panel.ts":
        'import { evaluateFlow } from "../shared/engine/evaluate";\nimport { describeRule, evaluateAgain } from "../shared/engine/describe";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain("the renderer must not take evaluateFlow from src/shared/engine/evaluate.ts");
    expect(output).toContain("the renderer must not take evaluateAgain from src/shared/engine/describe.ts");
    expect(output).not.toContain("describeRule,");
  });

  it("lets a renderer test serve its requests with the server's handlers, but not the renderer itself or over HTTP", () => {
    const server = {
      "src/server/handlers.ts": "export const createHandlers = 1;\n",
      "src/server/http/server.ts": "export const startHost = 1;\n",
    };
    const allowed = check({
      ...core,
      ...server,
      "src/renderer/state/engine.test.ts": 'import { createHandlers } from "../../server/handlers";\n',
    });
    expect(allowed.output).toContain("import boundaries: ok");
    const { status, output } = check({
      ...core,
      ...server,
      "src/renderer/state/engine.ts": 'import { createHandlers } from "../../server/handlers";\n',
      "src/renderer/state/host.test.ts": 'import { startHost } from "../../server/http/server";\n',
    });
    expect(status).toBe(1);
    expect(output).toContain('src/renderer/state/engine.ts: renderer must not import "../../server/handlers"');
    expect(output).toContain('src/renderer/state/host.test.ts: renderer must not import "../../server/http/server"');
  });

  it("fails on the server's channel table importing its HTTP transport", () => {
    const { status, output } = check({
      ...core,
      "src/server/http/server.ts": 'import { table } from "../channels";\nexport const serve = table;\n',
      "src/server/channels.ts": 'import { serve } from "./http/server";\nexport const table = 1;\n',
    });
    expect(status).toBe(1);
    expect(output).toContain(
      "src/server/channels.ts: the server's channels and handlers must not import its HTTP transport",
    );
  });

  it("fails on an import circle, naming its path", () => {
    const { status, output } = check({
      ...core,
      "src/server/handlers.ts": 'import { pool } from "./pool";\nexport const handlers = pool;\n',
      "src/server/pool.ts": 'import type { Reply } from "./worker";\nexport const pool = 1;\n',
      "src/server/worker.ts": 'import { handlers } from "./handlers";\nexport type Reply = typeof handlers;\n',
    });
    expect(status).toBe(1);
    expect(output).toContain(
      "import circle: src/server/handlers.ts -> src/server/pool.ts -> src/server/worker.ts -> src/server/handlers.ts",
    );
  });
});
