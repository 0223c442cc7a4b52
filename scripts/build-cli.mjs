// Builds the CLI to one file, out/cli/palisade.mjs, so that `palisade` starts without compiling
// TypeScript (tsx cost some 1.7 s of CPU a call). esbuild rather than vite's library mode: the CLI
// is one Node entry with no CSS, HTML or plugins, and esbuild bundles it in a fraction of a
// second with a single call (it is already here under vite and tsx).
//
// @cdktf/hcl2json stays outside the bundle, the one run-time dependency: it reads its parser
// (main.wasm.gz) and Go's wasm_exec.js from its own folder with fs, and the HCL worker threads
// require it by path (src/server/hcl-pool.ts), so it must stay an installed package, found from
// the bundle by Node's resolution like any dependency.
import { mkdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "out/cli/palisade.mjs");

await mkdir(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, "src/cli/run.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // @resvg/resvg-js (draw -o x.png) is a native addon with one package per platform: installed, not bundled.
  external: ["@cdktf/hcl2json", "@resvg/resvg-js"],
  // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ESM build bundles.
  mainFields: ["module", "main"],
  // Bundled CommonJS (ipaddr.js) may call require for Node's built-ins: give the module one.
  banner: {
    js: 'import { createRequire as __palisadeRequire } from "node:module";\nconst require = __palisadeRequire(import.meta.url);',
  },
  minify: true,
  legalComments: "linked",
  logLevel: "warning",
});
console.log(`palisade: built ${outfile.slice(root.length + 1)} (${((await stat(outfile)).size / 1024).toFixed(0)} KB)`);
