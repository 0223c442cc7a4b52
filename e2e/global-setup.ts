// Starts the Node host once for the whole run, on a free port with a fresh recovery folder, and
// tells the tests where through the environment (Playwright's workers inherit it).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startHost } from "../src/server/http/server";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, "..");
  const rendererDir = join(root, "out/renderer");
  if (!existsSync(join(rendererDir, "index.html")))
    throw new Error("out/renderer is missing: run `npm run build` first (npm run test:e2e does)");
  const recoveryDir = await mkdtemp(join(tmpdir(), "palisade-e2e-recovery-"));
  const host = await startHost({ rendererDir, examplesDir: join(root, "examples"), recoveryDir });
  process.env.PALISADE_E2E_URL = host.url;
  process.env.PALISADE_E2E_RECOVERY_DIR = recoveryDir;
  return async () => {
    await host.close();
    await rm(recoveryDir, { recursive: true, force: true });
  };
}
