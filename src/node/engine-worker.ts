// The worker thread that runs engine jobs for large designs, so the main process never blocks.
import { parentPort } from "node:worker_threads";
import { InputError } from "../shared/model";
import { type EngineJob, runEngineJob, Unavailable } from "./engine-ops";

export type WorkerRequest = { id: number; job: EngineJob };
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      kind: "input" | "unavailable" | "internal";
      problems?: InputError["problems"];
      message: string;
    };

parentPort?.on("message", ({ id, job }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: runEngineJob(job) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof InputError) reply = { id, ok: false, kind: "input", problems: error.problems, message };
    else if (error instanceof Unavailable) reply = { id, ok: false, kind: "unavailable", message };
    else
      reply = { id, ok: false, kind: "internal", message: error instanceof Error ? (error.stack ?? message) : message };
  }
  parentPort?.postMessage(reply);
});
