// What floats over the editor: notices, a file's problems, the recovery offer, the Help overlay.
import { useEffect, useRef } from "react";
import { formatProblem } from "../../shared/model";
import { api } from "../api-client";
import { COMMANDS } from "../commands";
import { replaceDocument } from "../state/commands";
import { engineSync } from "../state/engine";
import { isMac } from "../state/keyboard";
import { keyLabel } from "../state/keys";
import { docState, useView, viewState } from "../state/store";
import { Modal } from "./Modal";

export function NoticeView() {
  const notice = useView((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const seq = notice.seq;
    const timer = setTimeout(
      () => {
        if (viewState.get().notice?.seq === seq) viewState.set({ notice: undefined });
      },
      notice.kind === "error" ? 7000 : 3000,
    );
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="notice-area" aria-live="polite">
      {notice && (
        <div
          className={`notice notice--${notice.kind}`}
          role={notice.kind === "error" ? "alert" : "status"}
          data-testid="notice"
        >
          {notice.text}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => viewState.set({ notice: undefined })}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function ProblemsPanel() {
  const problems = useView((s) => s.problems);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (problems) close.current?.focus();
  }, [problems]);
  if (!problems) return null;
  return (
    <div className="problems" role="dialog" aria-modal="false" aria-labelledby="problems-title" data-testid="problems">
      <div className="problems__head">
        <h2 id="problems-title">{problems.title}</h2>
        <button ref={close} type="button" onClick={() => viewState.set({ problems: undefined })}>
          Dismiss
        </button>
      </div>
      <ul>
        {problems.problems.map((p) => (
          <li
            key={`${p.file}:${p.line}:${p.column}:${p.path}:${p.message}`}
            className={p.severity === "warning" ? "is-warning" : "is-error"}
          >
            <code>{formatProblem(p)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RecoveryBanner() {
  const recovery = useView((s) => s.recovery);
  if (!recovery) return null;
  const when = new Date(recovery.savedAt);
  return (
    <section className="banner" aria-label="Recovered work" data-testid="recovery">
      <span>
        Unsaved work on <strong>{recovery.design.name}</strong> from{" "}
        {Number.isNaN(when.getTime()) ? recovery.savedAt : when.toLocaleString()} was recovered.
      </span>
      <button
        type="button"
        className="primary"
        onClick={() => {
          // Restored as unsaved: the file on disk (if any) is still the older version. The host
          // read it at start and holds it: it is not sent back.
          replaceDocument(recovery.design, recovery.path, docState.get().saved, recovery.held);
          viewState.set({ recovery: undefined });
        }}
      >
        Restore
      </button>
      <button
        type="button"
        onClick={() => {
          viewState.set({ recovery: undefined });
          if (recovery.held) engineSync.discard(recovery.held.id);
          void api["recovery:clear"]({});
        }}
      >
        Discard
      </button>
    </section>
  );
}

export function HelpOverlay() {
  const open = useView((s) => s.helpOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  const shortcuts = COMMANDS.filter((c) => c.keys && c.keys.length > 0);
  return (
    <Modal labelledBy="help-title" onClose={() => viewState.set({ helpOpen: false })}>
      <div className="help__head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button ref={close} type="button" onClick={() => viewState.set({ helpOpen: false })}>
          Close
        </button>
      </div>
      <table className="table">
        <tbody>
          {shortcuts.map((c) => (
            <tr key={c.id}>
              <td>{c.label}</td>
              <td>
                {c.keys?.map((k) => (
                  <kbd key={k}>{keyLabel(k, isMac)}</kbd>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <td>Select several nodes</td>
            <td>
              <kbd>{isMac ? "⌘" : "Ctrl"}</kbd>-click, or <kbd>Shift</kbd>-drag a box
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        Drag a node kind from the palette onto the canvas; drag a security group onto a resource to attach it; the × on
        a group chip detaches it.
      </p>
    </Modal>
  );
}
