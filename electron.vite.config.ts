// Builds the three parts of the app into out/: main (Node, ESM, with the engine worker as a
// second entry), preload (one self-contained CommonJS file, as a sandboxed preload must be) and
// the renderer (React, served by Electron from disk or by the Node host of the browser mode).
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";
import type { Plugin } from "vite";
import { DEV_CONTENT_SECURITY_POLICY } from "./src/server/csp";

/** The dev server's page gets the dev policy (hot reload); built pages keep the strict one. */
function devContentSecurityPolicy(): Plugin {
  return {
    name: "palisade-dev-csp",
    apply: "serve",
    transformIndexHtml: (html) =>
      html.replace(/content="default-src [^"]*"/, `content="${DEV_CONTENT_SECURITY_POLICY}"`),
  };
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve("src/main/index.ts"),
          // Engine work on large designs runs here, off the main process's thread (src/server/engine-pool.ts).
          "engine-worker": resolve("src/server/engine-worker.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only "electron": bundle everything else into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve("src/preload/index.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: resolve("src/renderer"),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      rolldownOptions: { input: { index: resolve("src/renderer/index.html") } },
      // PALISADE_NO_MINIFY=1 keeps names, so that a CPU profile of the renderer says where the time goes.
      ...(process.env.PALISADE_NO_MINIFY ? { minify: false } : {}),
    },
  },
});
