// The handlers behind every channel of src/shared/api.ts, shared by Electron main (src/main/ipc.ts)
// and the HTTP transport of the browser mode (http/server.ts): the routing of each request to
// where it runs. A request is validated with its channel's zod schema first, then answered by the
// channel table (channels.ts) here or in a worker: the engine worker for large designs and held
// documents, the files worker for reading and writing files. Bad input and failures become
// problems in a Reply, never a throw across IPC.
import { resolve } from "node:path";
import { CHANNELS, type PalisadeApi, type Reply, type WireReply } from "../shared/api";
import { InputError } from "../shared/model";
import { channelTable, problem } from "./channels";
import { Documents } from "./documents";
import {
  isFileChannel,
  isOffloadChannel,
  isRecoveryChannel,
  payloadSize,
  Unavailable,
  WORKER_THRESHOLD,
} from "./engine-ops";
import { Cancelled, EngineWorker } from "./engine-pool";
import { asksToHold, isOpening, readAndHold } from "./hold";
import { iacService } from "./iac";
import type { HandlerOptions } from "./options";
import { isChannel, validatePayload } from "./payload";

export type Handlers = PalisadeApi & {
  /** Let file:open and file:save use this path without asking (a recent file, a launch argument). */
  grant(path: string): void;
  /** Answer a request whose channel name came from outside: unknown channels get a problem. */
  dispatch(channel: string, payload: unknown): Promise<Reply<unknown>>;
  /**
   * The same for a transport (HTTP, IPC): a large engine result stays the JSON bytes the worker
   * made, for the transport to pass on without decoding it on this thread.
   */
  dispatchWire(channel: string, payload: unknown): Promise<WireReply<unknown>>;
  close(): Promise<void>;
};

export function createHandlers(options: HandlerOptions): Handlers {
  const granted = new Set<string>();
  const grant = (path: string) => granted.add(resolve(path));
  const isGranted = (path: string) => granted.has(resolve(path));
  const threshold = options.workerThreshold ?? WORKER_THRESHOLD;
  const worker = options.engineWorker
    ? new EngineWorker(options.engineWorker, { recoveryDir: options.recoveryDir })
    : undefined;
  // Long work on files (a large Terraform parse takes seconds) has a worker of its own: it never
  // holds up the engine's answers to edits, and cancelling it leaves the held documents alone.
  const filesWorker = options.engineWorker ? new EngineWorker(options.engineWorker) : undefined;
  const log = options.log ?? ((message: string) => console.error(message));
  // Held documents live where the engine runs: in the worker when there is one (requests that
  // name a document go there), here otherwise.
  const documents = new Documents();
  const iac = options.iac ?? iacService;
  // Started now, so that the first design opened does not wait for the worker to load.
  worker?.warm();
  filesWorker?.warm();
  const implementations = channelTable({ options, documents, worker, filesWorker, grant, isGranted, iac });

  function failure(channel: string, error: unknown): Reply<never> {
    if (error instanceof InputError) return { ok: false, problems: error.problems };
    if (error instanceof Cancelled) return { ok: false, problems: [problem(`${channel} was cancelled`)] };
    if (error instanceof Unavailable) return { ok: false, problems: [problem(error.message)] };
    // A bug: the stack goes to the log, the person gets one sentence.
    log(`palisade: ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      ok: false,
      problems: [problem(`internal error in ${channel}: ${error instanceof Error ? error.message : String(error)}`)],
    };
  }

  async function dispatchWire(channel: string, payload: unknown): Promise<WireReply<unknown>> {
    if (!isChannel(channel)) return { ok: false, problems: [problem(`no such channel "${channel}"`)] };
    if (isOpening(channel) && asksToHold(channel, payload)) return readAndHold(dispatch, channel, payload);
    try {
      if (worker && isRecoveryChannel(channel)) return await worker.run(channel, payload);
      // Files: parsed, imported and exported in their own worker, whatever their size.
      if (filesWorker && isFileChannel(channel)) return await filesWorker.run(channel, payload);
      // Large designs: validation, the work and encoding all happen in the worker.
      if (worker && isOffloadChannel(channel) && (namesDocument(payload) || payloadSize(payload) > threshold))
        return await worker.run(channel, payload);
      const valid = validatePayload(channel, payload);
      if (!valid.ok) return valid;
      const run = implementations[channel] as (request: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await run(valid.request) };
    } catch (error) {
      return failure(channel, error);
    }
  }

  async function dispatch(channel: string, payload: unknown): Promise<Reply<unknown>> {
    const reply = await dispatchWire(channel, payload);
    if (reply.ok && "json" in reply) return { ok: true, value: JSON.parse(new TextDecoder().decode(reply.json)) };
    return reply;
  }

  const api = Object.fromEntries(
    CHANNELS.map((c) => [c, (request: unknown) => dispatch(c, request)]),
  ) as unknown as PalisadeApi;
  return {
    ...api,
    grant,
    dispatch,
    dispatchWire,
    close: async () => {
      await Promise.all([worker?.close(), filesWorker?.close()]);
    },
  };
}

/** Requests that open, edit or name a held document: they go where the documents are held. */
function namesDocument(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && "doc" in payload;
}
