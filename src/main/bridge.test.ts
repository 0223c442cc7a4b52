// The preload bridge (src/preload) against main's real handlers, as IPC joins them. Electron
// cannot run here, so its two objects are stood in for by the smallest faithful fakes:
// exposeInMainWorld records what the page would see, and invoke carries a structured clone to
// the handlers as ipcMain.handle would.
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHandlers } from "../server/handlers";
import { API_GLOBAL, CHANNELS, MENU_CHANNEL, type MenuEvent, type PalisadeBridge } from "../shared/api";

const electron = vi.hoisted(() => ({
  exposed: {} as Record<string, unknown>,
  listeners: new Map<string, Set<(event: unknown, message: unknown) => void>>(),
  dispatch: undefined as undefined | ((channel: string, payload: unknown) => Promise<unknown>),
}));

vi.mock("electron", () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      electron.exposed[key] = value;
    },
  },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => electron.dispatch?.(channel, structuredClone(request)),
    on: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      electron.listeners.get(channel)?.delete(listener);
    },
  },
}));

const handlers = createHandlers({
  examplesDir: resolve(import.meta.dirname, "../../examples"),
  recoveryDir: "/nonexistent",
  engineWorker: new URL("../server/engine-worker.ts", import.meta.url),
  // Every engine request goes through the worker and comes back as JSON bytes.
  workerThreshold: 0,
  log: () => {},
});
let bridge: PalisadeBridge;

beforeAll(async () => {
  electron.dispatch = (channel, payload) => handlers.dispatchWire(channel, payload);
  await import("../preload/index");
  bridge = electron.exposed[API_GLOBAL] as PalisadeBridge;
});
afterAll(() => handlers.close());

function sendMenu(message: unknown): void {
  for (const listener of electron.listeners.get(MENU_CHANNEL) ?? []) listener({ sender: "ipc event" }, message);
}

describe("the preload bridge", () => {
  it("exposes exactly the api's channels and the menu subscription", () => {
    expect(Object.keys(electron.exposed)).toEqual([API_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS, "onMenuCommand"].sort());
  });

  it("gives the page plain values, decoding a result main sent as JSON bytes", async () => {
    const example = await bridge["examples:load"]({ name: "http-server" });
    if (!example.ok) throw new Error("example did not load");
    const flows = await bridge["engine:flows"]({ design: example.value.design });
    expect(flows.ok && Array.isArray(flows.value) && flows.value.length > 0).toBe(true);
    expect(flows).not.toHaveProperty("json");
  });

  it("passes problems through", async () => {
    const reply = await bridge["examples:load"]({ name: "NOT VALID" });
    expect(reply.ok).toBe(false);
  });

  it("relays well-formed menu commands without the IPC event, and drops others", () => {
    const seen: MenuEvent[] = [];
    const stop = bridge.onMenuCommand((event) => seen.push(event));
    sendMenu({ command: "save" });
    sendMenu({ command: "openRecent", arg: "/d/a.palisade.json", extra: "dropped" });
    sendMenu({ command: "shell:exec" });
    sendMenu(null);
    sendMenu({ command: "save", arg: 42 });
    stop();
    sendMenu({ command: "new" });
    expect(seen).toEqual([{ command: "save" }, { command: "openRecent", arg: "/d/a.palisade.json" }]);
  });
});
