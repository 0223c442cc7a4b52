// The messages between the engine pool (engine-pool.ts, on the host's thread) and the worker
// thread (engine-worker.ts): a request names its channel; the answer is JSON bytes, the
// request's problems, or an internal failure.
import type { Problem } from "../shared/model";
import type { OffloadChannel, RecoveryChannel } from "./engine-ops";

export type WorkerRequest = { id: number; channel: OffloadChannel | RecoveryChannel; payload: unknown };
export type WorkerReply =
  | { id: number; ok: true; json: Uint8Array }
  | { id: number; ok: false; problems: Problem[] }
  | { id: number; ok: false; internal: string };
