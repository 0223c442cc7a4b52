// Every permitted flow as a table row; choosing one selects its edge on the canvas.
import { editor, useEditor } from "../state/store";

export function FlowsTab() {
  const flows = useEditor((s) => s.flows);
  const design = useEditor((s) => s.history.present);
  const selected = useEditor((s) => s.selection.edge);
  const engineError = useEditor((s) => s.engineError);
  const name = (id: string) => [...design.resources, ...design.externals].find((n) => n.id === id)?.name ?? id;
  if (engineError) return <p className="error-text">{engineError}</p>;
  if (flows.length === 0)
    return <p className="empty">No permitted flows yet. Attach security groups and add rules to see them.</p>;
  return (
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
        {flows.map((f) => (
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
  );
}
