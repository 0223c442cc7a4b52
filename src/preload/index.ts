// The renderer's only door to the host: one function per channel of src/shared/api.ts and the
// menu-command subscription, exposed with contextBridge. Nothing of Electron or Node leaks
// through: ipcRenderer itself is never exposed, only these wrappers.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from "electron";
import {
  API_GLOBAL,
  CHANNELS,
  MENU_CHANNEL,
  MENU_COMMANDS,
  type MenuEvent,
  type PalisadeApi,
  type PalisadeBridge,
} from "../shared/api";

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as unknown as PalisadeApi;

const commands = new Set<string>(MENU_COMMANDS);

const bridge: PalisadeBridge = {
  ...api,
  onMenuCommand(listener) {
    const relay = (_event: IpcRendererEvent, message: MenuEvent) => {
      // Only well-formed commands reach the page, and the IPC event object never does.
      if (message && commands.has(message.command))
        listener(
          message.arg === undefined
            ? { command: message.command }
            : { command: message.command, arg: String(message.arg) },
        );
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, bridge);
