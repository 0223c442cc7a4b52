// The renderer's PalisadeApi: Electron's preload bridge when the page runs in the app, else a
// fetch client for the Node host of the browser mode (src/host), which serves the same handlers.
import {
  API_GLOBAL,
  CHANNELS,
  type Channel,
  type MenuEvent,
  type PalisadeApi,
  type PalisadeBridge,
  type Reply,
} from "../shared/api";

/** The meta tag into which the Node host writes its per-run token (no inline script: the CSP forbids it). */
export const TOKEN_META = "palisade-token";
/** The header that carries the token on every API request. */
export const TOKEN_HEADER = "X-Palisade-Token";

function bridge(): PalisadeBridge | undefined {
  return (globalThis as unknown as Record<string, PalisadeBridge | undefined>)[API_GLOBAL];
}

function hostClient(): PalisadeApi {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? "";
  const call = async (channel: Channel, request: unknown): Promise<Reply<unknown>> => {
    try {
      const response = await fetch(`/api/${channel}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [TOKEN_HEADER]: token },
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
