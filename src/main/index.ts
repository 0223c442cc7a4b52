// Electron main: one window on the app's own protocol, the shared API handlers behind IPC, the
// native menu, recent files, the close prompt and crash recovery.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { app, type BrowserWindow, dialog, Menu, protocol, session } from "electron";
import { CONTENT_SECURITY_POLICY } from "../server/csp";
import { readDesignFile } from "../server/files";
import { createHandlers } from "../server/handlers";
import { contentType } from "../server/static";
import { MENU_CHANNEL, type MenuCommand, type MenuEvent } from "../shared/api";
import { lessons } from "../shared/exercises";
import { registerIpc } from "./ipc";
import { menuTemplate } from "./menu";
import { APP_ORIGIN, APP_SCHEME, fileForUrl } from "./protocol";
import { addRecent, loadRecent, saveRecent } from "./recent";
import { guardWebContents, hardenSession } from "./security";
import { documentName, type WindowState, windowTitle } from "./title";
import { askBeforeClose, createAppWindow } from "./window";

// Tests and portable setups point the app at a fresh profile.
if (process.env.PALISADE_USER_DATA) app.setPath("userData", process.env.PALISADE_USER_DATA);

const here = fileURLToPath(new URL(".", import.meta.url));
const rendererDir = join(here, "../renderer");
const preloadDir = join(here, "../preload");
const examplesDir = join(app.getAppPath(), "examples");
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
guardWebContents();

const devOrigin = devUrl === undefined ? undefined : new URL(devUrl).origin;
/** The app's own pages: its protocol, or Vite's dev server under `npm run dev`. */
function isAppUrl(url: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (devOrigin === undefined) return false;
  try {
    return new URL(url).origin === devOrigin;
  } catch {
    return false;
  }
}

/** A design file named on the command line (`palisade design.palisade.json`, or the OS opening one). */
function launchFile(argv: readonly string[], cwd: string): string | undefined {
  const arg = argv.slice(1).find((a) => !a.startsWith("-") && a.endsWith(".json") && existsSync(resolve(cwd, a)));
  return arg === undefined ? undefined : resolve(cwd, arg);
}

if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start);

async function start(): Promise<void> {
  const userData = app.getPath("userData");
  await mkdir(userData, { recursive: true });
  const recentFile = join(userData, "recent-files.json");
  const firstRunMark = join(userData, "first-run-done");
  let recent = loadRecent(recentFile);
  let window: BrowserWindow | undefined;
  let state: WindowState | undefined;
  let closeAfterSave = false;
  let closing = false;

  const isMac = process.platform === "darwin";
  const send = (command: MenuCommand, arg?: string) => {
    // Closing is the window's business: it goes through the unsaved-changes prompt below.
    if (command === "close") return window?.close();
    const event: MenuEvent = arg === undefined ? { command } : { command, arg };
    window?.webContents.send(MENU_CHANNEL, event);
  };
  const rebuildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          send,
          recentFiles: recent,
          clearRecent: () => {
            recent = [];
            void saveRecent(recentFile, recent);
            if (isMac || process.platform === "win32") app.clearRecentDocuments();
            rebuildMenu();
          },
          isMac,
          exercises: lessons().map((l) => ({ id: l.id, title: `${l.number}. ${l.title}` })),
        }),
      ),
    );

  const designFilters = [{ name: "Palisade designs", extensions: ["json"] }];
  const handlers = createHandlers({
    examplesDir,
    recoveryDir: userData,
    engineWorker: new URL("./engine-worker.js", import.meta.url),
    dialogs: {
      open: async () => {
        const options = { properties: ["openFile" as const], filters: designFilters };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openFolder: async () => {
        const options = { properties: ["openDirectory" as const], title: "Import a Terraform folder" };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      save: async (suggested) => {
        const options = { defaultPath: suggested ?? "untitled.palisade.json", filters: designFilters };
        const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) {
          closeAfterSave = false;
          return null;
        }
        // Linux dialogs add no extension; the file format's is .palisade.json.
        return result.filePath.endsWith(".json") ? result.filePath : `${result.filePath}.palisade.json`;
      },
    },
    startup: async () => {
      const file = launchFile(process.argv, process.cwd());
      if (file) {
        handlers.grant(file);
        return { design: await readDesignFile(file), path: file };
      }
      if (existsSync(firstRunMark)) return null;
      await writeFile(firstRunMark, `${new Date().toISOString()}\n`);
      const example = await handlers["examples:load"]({ name: "http-server" });
      return example.ok ? { design: example.value.design } : null;
    },
    onWindowState: (next) => {
      state = next;
      if (!window) return;
      window.setTitle(windowTitle(next));
      if (isMac) {
        window.setDocumentEdited(next.dirty);
        if (next.path) window.setRepresentedFilename(next.path);
      }
      if (closeAfterSave && !next.dirty) {
        closing = true;
        window.close();
      }
    },
    onFileUsed: (path) => {
      recent = addRecent(recent, path);
      // The OS's own recent list exists on macOS and Windows only.
      if (isMac || process.platform === "win32") app.addRecentDocument(path);
      void saveRecent(recentFile, recent);
      rebuildMenu();
    },
  });
  // Files in the recent list were chosen by the user in an earlier session.
  for (const path of recent) handlers.grant(path);

  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileForUrl(rendererDir, request.url);
    if (!file) return new Response("not found", { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          "Content-Type": contentType(file),
          "Content-Security-Policy": CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch {
      return new Response("not found", { status: 404 });
    }
  });
  hardenSession(session.defaultSession, devUrl !== undefined);
  registerIpc(handlers, isAppUrl);
  rebuildMenu();

  window = createAppWindow(preloadDir);
  window.once("ready-to-show", () => window?.show());
  // A crashed page comes back and offers its autosave; one that keeps crashing is left alone.
  let lastCrash = 0;
  window.webContents.on("render-process-gone", (_event, details) => {
    if (details.reason === "clean-exit") return;
    const now = Date.now();
    if (now - lastCrash > 10_000) window?.reload();
    lastCrash = now;
  });
  window.on("close", (event) => {
    if (closing || !state?.dirty || !window) return;
    event.preventDefault();
    void askBeforeClose(window, documentName(state)).then(async (choice) => {
      if (choice === "cancel") return;
      if (choice === "save") {
        closeAfterSave = true;
        send("save");
        return;
      }
      closing = true;
      await handlers["recovery:clear"]({});
      window?.close();
    });
  });
  window.on("closed", () => {
    // A clean close leaves nothing to recover; an unknown state (the page never reported) keeps the file.
    if (state && !state.dirty) void handlers["recovery:clear"]({});
    window = undefined;
  });

  app.on("second-instance", (_event, argv, workingDirectory) => {
    const file = launchFile(argv, workingDirectory);
    if (file) {
      handlers.grant(file);
      send("openRecent", file);
    }
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on("window-all-closed", () => {
    void handlers.close().finally(() => app.quit());
  });

  await window.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}
