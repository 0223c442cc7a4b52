// The import-boundary check of DESIGN.md, in the spirit of VS Code's layer rule: code may import
// inward only. Fails (exit 1) listing every import that crosses the wrong way.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const src = join(root, "src");

/** layer -> test for an import specifier (resolved path or bare package) it must not use */
const forbidden = {
  shared: [
    /^(electron|react|react-dom|@xyflow\/.*|elkjs.*|@cdktf\/.*)$/,
    /^node:/,
    /^(fs|path|os|child_process|crypto|worker_threads|url)$/,
    /src\/(main|renderer|preload|cli|host|node)\//,
  ],
  renderer: [/^electron$/, /^node:/, /^(fs|path|os|child_process)$/, /src\/(main|preload|cli|host|node)\//],
  main: [/src\/(renderer|cli)\//],
  preload: [/src\/(renderer|main|cli|host|node)\//],
  cli: [/src\/(renderer|main|preload|host)\//, /^electron$/],
  host: [/src\/renderer\//, /^electron$/],
  node: [/src\/(renderer|main|preload|cli|host)\//, /^electron$/],
};

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield path;
  }
}

const problems = [];
for (const file of files(src)) {
  const layer = relative(src, file).split("/")[0];
  const rules = forbidden[layer];
  if (!rules) continue;
  const isTest = /\.test\.tsx?$/.test(file);
  const text = readFileSync(file, "utf8");
  const imports = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
  ];
  for (const m of imports) {
    const spec = m[1] ?? m[2];
    const target = spec.startsWith(".") ? `${relative(root, resolve(dirname(file), spec))}/` : spec;
    // Tests of the shared core may use Node to read fixtures from disk.
    if (isTest && layer === "shared" && (/^node:/.test(spec) || /^(fs|path)$/.test(spec))) continue;
    if (rules.some((r) => r.test(target))) problems.push(`${relative(root, file)}: ${layer} must not import "${spec}"`);
  }
}
if (problems.length) {
  console.error(`Import boundaries crossed (see docs/architecture.md):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("import boundaries: ok");
