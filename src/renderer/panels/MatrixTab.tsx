// Reachability at a glance: who reaches whom (rows sources, columns targets, cells the traffic),
// filtered by protocol and port; one node's "who can reach it / what can it reach"; and the flows
// another design file opens or closes. A cell's click asks the question in the Ask tab.
import { memo, useEffect, useMemo, useState } from "react";
import type { MatrixCell, MatrixNode, ReachabilityMatrix } from "../../shared/engine/reachability";
import { api } from "../api-client";
import { type MatrixTable, matrixTable } from "../reach/matrix";
import { compareWithFile } from "../reach/reach";
import { designOrRef, evaluate } from "../state/engine";
import { useDoc, useView, type ViewState, viewState } from "../state/store";
import { useRowWindow } from "../virtual/useRowWindow";

/** Heights of a matrix row and of a line of the reach and compare lists (fixed in CSS), for drawing only those on screen. */
export const MATRIX_ROW = 24;
export const LIST_ROW = 24;

/** The bottom panel scrolls the matrix up and down; the matrix's own box only sideways. */
const panelOf = (list: HTMLElement) => list.closest<HTMLElement>(".tabpanel");

function useFilter() {
  const [protocol, setProtocol] = useState("");
  const [port, setPort] = useState("");
  const portOk = port.trim() === "" || (/^\d+$/.test(port.trim()) && Number(port) <= 65535);
  const filter = {
    ...(protocol ? { protocol } : {}),
    ...(port.trim() !== "" && portOk ? { port: Number(port) } : {}),
  };
  return { protocol, setProtocol, port, setPort, portOk, filter };
}

function askCell(cell: MatrixCell): void {
  const s = cell.services[0];
  const protocol = !s || s.protocol === "-1" ? "tcp" : s.protocol;
  const port =
    s?.protocol === "tcp" || s?.protocol === "udp" ? s.fromPort : !s || s.protocol === "-1" ? 443 : undefined;
  viewState.set({ bottomTab: "ask" });
  void evaluate({ from: cell.from, to: cell.to, protocol, ...(port !== undefined ? { port } : {}) });
}

export function MatrixTab() {
  const design = useDoc((s) => s.history.present);
  const reach = useView((s) => s.reach);
  const compare = useView((s) => s.compare);
  const f = useFilter();
  const key = JSON.stringify(f.filter);
  const [matrix, setMatrix] = useState<ReachabilityMatrix | undefined>();
  const [reachCells, setReachCells] = useState<MatrixCell[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is compared by its key.
  useEffect(() => {
    let current = true;
    void (async () => {
      const filter = f.filter;
      // The held revision when the host has it: a large design is not sent again.
      const m = await api["engine:matrix"]({ ...designOrRef(design), filter });
      const r = reach
        ? await api["engine:reach"]({ ...designOrRef(design), node: reach.node, role: reach.role, filter })
        : undefined;
      if (!current) return;
      setMatrix(m.ok ? m.value : undefined);
      setReachCells(r?.ok ? r.value : undefined);
      const problems = [...(m.ok ? [] : m.problems), ...(r && !r.ok ? r.problems : [])];
      setError(problems.length > 0 ? problems.map((p) => p.message).join("; ") : undefined);
    })();
    return () => {
      current = false;
    };
  }, [design, key, reach]);

  const names = useMemo(
    () => new Map([...design.resources, ...design.externals].map((n) => [n.id, n.name])),
    [design.resources, design.externals],
  );
  const name = (id: string) => names.get(id) || id;
  const table = useMemo(() => (matrix ? matrixTable(matrix) : undefined), [matrix]);
  return (
    <div className="matrix-tab ask">
      <div className="ask__row">
        <label>
          Protocol
          <select aria-label="Matrix protocol" value={f.protocol} onChange={(e) => f.setProtocol(e.target.value)}>
            <option value="">any</option>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="icmp">ICMP</option>
          </select>
        </label>
        <label>
          Port
          <input
            aria-label="Matrix port"
            className="port-input"
            placeholder="any"
            inputMode="numeric"
            value={f.port}
            aria-invalid={!f.portOk}
            onChange={(e) => f.setPort(e.target.value)}
          />
        </label>
        <label className="file-button">
          Compare with file…
          <input
            type="file"
            accept=".json,.tf,.yaml,.yml,.template"
            aria-label="Compare with file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void compareWithFile(file);
              e.target.value = "";
            }}
          />
        </label>
        {reach && (
          <button type="button" onClick={() => viewState.set({ reach: undefined })}>
            Show the whole matrix
          </button>
        )}
      </div>
      {!f.portOk && <p className="field-error">a port is a whole number 0-65535</p>}
      {error && <p className="error-text">{error}</p>}
      {compare && <CompareView name={compare.name} diff={compare.diff} label={name} />}
      {reach && reachCells && (
        <section aria-label="Reachability of one node" data-testid="reach-list">
          <h3>
            {reach.role === "to" ? `Who can reach ${name(reach.node)}` : `What ${name(reach.node)} can reach`}
            {f.filter.port !== undefined ? ` on port ${f.filter.port}` : ""}
          </h3>
          {reachCells.length === 0 && <p className="empty">Nothing, with this filter.</p>}
          <ReachList cells={reachCells} role={reach.role} label={name} />
        </section>
      )}
      {!reach && table && table.rows.length === 0 && (
        <p className="empty">No node reaches another with this traffic.</p>
      )}
      {!reach && table && table.rows.length > 0 && (
        <div className="matrix-scroll">
          <MatrixGrid table={table} />
          {table.hidden > 0 && <p className="muted small">{table.hidden} more rows and columns are not shown.</p>}
        </div>
      )}
      {!reach && matrix?.omitted !== undefined && (
        <p className="muted small" data-testid="matrix-omitted">
          {matrix.omitted.toLocaleString("en")} more pairs reach each other than a table can hold: filter by protocol or
          port, or choose a node and ask who can reach it.
        </p>
      )}
    </div>
  );
}

/** "Who can reach X" / "what X can reach": one line each, only those on screen drawn. */
function ReachList({
  cells,
  role,
  label,
}: {
  cells: readonly MatrixCell[];
  role: "to" | "from";
  label: (id: string) => string;
}) {
  const { ref, start, end, before, after } = useRowWindow<HTMLUListElement>(cells.length, LIST_ROW);
  return (
    <ul className="reach-list" ref={ref} style={{ paddingTop: before, paddingBottom: after }}>
      {cells.slice(start, end).map((c) => (
        <li key={`${c.from}->${c.to}`}>
          <button type="button" className="link" onClick={() => askCell(c)}>
            {label(role === "to" ? c.from : c.to)}
          </button>{" "}
          <span className="muted">{c.label}</span>
        </li>
      ))}
    </ul>
  );
}

function MatrixGrid({ table }: { table: MatrixTable }) {
  const { ref, start, end, before, after } = useRowWindow<HTMLTableSectionElement>(
    table.rows.length,
    MATRIX_ROW,
    panelOf,
  );
  return (
    <table className="matrix" aria-label="Reachability matrix: rows are sources, columns targets">
      <thead>
        <tr>
          <th scope="col" className="matrix__corner">
            from ↓ to →
          </th>
          {table.columns.map((c) => (
            <th scope="col" key={c.id} title={c.id}>
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={ref}>
        {before > 0 && <tr className="spacer" style={{ height: before }} />}
        {table.rows.slice(start, end).map((r) => (
          <MatrixRow key={r.id} row={r} table={table} />
        ))}
        {after > 0 && <tr className="spacer" style={{ height: after }} />}
      </tbody>
    </table>
  );
}

const MatrixRow = memo(function MatrixRow({ row: r, table }: { row: MatrixNode; table: MatrixTable }) {
  return (
    <tr className="matrix__row">
      <th scope="row" title={r.id}>
        {r.name}
      </th>
      {table.columns.map((c) => {
        const cell = table.cell(r.id, c.id);
        return (
          <td key={c.id} className={cell ? "matrix__cell is-open" : "matrix__cell"}>
            {cell ? (
              <button
                type="button"
                title={`Ask: can ${r.name} reach ${c.name}?`}
                data-testid={`cell-${r.id}->${c.id}`}
                onClick={() => askCell(cell)}
              >
                {cell.label}
              </button>
            ) : (
              <span className="muted">·</span>
            )}
          </td>
        );
      })}
    </tr>
  );
});

function CompareView(props: {
  name: string;
  diff: NonNullable<ViewState["compare"]>["diff"];
  label: (id: string) => string;
}) {
  const { diff, label } = props;
  const rows = [
    ...diff.opened.map((c) => ({ c, kind: "opened", text: c.after ?? "" })),
    ...diff.closed.map((c) => ({ c, kind: "closed", text: c.before ?? "" })),
    ...diff.changed.map((c) => ({
      c,
      kind: "changed",
      text: [c.gained.label && `+ ${c.gained.label}`, c.lost.label && `− ${c.lost.label}`].filter(Boolean).join("; "),
    })),
  ];
  return (
    <section className="compare" aria-label="Comparison with another file" data-testid="compare">
      <h3>
        Against {props.name}: {diff.opened.length} opened, {diff.closed.length} closed, {diff.changed.length} changed
        <button type="button" className="link" onClick={() => viewState.set({ compare: undefined })}>
          close
        </button>
      </h3>
      {rows.length === 0 && <p className="empty">The same flows.</p>}
      <CompareList rows={rows} label={label} />
    </section>
  );
}

function CompareList({
  rows,
  label,
}: {
  rows: { c: { from: string; to: string }; kind: string; text: string }[];
  label: (id: string) => string;
}) {
  const { ref, start, end, before, after } = useRowWindow<HTMLUListElement>(rows.length, LIST_ROW);
  return (
    <ul className="compare-list" ref={ref} style={{ paddingTop: before, paddingBottom: after }}>
      {rows.slice(start, end).map(({ c, kind, text }) => (
        <li key={`${kind}-${c.from}->${c.to}`}>
          <span className={`badge badge--${kind === "opened" ? "internet" : kind === "closed" ? "ok" : "external"}`}>
            {kind}
          </span>{" "}
          {label(c.from)} → {label(c.to)} <span className="muted">{text}</span>
        </li>
      ))}
    </ul>
  );
}
