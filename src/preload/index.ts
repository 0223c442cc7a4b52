// The renderer's only door to the host: one function per channel of src/shared/api.ts and the
// menu-command subscription, exposed with contextBridge. Nothing of Electron or Node leaks
// through: ipcRenderer itself is never exposed, only these wrappers.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from "electron";
import {
  API_GLOBAL,
  CHANNELS,
  MENU_CHANNEL,
  MenuEventSchema,
  type PalisadeApi,
  type PalisadeBridge,
  type Reply,
  type WireReply,
} from "../shared/api";

const decoder = new TextDecoder();

/** Main sends a large engine result as JSON bytes (see WireReply); the page always gets a plain Reply. */
async function invoke(channel: string, request: unknown): Promise<Reply<unknown>> {
  const reply = (await ipcRenderer.invoke(channel, request)) as WireReply<unknown>;
  if (reply.ok && "json" in reply) return { ok: true, value: JSON.parse(decoder.decode(reply.json)) };
  return reply;
}

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => invoke(channel, request)]),
) as unknown as PalisadeApi;

const bridge: PalisadeBridge = {
  ...api,
  onMenuCommand(listener) {
    const relay = (_event: IpcRendererEvent, message: unknown) => {
      // Only well-formed commands reach the page (zod, as every payload), and the IPC event object never does.
      const event = MenuEventSchema.safeParse(message);
      if (event.success) listener(event.data);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, bridge);
