// The bottom panel: every permitted flow, the findings, and the Ask form, as tabs.
import { MAX_NODE_FLOWS } from "../../shared/engine/live";
import { type BottomTab, useDerived, useView, viewState } from "../state/store";
import { AskTab } from "./AskTab";
import { FindingsTab } from "./FindingsTab";
import { FlowsTab } from "./FlowsTab";
import { MatrixTab } from "./MatrixTab";

const TABS: { id: BottomTab; label: string }[] = [
  { id: "flows", label: "Flows" },
  { id: "findings", label: "Findings" },
  { id: "ask", label: "Ask" },
  { id: "matrix", label: "Matrix" },
];

export function BottomPanel() {
  const tab = useView((s) => s.bottomTab);
  const flowCount = useDerived((s) => s.flowCount);
  // Past both limits the count stopped early: only "more than" is known.
  const countStopped = useDerived((s) => s.groupFlowsWithheld);
  const findingCount = useDerived((s) => s.findings.length);
  const counts: Partial<Record<BottomTab, number>> = { flows: flowCount, findings: findingCount };
  return (
    <section className="bottom" aria-label="Flows, findings and questions">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={tab === t.id ? "tab is-active" : "tab"}
            onClick={() => viewState.set({ bottomTab: t.id })}
          >
            {t.label}
            {counts[t.id] !== undefined && (
              <span className="tab__count">
                {t.id === "flows" && countStopped
                  ? `${MAX_NODE_FLOWS.toLocaleString("en")}+`
                  : counts[t.id]?.toLocaleString("en")}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="tabpanel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "flows" && <FlowsTab />}
        {tab === "findings" && <FindingsTab />}
        {tab === "ask" && <AskTab />}
        {tab === "matrix" && <MatrixTab />}
      </div>
    </section>
  );
}
