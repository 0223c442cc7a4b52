// Finding the Electron binary without triggering its download (require("electron") would try),
// and a display to run it on where there is none (an Xvfb server, as xvfb-run would start).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The Electron executable the electron package has installed, or why there is none. */
export function electronBinary(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve("electron/package.json"));
  } catch {
    return { missing: "the electron package is not installed" };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(packageDir, "path.txt");
  const relative = existsSync(pathFile) ? readFileSync(pathFile, "utf8").trim() : undefined;
  if (override) return { path: join(override, relative ?? "electron") };
  if (!relative)
    return {
      missing:
        "the electron package has no binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and never downloaded); run `npx install-electron` where the network allows, or use `npm run web`",
    };
  const path = join(packageDir, "dist", relative);
  return existsSync(path) ? { path } : { missing: `the Electron binary ${path} is missing` };
}

/** A DISPLAY to use: the current one, or a new Xvfb server (stopped by the returned function). */
export async function display(): Promise<{ display: string; stop: () => void } | { missing: string }> {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: () => {} };
  if (!existsSync("/usr/bin/Xvfb")) return { missing: "there is no display and no Xvfb to make one" };
  const number = 90 + Math.floor(Math.random() * 400);
  const server: ChildProcess = spawn(
    "/usr/bin/Xvfb",
    [`:${number}`, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
    {
      stdio: "ignore",
    },
  );
  // Xvfb makes its socket when it is ready to accept clients.
  const socket = `/tmp/.X11-unix/X${number}`;
  for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(socket)) {
    server.kill();
    return { missing: "Xvfb did not start" };
  }
  return { display: `:${number}`, stop: () => server.kill() };
}
