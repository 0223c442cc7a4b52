// "Send a packet": asks the engine to simulate the flow, then the canvas animates it and the Ask
// tab shows the hops. The verdict is the question's answer too, so the timeout marks the node.
import type { FlowQuery } from "../../shared/engine/types";
import { api } from "../api-client";
import { designOrRef } from "../state/engine";
import { docState, viewState } from "../state/store";

let seq = 0;

export async function sendPacket(query: FlowQuery): Promise<void> {
  const design = docState.get().history.present;
  const reply = await api["engine:simulate"]({ ...designOrRef(design), query });
  if (docState.get().history.present !== design) return;
  if (!reply.ok) {
    viewState.set({ simulation: undefined, ask: { query, problems: reply.problems }, bottomTab: "ask" });
    return;
  }
  viewState.set({
    simulation: { sim: reply.value, seq: ++seq },
    ask: { query, verdict: reply.value.verdict },
    bottomTab: "ask",
  });
}
