// The nodes a canvas gives React Flow: derived from the design, merged with what React Flow
// changed in them since (measured sizes, a drag in progress, selection by a click).
import type { Node } from "@xyflow/react";
import { useCallback, useRef, useState } from "react";
import { keepMeasured, reuseById, sameNode } from "./reuse";

/**
 * A new derivation is merged while rendering, not in an effect after it: the effect cost a second
 * render and commit of the canvas (and of React Flow's store) after every edit, on the way of the
 * edit's answer from the host. `given` is reuseById's cache of the elements given last time.
 * Returns the nodes and a way to change them (React Flow's own changes).
 */
export function useDerivedNodes<N extends Node>(
  derived: N[],
  given: Map<string, N>,
): readonly [N[], (change: (nodes: N[]) => N[]) => void] {
  const [state, setState] = useState<{ from: N[]; nodes: N[] }>(() => ({ from: derived, nodes: derived }));
  // reuseById updates `given` in place, so a render run twice (StrictMode, or one React throws
  // away) must get the first run's answer, not a second merge that takes every node as given.
  const last = useRef<{ base: N[]; from: N[]; nodes: N[] } | undefined>(undefined);
  let nodes = state.nodes;
  if (state.from !== derived) {
    const seen = last.current;
    nodes =
      seen && seen.base === state.nodes && seen.from === derived
        ? seen.nodes
        : reuseById(state.nodes, derived, sameNode, keepMeasured, given);
    last.current = { base: state.nodes, from: derived, nodes };
    // Adjusting state while rendering: React renders this component again at once, before its children.
    setState({ from: derived, nodes });
  }
  const change = useCallback(
    (how: (nodes: N[]) => N[]) => setState((s) => ({ from: s.from, nodes: how(s.nodes) })),
    [],
  );
  return [nodes, change] as const;
}
