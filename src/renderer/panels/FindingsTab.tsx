// The engine's findings, worst first; choosing one selects what it is about.
import type { Severity } from "../../shared/engine/types";
import { editor, useEditor } from "../state/store";

const ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];

export function FindingsTab() {
  const findings = useEditor((s) => s.findings);
  if (findings.length === 0) return <p className="empty">No findings.</p>;
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  return (
    <ul className="findings">
      {sorted.map((f) => (
        <li key={[f.code, f.groupId, f.direction, f.ruleIndex, f.nodeId, f.intentId, f.message].join("|")}>
          <button
            type="button"
            className="finding"
            onClick={() => {
              if (f.groupId) editor.set({ selection: { nodes: [], group: f.groupId } });
              else if (f.nodeId) editor.set({ selection: { nodes: [f.nodeId] } });
            }}
          >
            <span className={`badge badge--${f.severity}`}>{f.severity}</span>
            <strong>{f.title}</strong>
            <span className="finding__message">{f.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
