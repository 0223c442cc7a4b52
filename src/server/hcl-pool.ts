// hcl2json on several cores: worker threads, each with its own copy of the parser (Go compiled to
// wasm keeps one instance per thread), started for one batch of pieces and stopped after it.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export type PieceResult = { value: unknown } | { error: string };

// Plain CommonJS, evaluated as the worker's code: no build step and no TypeScript loader needed,
// wherever the host runs (tsx, the built Electron main, tests).
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { parse } = require(workerData.hcl2json);
parentPort.on("message", ({ id, name, text }) => {
  parse(name, text).then(
    (value) => parentPort.postMessage({ id, value }),
    (e) => parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
  );
});
`;

/**
 * Parses every piece with hcl2json on up to `threads` worker threads, in any order, and gives
 * the results in the pieces' order. Rejects only if a worker cannot run at all.
 */
export async function parseOnThreads(
  pieces: readonly { name: string; text: string }[],
  threads: number,
): Promise<PieceResult[]> {
  const hcl2json = createRequire(import.meta.url).resolve("@cdktf/hcl2json");
  const results = new Array<PieceResult>(pieces.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(threads, pieces.length)) }, () => {
        const worker = new Worker(WORKER, { eval: true, workerData: { hcl2json } });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const give = () => {
            if (next >= pieces.length) return resolve();
            const id = next++;
            const piece = pieces[id] as { name: string; text: string };
            worker.postMessage({ id, name: piece.name, text: piece.text });
          };
          worker.on("message", (reply: { id: number } & PieceResult) => {
            results[reply.id] = "error" in reply ? { error: reply.error } : { value: reply.value };
            give();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => reject(new Error(`an HCL parser thread stopped (exit code ${code})`)));
          give();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
