// One worker thread for heavy requests (see engine-worker.ts), started on first use and restarted if it dies.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Problem } from "../shared/model";
import type { OffloadChannel, RecoveryChannel } from "./engine-ops";
import type { WorkerReply, WorkerRequest } from "./worker-messages";

/** A job stopped at the user's request (see EngineWorker.cancel). */
export class Cancelled extends Error {
  override name = "Cancelled";
  constructor() {
    super("cancelled");
  }
}

/** The worker's answer: the result as JSON bytes, or the problems with the request. */
export type PooledReply = { ok: true; json: Uint8Array } | { ok: false; problems: Problem[] };

export class EngineWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: PooledReply) => void; reject: (e: Error) => void }>();

  /** entry: the worker module (the built engine-worker.js, or engine-worker.ts under tsx). */
  /** data: the worker's workerData (what it needs from the host's options: the recovery folder). */
  constructor(
    private readonly entry: URL,
    private readonly data?: unknown,
  ) {}

  /** Rejects only when the worker itself fails (a crash, a bug in the engine). */
  run(channel: OffloadChannel | RecoveryChannel, payload: unknown): Promise<PooledReply> {
    const worker = this.start();
    const id = this.nextId++;
    // Keep the process alive while a job is out; an idle worker must not keep a CLI or a test running.
    worker.ref();
    return new Promise<PooledReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, channel, payload } satisfies WorkerRequest);
      } catch (error) {
        // A payload that cannot be cloned (it came from outside; it is not valid anyway).
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /**
   * Stops whatever the worker is doing: its jobs end with Cancelled, and the next job starts a
   * fresh worker. Whatever the worker held (documents) is gone with it.
   */
  async cancel(): Promise<number> {
    const worker = this.worker;
    const cancelled = this.pending.size;
    this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(new Cancelled());
    this.pending.clear();
    if (worker) await worker.terminate();
    return cancelled;
  }

  /** Starts the worker ahead of its first job, without keeping the process alive for it. */
  warm(): void {
    this.start().unref();
  }

  /** Stops the worker for good (the host is closing): jobs still out end as cancelled, not as failures. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(new Cancelled());
    this.pending.clear();
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = this.entry.pathname.endsWith(".ts")
      ? typescriptWorker(this.entry, this.data)
      : new Worker(this.entry, { workerData: this.data });
    worker.on("message", (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve({ ok: true, json: reply.json });
      else if ("problems" in reply) waiting.resolve({ ok: false, problems: reply.problems });
      else waiting.reject(new Error(reply.internal));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the engine worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/**
 * A worker running TypeScript source (the Node host and tests run from source under tsx). tsx's
 * --import hook does not reach worker threads, so the worker registers tsx itself first.
 */
function typescriptWorker(entry: URL, workerData: unknown): Worker {
  // tsx's ESM api (its CommonJS build cannot be import()ed): found from its package.json.
  const root = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(join(root, "dist/esm/api/index.mjs")).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}
