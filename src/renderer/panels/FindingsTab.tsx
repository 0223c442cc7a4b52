// The engine's findings, worst first. Choosing one jumps to it (the group and rule in the
// inspector, the node centred on the canvas); a clear fix is one more click.
import { useMemo } from "react";
import type { Finding, Severity } from "../../shared/engine/types";
import { removeRule } from "../actions/rules";
import { centreOn } from "../canvas/centre";
import { fixOf, placeOf } from "../findings/place";
import { proposeFixFor } from "../intents/fix";
import { run } from "../state/commands";
import { editor, useEditor } from "../state/store";

const ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];

function jumpTo(f: Finding): void {
  const place = placeOf(editor.get().history.present, f);
  editor.set({ selection: place.selection, focusRule: place.focusRule });
  if (place.centre) centreOn(place.centre);
}

export function FindingsTab() {
  const findings = useEditor((s) => s.findings);
  const sorted = useMemo(
    () => [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity)),
    [findings],
  );
  if (findings.length === 0) return <p className="empty">No findings.</p>;
  return (
    <ul className="findings">
      {sorted.map((f) => {
        const fix = fixOf(f);
        return (
          <li key={[f.code, f.groupId, f.direction, f.ruleIndex, f.nodeId, f.intentId, f.message].join("|")}>
            <button type="button" className="finding" onClick={() => jumpTo(f)}>
              <span className={`badge badge--${f.severity}`}>{f.severity}</span>
              <strong>{f.title}</strong>
              <span className="finding__message">{f.message}</span>
            </button>
            {fix && (
              <button
                type="button"
                className="finding__fix"
                onClick={() => {
                  if (fix.kind === "intent") void proposeFixFor(fix.intentId);
                  else if (run(removeRule, fix)) editor.set({ focusRule: undefined });
                }}
              >
                {fix.label}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
