// The worker thread that answers heavy requests (the engine on a large design, parsing or
// importing large files): it validates the payload, does the work and encodes the result as
// JSON bytes, all off the main thread; the bytes are transferred back without a copy.
import { parentPort, workerData } from "node:worker_threads";
import { createHandlers } from "./handlers";
import type { WorkerReply, WorkerRequest } from "./worker-messages";

// The same handlers, without a worker of their own: pure work is sent here, and the autosave of
// the documents held here (the host passes its recovery folder).
const local = createHandlers({
  examplesDir: "",
  recoveryDir: (workerData as { recoveryDir?: string } | null)?.recoveryDir ?? "",
});
const encoder = new TextEncoder();

parentPort?.on("message", async ({ id, channel, payload }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const answer = await local.dispatch(channel, payload);
    reply = answer.ok
      ? { id, ok: true, json: encoder.encode(JSON.stringify(answer.value)) }
      : { id, ok: false, problems: answer.problems };
  } catch (error) {
    // Only encoding can throw here (a result too large for one string): the handlers never do.
    reply = { id, ok: false, internal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply, reply.ok ? [reply.json.buffer as ArrayBuffer] : []);
});
