// `npm start`: build, then launch the real Electron app. Electron's package downloads its binary
// on first use; where it is missing this tries the package's own installer once and, failing
// that, says so plainly and points to the browser mode (`npm run web`).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const electronDir = join(root, "node_modules", "electron");
const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit" });
  return result.status ?? 1;
}

function electronBinary() {
  const pathFile = join(electronDir, "path.txt");
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, "dist", readFileSync(pathFile, "utf8").trim());
  return existsSync(binary) ? binary : undefined;
}

function giveUp(why) {
  console.error(`\npalisade: cannot start the desktop app: ${why}`);
  console.error("The same app runs in your browser: npm run web");
  process.exit(1);
}

if (run(process.execPath, [join(root, "node_modules", "electron-vite", "bin", "electron-vite.js"), "build"]) !== 0)
  process.exit(1);

if (!existsSync(join(electronDir, "package.json"))) giveUp("the electron package is not installed (npm install).");
let binary = electronBinary();
if (!binary) {
  console.log("palisade: the Electron binary is missing; trying its installer once…");
  // The installer prints a stack trace when it fails; keep only its first line as the reason.
  const install = spawnSync(process.execPath, [join(electronDir, "install.js")], { cwd: root, encoding: "utf8" });
  binary = electronBinary();
  if (!binary) {
    const reason =
      `${install.stderr ?? ""}${install.stdout ?? ""}`.split("\n").find((line) => line.trim()) ?? "no output";
    giveUp(
      `the Electron binary could not be downloaded (${reason.trim()}). It comes from GitHub, not the npm registry, and this machine may not reach it.`,
    );
  }
}
if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  giveUp("there is no graphical display here (DISPLAY is not set).");

// Chromium will not start as root with its OS sandbox on; the page's own sandbox stays on.
const extra = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
const child = spawn(binary, [...extra, root, ...args], { cwd: root, stdio: "inherit" });
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
