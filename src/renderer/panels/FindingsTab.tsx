// The engine's findings, worst first. Choosing one jumps to it (the group and rule in the
// inspector, the node centred on the canvas); a clear fix is one more click. A region's
// thousands of findings are one scroll: only the rows on screen are drawn.
import { memo, useMemo } from "react";
import type { Finding, Severity } from "../../shared/engine/types";
import { removeRule } from "../actions/rules";
import { centreOn } from "../canvas/centre";
import { fixOf, placeOf } from "../findings/place";
import { proposeFixFor } from "../intents/fix";
import { run } from "../state/commands";
import { docState, useDerived, viewState } from "../state/store";
import { useRowWindow } from "../virtual/useRowWindow";

const ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];

/** Height of one finding (fixed in CSS: one line, the whole message in its title), for drawing only those on screen. */
export const FINDING_ROW = 30;

function jumpTo(f: Finding): void {
  const place = placeOf(docState.get().history.present, f);
  viewState.set({ selection: place.selection, focusRule: place.focusRule });
  if (place.centre) centreOn(place.centre);
}

const keyOf = (f: Finding): string =>
  [f.code, f.groupId, f.direction, f.ruleIndex, f.nodeId, f.intentId, f.message].join("|");

export function FindingsTab() {
  const findings = useDerived((s) => s.findings);
  const sorted = useMemo(
    () => [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity)),
    [findings],
  );
  const { ref, start, end, before, after } = useRowWindow<HTMLUListElement>(sorted.length, FINDING_ROW);
  if (findings.length === 0) return <p className="empty">No findings.</p>;
  return (
    <ul className="findings" ref={ref} style={{ paddingTop: before, paddingBottom: after }}>
      {sorted.slice(start, end).map((f) => (
        <FindingRow key={keyOf(f)} finding={f} />
      ))}
    </ul>
  );
}

const FindingRow = memo(function FindingRow({ finding: f }: { finding: Finding }) {
  const fix = fixOf(f);
  return (
    <li>
      <button type="button" className="finding" title={`${f.title}: ${f.message}`} onClick={() => jumpTo(f)}>
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
            else if (run(removeRule, fix)) viewState.set({ focusRule: undefined });
          }}
        >
          {fix.label}
        </button>
      )}
    </li>
  );
});
