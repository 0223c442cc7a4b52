#!/usr/bin/env node
// The `palisade` command. Runs the built bundle (out/cli/palisade.mjs: `npm run build`, and what
// `npm pack` ships). In a checkout that has not been built it runs the TypeScript sources through
// tsx instead, and says so once; PALISADE_SOURCES=1 asks for the sources (the tests do, so that
// they never run a bundle older than the code).
import { existsSync } from "node:fs";

const built = new URL("../out/cli/palisade.mjs", import.meta.url);
const fromSources = process.env.PALISADE_SOURCES === "1";
if (!fromSources && existsSync(built)) await import(built.href);
else {
  if (!fromSources)
    process.stderr.write(
      "palisade: not built, so running the TypeScript sources (slower start); `npm run build` builds the CLI\n",
    );
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/run.ts");
}
