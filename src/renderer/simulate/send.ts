// "Send a packet": asks the engine to simulate the flow, then the canvas animates it and the Ask
// tab shows the hops. The verdict is the question's answer too, so the timeout marks the node.
import type { FlowQuery } from "../../shared/engine/types";
import { api } from "../api-client";
import { designOrRef } from "../state/engine";
import { editor } from "../state/store";

let seq = 0;

export async function sendPacket(query: FlowQuery): Promise<void> {
  const design = editor.get().history.present;
  const reply = await api["engine:simulate"]({ ...designOrRef(design), query });
  if (editor.get().history.present !== design) return;
  if (!reply.ok) {
    editor.set({ simulation: undefined, ask: { query, problems: reply.problems }, bottomTab: "ask" });
    return;
  }
  editor.set({
    simulation: { sim: reply.value, seq: ++seq },
    ask: { query, verdict: reply.value.verdict },
    bottomTab: "ask",
  });
}
