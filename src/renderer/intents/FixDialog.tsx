// The engine's fix for an intent, as a diff to read before applying it in one undoable step.
import { useEffect, useRef, useState } from "react";
import type { FixAlternative } from "../../shared/engine/synthesize";
import { Modal } from "../chrome/Modal";
import { useView, viewState } from "../state/store";
import { applyProposedFix } from "./fix";

export function FixDialog() {
  const fix = useView((s) => s.fix);
  const apply = useRef<HTMLButtonElement>(null);
  // The engine's choice first; the alternatives it also found, tightest first, on request.
  const [chosen, setChosen] = useState(0);
  const ready = !!fix?.proposal;
  useEffect(() => {
    if (ready) apply.current?.focus();
  }, [ready]);
  if (!fix) return null;
  const close = () => {
    setChosen(0);
    viewState.set({ fix: undefined });
  };
  const p = fix.proposal;
  const options: FixAlternative[] = p ? [p, ...(p.alternatives ?? [])] : [];
  const option = options[chosen] ?? options[0];
  return (
    <Modal className="fix-dialog" labelledBy="fix-title" onClose={close}>
      <h2 id="fix-title">Proposed fix</h2>
      {!p && !fix.problems && <p className="muted">Asking the engine for the tightest change…</p>}
      {fix.problems && (
        <ul className="error-text">
          {fix.problems.map((x) => (
            <li key={x.message}>{x.message}</li>
          ))}
        </ul>
      )}
      {p && option && (
        <>
          <p data-testid="fix-summary">
            {p.headline}; {option.effect}.
          </p>
          {options.length > 1 && (
            <fieldset className="segmented fix-options" aria-label="Other ways to allow it">
              {options.map((o, i) => (
                <button
                  key={o.diff.join("|")}
                  type="button"
                  aria-pressed={i === chosen}
                  className={i === chosen ? "is-active" : ""}
                  onClick={() => setChosen(i)}
                  title={`${p.headline}; ${o.effect}`}
                >
                  {i === 0 ? "Tightest" : `Option ${i + 1}`}
                </button>
              ))}
            </fieldset>
          )}
          <pre className="diff" data-testid="fix-diff">
            {option.diff.map((line) => (
              <span key={line} className={line.startsWith("-") ? "diff__del" : "diff__add"}>
                {line}
                {"\n"}
              </span>
            ))}
          </pre>
          {chosen === 0 && p.warnings?.length > 0 && (
            <div className="lesson__warning" role="alert">
              <strong>This change is risky:</strong>
              <ul>
                {p.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      <div className="button-row">
        <button
          ref={apply}
          type="button"
          className="primary"
          disabled={!option || option.changes.length === 0}
          onClick={() => {
            if (option) applyProposedFix(option.changes);
            setChosen(0);
          }}
        >
          Apply fix
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
