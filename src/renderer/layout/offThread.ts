// Runs the layout in the layout worker (layout.worker.ts) and stops it on demand. Where no module
// Worker can be made or loaded (an old engine, a test without a DOM), the same answer runs inline:
// slower to give the page back, never a layout that fails for want of a worker.
import { answerLayout, type LayoutReply, type LayoutRequest } from "./protocol";

let worker: Worker | undefined;
/** Set once a worker could not be made or its script failed to load: later layouts run inline. */
let inline = typeof Worker === "undefined";
let seq = 0;
/** Requests the worker has not answered yet, answered in the order sent. */
const pending = new Map<number, { request: LayoutRequest; settle: (reply: LayoutReply) => void }>();

function spawn(): Worker | undefined {
  try {
    // Vite bundles the worker as a module chunk of its own, served from the app's origin (the
    // CSP's worker-src 'self').
    const made = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module", name: "layout" });
    made.addEventListener("message", (event: MessageEvent<LayoutReply>) => {
      const waiting = pending.get(event.data.seq);
      pending.delete(event.data.seq);
      waiting?.settle(event.data);
    });
    made.addEventListener("error", (event) => {
      // A script that does not load (blocked, missing) or a crash: what waits, and later layouts, run inline.
      event.preventDefault();
      inline = true;
      made.terminate();
      if (worker === made) worker = undefined;
      const waiting = [...pending.values()];
      pending.clear();
      for (const w of waiting) w.settle(answerLayout(w.request));
    });
    return made;
  } catch {
    inline = true;
    return undefined;
  }
}

/** Positions for the nodes, computed off the page's thread when a worker can be had. */
export async function layOut(
  nodes: LayoutRequest["nodes"],
  flows: LayoutRequest["flows"],
): Promise<Extract<LayoutReply, { positions: unknown }>["positions"]> {
  const request: LayoutRequest = { seq: ++seq, nodes, flows };
  if (!inline) worker ??= spawn();
  const reply = await new Promise<LayoutReply>((settle) => {
    if (!worker) return settle(answerLayout(request));
    pending.set(request.seq, { request, settle });
    worker.postMessage(request);
  });
  if ("error" in reply) throw new Error(reply.error);
  return reply.positions;
}

/** Stops the layouts under way (their promises never settle); the next layout starts a new worker. */
export function stopLayout(): void {
  worker?.terminate();
  worker = undefined;
  pending.clear();
}
