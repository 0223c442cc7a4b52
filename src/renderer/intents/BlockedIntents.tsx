// Over the canvas: how many intended connections the rules still block, with one button that
// fixes them all (one diff to read, one undoable step).
import { useDerived, useDoc } from "../state/store";
import { proposeFixForAll } from "./fix";
import { unsatisfiedIntentIds } from "./intentEdges";

export function BlockedIntents() {
  const findings = useDerived((s) => s.findings);
  const intents = useDoc((s) => s.history.present.intents);
  const failing = unsatisfiedIntentIds(findings);
  const blocked = intents.filter((i) => failing.has(i.id)).map((i) => i.id);
  if (blocked.length === 0) return null;
  const n = blocked.length;
  return (
    <div className="blocked-intents" role="status" data-testid="blocked-intents">
      <span>
        {n} intended connection{n === 1 ? " is" : "s are"} blocked by the rules
      </span>
      <button type="button" className="primary" onClick={() => void proposeFixForAll(blocked)}>
        {n === 1 ? "Fix it" : `Fix all ${n}`}
      </button>
    </div>
  );
}
