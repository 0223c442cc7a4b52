// Keeps the derived state (flows, findings, the current question's verdict) in step with the
// design. The engine runs behind the api; a reply for an older design is thrown away.
import { useEffect } from "react";
import type { FlowQuery } from "../../shared/engine/types";
import { formatProblem } from "../../shared/model";
import { api } from "../api-client";
import { editor, useEditor } from "./store";

export function useEngineSync(): void {
  const design = useEditor((s) => s.history.present);
  useEffect(() => {
    let current = true;
    // Flows and findings are set each as it arrives: the canvas need not wait for the findings.
    const flows = api["engine:flows"]({ design }).then((reply) => {
      if (!current) return;
      editor.set({
        flows: reply.ok ? reply.value : [],
        engineError: reply.ok ? undefined : reply.problems.map(formatProblem).join("\n"),
        // A packet sent through the old rules says nothing about the new ones.
        simulation: undefined,
      });
    });
    void api["engine:findings"]({ design }).then((reply) => {
      if (current) editor.set({ findings: reply.ok ? reply.value : [] });
    });
    void flows.then(async () => {
      const ask = editor.get().ask;
      // The question stays asked across edits: its answer follows the design.
      if (current && ask?.verdict) await evaluate(ask.query, () => current);
    });
    return () => {
      current = false;
    };
  }, [design]);
}

/** Asks the engine whether `query` is permitted, and shows the answer in the Ask tab and on the canvas. */
export async function evaluate(query: FlowQuery, stillWanted: () => boolean = () => true): Promise<void> {
  const design = editor.get().history.present;
  const reply = await api["engine:evaluate"]({ design, query });
  if (!stillWanted()) return;
  editor.set({
    simulation: undefined,
    ask: reply.ok ? { query, verdict: reply.value } : { query, problems: reply.problems },
  });
}
