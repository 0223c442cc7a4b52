// Every permitted flow as a table row; choosing one selects its edge on the canvas.
import { useMemo } from "react";
import { editor, useEditor } from "../state/store";

/** Rows drawn at once; a person reads a few hundred flows, and a node's own are a click away. */
export const FLOW_ROWS = 300;

export function FlowsTab() {
  const flows = useEditor((s) => s.flows);
  const design = useEditor((s) => s.history.present);
  const selected = useEditor((s) => s.selection.edge);
  const selectedNodes = useEditor((s) => s.selection.nodes);
  const engineError = useEditor((s) => s.engineError);
  const names = useMemo(
    () => new Map([...design.resources, ...design.externals].map((n) => [n.id, n.name])),
    [design.resources, design.externals],
  );
  // With nodes selected, their flows; otherwise all of them.
  const shown = useMemo(() => {
    if (selectedNodes.length === 0) return flows;
    const want = new Set(selectedNodes);
    return flows.filter((f) => want.has(f.from) || want.has(f.to));
  }, [flows, selectedNodes]);
  if (engineError) return <p className="error-text">{engineError}</p>;
  if (flows.length === 0)
    return <p className="empty">No permitted flows yet. Attach security groups and add rules to see them.</p>;
  const name = (id: string) => names.get(id) ?? id;
  return (
    <>
      {(selectedNodes.length > 0 || shown.length > FLOW_ROWS) && (
        <p className="muted small">
          {selectedNodes.length > 0 ? `${shown.length} of ${flows.length} flows, those of the selection` : ""}
          {shown.length > FLOW_ROWS
            ? ` Showing the first ${FLOW_ROWS} of ${shown.length}; select a node to see its own.`
            : ""}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Traffic</th>
            <th scope="col">Exposure</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, FLOW_ROWS).map((f) => (
            <tr
              key={f.id}
              className={f.id === selected ? "is-selected" : ""}
              tabIndex={0}
              onClick={() => editor.set({ selection: { nodes: [], edge: f.id } })}
              onKeyDown={(e) => {
                if (e.key === "Enter") editor.set({ selection: { nodes: [], edge: f.id } });
              }}
            >
              <td>{name(f.from)}</td>
              <td>{name(f.to)}</td>
              <td>{f.label}</td>
              <td>
                <span className={`badge badge--${f.exposure}`}>{f.exposure}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
