// The engine's fix for an intent, as a diff to read before applying it in one undoable step.
import { useEffect, useRef } from "react";
import { editor, useEditor } from "../state/store";
import { applyProposedFix } from "./fix";

export function FixDialog() {
  const fix = useEditor((s) => s.fix);
  const apply = useRef<HTMLButtonElement>(null);
  const ready = !!fix?.proposal;
  useEffect(() => {
    if (ready) apply.current?.focus();
  }, [ready]);
  if (!fix) return null;
  const close = () => editor.set({ fix: undefined });
  const p = fix.proposal;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the dialog; Escape and Cancel do the same from the keyboard.
    <div className="overlay" role="presentation" onClick={close}>
      <div
        className="help fix-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="fix-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
        }}
      >
        <h2 id="fix-title">Proposed fix</h2>
        {!p && !fix.problems && <p className="muted">Asking the engine for the tightest change…</p>}
        {fix.problems && (
          <ul className="error-text">
            {fix.problems.map((x) => (
              <li key={x.message}>{x.message}</li>
            ))}
          </ul>
        )}
        {p && (
          <>
            <p>{p.summary}</p>
            <pre className="diff" data-testid="fix-diff">
              {p.diff.map((line) => (
                <span key={line} className={line.startsWith("-") ? "diff__del" : "diff__add"}>
                  {line}
                  {"\n"}
                </span>
              ))}
            </pre>
          </>
        )}
        <div className="button-row">
          <button
            ref={apply}
            type="button"
            className="primary"
            disabled={!p || p.changes.length === 0}
            onClick={applyProposedFix}
          >
            Apply fix
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
