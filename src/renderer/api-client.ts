// The renderer's PalisadeApi: Electron's preload bridge when the page runs in the app, else a
// fetch client for the Node host of the browser mode (src/server/http), which serves the same handlers.
import {
  API_GLOBAL,
  CHANNELS,
  type Channel,
  HOST_TOKEN_HEADER,
  HOST_TOKEN_META,
  type MenuEvent,
  type PalisadeApi,
  type PalisadeBridge,
  type Reply,
} from "../shared/api";

function bridge(): PalisadeBridge | undefined {
  return (globalThis as unknown as Record<string, PalisadeBridge | undefined>)[API_GLOBAL];
}

function hostClient(): PalisadeApi {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_TOKEN_META}"]`)?.content ?? "";
  const call = async (channel: Channel, request: unknown): Promise<Reply<unknown>> => {
    try {
      const response = await fetch(`/api/${channel}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [HOST_TOKEN_HEADER]: token },
        body: JSON.stringify(request ?? {}),
      });
      return (await response.json()) as Reply<unknown>;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        problems: [
          { message: `the Palisade host did not answer (${reason}); is npm run web still running?`, severity: "error" },
        ],
      };
    }
  };
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, (request: unknown) => call(channel, request)]),
  ) as unknown as PalisadeApi;
}

/** True inside the Electron app (native menu, dialogs and file paths); false in a browser. */
export const isDesktop = bridge() !== undefined;

export const api: PalisadeApi = bridge() ?? hostClient();

/**
 * Commands from the native menu. In the browser there is no native menu: the listener is never
 * called, and the page's own key bindings and buttons do the same things.
 */
export function onMenuCommand(listener: (event: MenuEvent) => void): () => void {
  return bridge()?.onMenuCommand(listener) ?? (() => {});
}
