// Builds the three parts of the app into out/: main (Node, ESM, with the engine worker as a
// second entry), preload (one self-contained CommonJS file, as a sandboxed preload must be) and
// the renderer (React, served by Electron from disk or by the Node host of the browser mode).
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve("src/main/index.ts"),
          // Engine work on large designs runs here, off the main process's thread (src/node/engine-pool.ts).
          "engine-worker": resolve("src/node/engine-worker.ts"),
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
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve("src/renderer/index.html") } },
    },
  },
});
