// ELK runs in a web worker (its own bundled worker script) so a large layout never blocks the UI.
import ELK from "elkjs/lib/elk-api";
import workerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { FlowEdge } from "../../shared/engine/types";
import type { Design, Position } from "../../shared/model";
import { type ElkGraph, positionsOf, toElkGraph } from "./graph";

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutDesign(
  design: Design,
  flows: readonly FlowEdge[],
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): Promise<{ id: string; position: Position }[]> {
  elk ??= new ELK({ workerUrl });
  // ELK's types want its own graph type; ours is a structural subset of it.
  const result = await elk.layout(toElkGraph(design, flows, sizes) as Parameters<typeof elk.layout>[0]);
  return positionsOf(result);
}

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
