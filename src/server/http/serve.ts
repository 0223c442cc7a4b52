// `npm run web`: serve the built renderer and the API on 127.0.0.1 and print the URL.
// PALISADE_PORT picks the port (default: a free one); PALISADE_RECOVERY_DIR keeps the autosave
// somewhere lasting (default: a new temporary folder per run).
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startHost } from "./server";

const root = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const rendererDir = join(root, "out/renderer");
if (!existsSync(join(rendererDir, "index.html"))) {
  console.error("palisade: out/renderer is missing; build first with `npm run build` (npm run web does both).");
  process.exit(2);
}
const port = Number(process.env.PALISADE_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`palisade: PALISADE_PORT must be a port number, not ${JSON.stringify(process.env.PALISADE_PORT)}`);
  process.exit(2);
}
const recoveryDir = process.env.PALISADE_RECOVERY_DIR || (await mkdtemp(join(tmpdir(), "palisade-recovery-")));
const host = await startHost({ rendererDir, examplesDir: join(root, "examples"), recoveryDir, port });
console.log(`Palisade is running at ${host.url}`);
console.log(`(recovery files in ${recoveryDir}; press Ctrl+C to stop)`);

const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
