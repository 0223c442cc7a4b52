// Every permitted flow as a table row; choosing one selects its edge on the canvas. Thousands of
// flows are one scroll: only the rows on screen are drawn.
import { memo, useMemo } from "react";
import { MAX_NODE_FLOWS } from "../../shared/engine/live";
import type { FlowEdge } from "../../shared/engine/types";
import { useDerived, useDoc, useView, viewState } from "../state/store";
import { useRowWindow } from "../virtual/useRowWindow";
import { nextStep } from "./nextStep";

/** Height of one row (fixed in CSS), for drawing only the rows on screen. */
export const FLOW_ROW = 26;

export function FlowsTab() {
  const flows = useDerived((s) => s.flows);
  const design = useDoc((s) => s.history.present);
  const selected = useView((s) => s.selection.edge);
  const selectedNodes = useView((s) => s.selection.nodes);
  const engineError = useDerived((s) => s.engineError);
  const withheld = useDerived((s) => s.flowsWithheld);
  const count = useDerived((s) => s.flowCount);
  const groupsWithheld = useDerived((s) => s.groupFlowsWithheld);
  const names = useMemo(
    () => new Map([...design.resources, ...design.externals].map((n) => [n.id, n.name])),
    [design.resources, design.externals],
  );
  // The unknowns (var.x, data.…, a range without a value) whose rules, given by an imported file, permit a flow.
  const dependsOn = useDerived((s) => s.dependsOn);
  // With nodes selected, their flows; otherwise all of them.
  const shown = useMemo(() => {
    if (selectedNodes.length === 0) return flows;
    const want = new Set(selectedNodes);
    return flows.filter((f) => want.has(f.from) || want.has(f.to));
  }, [flows, selectedNodes]);
  const { ref, start, end, before, after } = useRowWindow<HTMLTableSectionElement>(shown.length, FLOW_ROW);
  if (engineError) return <p className="error-text">{engineError}</p>;
  if (withheld)
    return (
      <p className="empty" data-testid="flows-withheld">
        {groupsWithheld ? `More than ${MAX_NODE_FLOWS.toLocaleString("en")}` : count.toLocaleString("en")} pairs of
        nodes may talk: too many to list one by one.{" "}
        {groupsWithheld
          ? "They are too many to draw between security groups as well."
          : "The canvas shows them between security groups."}{" "}
        Ask about any two nodes in the Ask tab, or see who reaches whom in the Matrix.
      </p>
    );
  if (flows.length === 0)
    return (
      <p className="empty" data-testid="flows-empty">
        No permitted flows yet. {nextStep(design)}
      </p>
    );
  return (
    <>
      {selectedNodes.length > 0 && (
        <p className="muted small">{`${shown.length} of ${flows.length} flows, those of the selection`}</p>
      )}
      <table className="table table--rows">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Traffic</th>
            <th scope="col">Exposure</th>
          </tr>
        </thead>
        <tbody ref={ref}>
          {before > 0 && <tr className="spacer" style={{ height: before }} />}
          {shown.slice(start, end).map((f) => (
            <FlowRow
              key={f.id}
              flow={f}
              from={names.get(f.from) ?? f.from}
              to={names.get(f.to) ?? f.to}
              selected={f.id === selected}
              dependsOn={(dependsOn[f.id] ?? []).join(", ")}
            />
          ))}
          {after > 0 && <tr className="spacer" style={{ height: after }} />}
        </tbody>
      </table>
    </>
  );
}

const FlowRow = memo(function FlowRow({
  flow: f,
  from,
  to,
  selected,
  dependsOn,
}: {
  flow: FlowEdge;
  from: string;
  to: string;
  selected: boolean;
  /** The unknowns it depends on, as text ("" when none). */
  dependsOn: string;
}) {
  return (
    <tr
      className={selected ? "is-selected" : ""}
      tabIndex={0}
      onClick={() => viewState.set({ selection: { nodes: [], edge: f.id } })}
      onKeyDown={(e) => {
        if (e.key === "Enter") viewState.set({ selection: { nodes: [], edge: f.id } });
      }}
    >
      <td>{from}</td>
      <td>{to}</td>
      <td title={f.label}>
        {f.label}
        {dependsOn && (
          <span
            className="badge badge--unknown"
            data-testid="flow-depends-on"
            title={`Permitted by rules that name ${dependsOn}, which an imported file names but does not define: its value or its other rules are unknown`}
          >
            depends on {dependsOn}
          </span>
        )}
      </td>
      <td>
        <span className={`badge badge--${f.exposure}`}>{f.exposure}</span>
      </td>
    </tr>
  );
});
