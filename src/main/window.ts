// The one app window: sandboxed, isolated, no Node in the page, and a prompt before closing
// over unsaved work.
import { join } from "node:path";
import { BrowserWindow, dialog } from "electron";

export function createAppWindow(preloadDir: string): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: "Palisade",
    show: false,
    backgroundColor: "#f7f7f8",
    webPreferences: {
      preload: join(preloadDir, "index.cjs"),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click on a link would otherwise ask for a new window outside the click handler.
      disableBlinkFeatures: "Auxclick",
    },
  });
}

export type CloseChoice = "save" | "discard" | "cancel";

/** Asks what to do with unsaved changes before the window closes. */
export async function askBeforeClose(window: BrowserWindow, name: string): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: "warning",
    buttons: ["Save", "Don't Save", "Cancel"],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Save the changes to ${name} before closing?`,
    detail: "Your changes will be lost if you don't save them.",
  });
  return response === 0 ? "save" : response === 1 ? "discard" : "cancel";
}
