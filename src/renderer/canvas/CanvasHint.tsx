// What to do next on a canvas that has not started yet: where nodes come from, and that a drag
// from a node's handle to another node says which traffic should get through (the fastest way to
// rules: Fix writes them).
import { useDerived, useDoc } from "../state/store";

export function CanvasHint() {
  const nodes = useDoc((s) => s.history.present.resources.length + s.history.present.externals.length);
  const intents = useDoc((s) => s.history.present.intents.length);
  const flows = useDerived((s) => s.flowCount);
  if (nodes === 0)
    return (
      <div className="canvas-hint" data-testid="canvas-hint">
        <strong>Start here:</strong> drag an instance and an outside party (the Internet, My IP) from the palette onto
        the canvas. Then drag from a node's <span className="canvas-hint__dot" aria-hidden="true" /> handle to another
        node and pick the traffic that should get through: Fix writes the rules.
      </div>
    );
  if (nodes >= 2 && intents === 0 && flows === 0)
    return (
      <div className="canvas-hint" data-testid="canvas-hint">
        Drag from a node's <span className="canvas-hint__dot" aria-hidden="true" /> handle (its bottom edge) to another
        node to say which traffic should get through; Fix then writes the rules.
      </div>
    );
  return null;
}
