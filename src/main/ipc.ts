// One ipcMain.handle per channel of api.ts. A request is answered only when it comes from the
// app window's top frame showing the app itself: not from a subframe, not after a navigation.
import { BrowserWindow, type IpcMainInvokeEvent, ipcMain } from "electron";
import type { Handlers } from "../server/handlers";
import { CHANNELS, type WireReply } from "../shared/api";

export function registerIpc(handlers: Handlers, isAppUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<WireReply<unknown>> => {
      if (!isTrustedSender(event, isAppUrl))
        return {
          ok: false,
          problems: [
            { message: `refused ${channel}: the request did not come from the app window`, severity: "error" },
          ],
        };
      return handlers.dispatchWire(channel, payload);
    });
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  return isAppUrl(frame.url);
}
