// ELK runs in a web worker (its own bundled worker script) so a large layout never blocks the UI.
// It lays out the group level; the node level has its own tiered layout (layout/tiers.ts).
import ELK from "elkjs/lib/elk-api";
import workerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { Position } from "../../shared/model";
import { type ElkGraph, positionsOf } from "./graph";

let elk: InstanceType<typeof ELK> | undefined;

/** Any graph of ours laid out by ELK (the group level of a dense canvas). */
export async function layoutGraph(graph: ElkGraph): Promise<{ id: string; position: Position }[]> {
  elk ??= new ELK({ workerUrl });
  return positionsOf(await elk.layout(graph as Parameters<typeof elk.layout>[0]));
}

/** Stops a layout under way (its promise never settles); the next layout starts a new worker. */
export function cancelLayout(): void {
  elk?.terminateWorker();
  elk = undefined;
}
