// The matrix as a table: which rows and columns to draw, and each cell's label by pair.
import type { MatrixCell, MatrixNode, ReachabilityMatrix } from "../../shared/engine/reachability";

/** A table wider than this is unreadable; larger designs show the first nodes and say so. */
export const MATRIX_LIMIT = 40;

export interface MatrixTable {
  rows: MatrixNode[];
  columns: MatrixNode[];
  cell: (from: string, to: string) => MatrixCell | undefined;
  /** Nodes left out past MATRIX_LIMIT. */
  hidden: number;
}

/**
 * Rows are the nodes that send something, columns those that receive something; nodes with no
 * flow at all under the filter would only add empty lines, so they are left out.
 */
export function matrixTable(m: ReachabilityMatrix): MatrixTable {
  const byPair = new Map(m.cells.map((c) => [`${c.from}\u0000${c.to}`, c]));
  const senders = new Set(m.cells.map((c) => c.from));
  const receivers = new Set(m.cells.map((c) => c.to));
  const rows = m.nodes.filter((n) => senders.has(n.id));
  const columns = m.nodes.filter((n) => receivers.has(n.id));
  const hidden = Math.max(0, rows.length - MATRIX_LIMIT) + Math.max(0, columns.length - MATRIX_LIMIT);
  return {
    rows: rows.slice(0, MATRIX_LIMIT),
    columns: columns.slice(0, MATRIX_LIMIT),
    cell: (from, to) => byPair.get(`${from}\u0000${to}`),
    hidden,
  };
}
