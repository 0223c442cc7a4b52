// One worker thread for engine jobs, started on first use and restarted if it dies. Errors come
// back as the same error classes the inline call throws, so callers cannot tell the difference.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { InputError } from "../shared/model";
import { type EngineJob, type EngineResult, Unavailable } from "./engine-ops";
import type { WorkerReply, WorkerRequest } from "./engine-worker";

export class EngineWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** entry: the worker module (the built engine-worker.js, or engine-worker.ts under tsx). */
  constructor(private readonly entry: URL) {}

  run<J extends EngineJob>(job: J): Promise<EngineResult<J>> {
    const worker = this.start();
    const id = this.nextId++;
    // Keep the process alive while a job is out; an idle worker must not keep a CLI or a test running.
    worker.ref();
    return new Promise<EngineResult<J>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, job } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = this.entry.pathname.endsWith(".ts") ? typescriptWorker(this.entry) : new Worker(this.entry);
    worker.on("message", (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.value);
      else if (reply.kind === "input") waiting.reject(new InputError(reply.problems ?? []));
      else if (reply.kind === "unavailable") waiting.reject(new Unavailable(reply.message));
      else waiting.reject(new Error(reply.message));
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
function typescriptWorker(entry: URL): Worker {
  // tsx's ESM api (its CommonJS build cannot be import()ed): found from its package.json.
  const root = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(join(root, "dist/esm/api/index.mjs")).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true });
}
