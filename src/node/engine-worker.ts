// The worker thread that answers engine requests for large designs: it validates the payload,
// runs the engine and encodes the result as JSON bytes, all off the main thread; the bytes are
// transferred back without a copy.
import { parentPort } from "node:worker_threads";
import { InputError, type Problem } from "../shared/model";
import { type EngineChannel, runEngine } from "./engine-ops";
import { validatePayload } from "./payload";

export type WorkerRequest = { id: number; channel: EngineChannel; payload: unknown };
export type WorkerReply =
  | { id: number; ok: true; json: Uint8Array }
  | { id: number; ok: false; problems: Problem[] }
  | { id: number; ok: false; internal: string };

const encoder = new TextEncoder();

parentPort?.on("message", ({ id, channel, payload }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const valid = validatePayload(channel, payload);
    if (!valid.ok) reply = { id, ok: false, problems: valid.problems };
    else reply = { id, ok: true, json: encoder.encode(JSON.stringify(runEngine(channel, valid.request as never))) };
  } catch (error) {
    if (error instanceof InputError) reply = { id, ok: false, problems: error.problems };
    else reply = { id, ok: false, internal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply, reply.ok ? [reply.json.buffer as ArrayBuffer] : []);
});
