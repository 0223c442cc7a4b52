// The real desktop app, where an Electron binary exists: it opens one window on the example,
// with Electron's security settings in force. Skipped, saying why, where there is no binary.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { _electron, expect, test } from "@playwright/test";
import { CHANNELS } from "../src/shared/api";
import { display, electronBinary } from "./electron";

const root = resolve(import.meta.dirname, "..");

/** Skips, saying why in the terminal as well as in the report. */
function skip(why: string): void {
  console.warn(`electron smoke test skipped: ${why}`);
  test.skip(true, why);
}

test("the desktop app opens on the example with its security settings", async () => {
  const binary = electronBinary();
  if ("missing" in binary) return skip(`no Electron binary: ${binary.missing}`);
  const screen = await display();
  if ("missing" in screen) return skip(`no display: ${screen.missing}`);
  const userData = mkdtempSync(join(tmpdir(), "palisade-electron-"));
  // Chromium refuses to run as root with its OS sandbox; the page's own sandbox is unaffected.
  const asRoot = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  const app = await _electron.launch({
    executablePath: binary.path,
    // The project folder, as `npm start` does: package.json names out/main/index.js, and
    // app.getAppPath() is then the folder that holds examples/.
    args: [...asRoot, root],
    cwd: root,
    env: { ...process.env, DISPLAY: screen.display, PALISADE_USER_DATA: userData },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId("node-web")).toBeVisible();
    const settings = await app.evaluate(({ BrowserWindow }) => {
      const [window] = BrowserWindow.getAllWindows();
      if (!window) return undefined;
      // Not in Electron's typings: an internal method giving the settings in force; absent, the checks below fail.
      const contents = window.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const prefs = contents.getLastWebPreferences?.() ?? {};
      return {
        windows: BrowserWindow.getAllWindows().length,
        size: window.getMinimumSize(),
        contextIsolation: prefs.contextIsolation,
        sandbox: prefs.sandbox,
        nodeIntegration: prefs.nodeIntegration,
        webSecurity: prefs.webSecurity,
        url: window.webContents.getURL(),
      };
    });
    expect(settings).toMatchObject({
      windows: 1,
      size: [1024, 640],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      url: "palisade://app/index.html",
    });
    expect(settings?.webSecurity).not.toBe(false);
    // The page sees the bridge and nothing of Node.
    const globals = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { palisade?: object }).palisade ?? {}).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(globals.require).toBe("undefined");
    expect(globals.process).toBe("undefined");
    expect(globals.bridge).toEqual([...CHANNELS, "onMenuCommand"].sort());
    // A new window is refused.
    await page.evaluate(() => window.open("https://example.com/"));
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
    screen.stop();
    rmSync(userData, { recursive: true, force: true });
  }
});
