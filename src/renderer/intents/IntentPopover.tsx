// After a connection is drawn between two nodes: which traffic is intended? Presets for the
// usual services, or a protocol and port of one's own. Saved as an intent on the design.
import { useEffect, useRef, useState } from "react";
import { addIntent } from "../actions/intents";
import { run } from "../state/commands";
import { useDoc, useView, viewState } from "../state/store";

const PRESETS = [
  ["HTTPS", "tcp", 443],
  ["HTTP", "tcp", 80],
  ["SSH", "tcp", 22],
  ["PostgreSQL", "tcp", 5432],
  ["MySQL", "tcp", 3306],
  ["Redis", "tcp", 6379],
  ["DNS", "udp", 53],
] as const;

export function IntentPopover() {
  const draft = useView((s) => s.intentDraft);
  const design = useDoc((s) => s.history.present);
  const [protocol, setProtocol] = useState("tcp");
  const [port, setPort] = useState("443");
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (draft) first.current?.focus();
  }, [draft]);
  if (!draft) return null;
  const name = (id: string) => [...design.resources, ...design.externals].find((n) => n.id === id)?.name || id;
  const close = () => viewState.set({ intentDraft: undefined });
  const needsPort = protocol === "tcp" || protocol === "udp";
  const portOk = !needsPort || (/^\d+$/.test(port.trim()) && Number(port) <= 65535);
  const create = (p: string, n?: number) => {
    if (run(addIntent, { from: draft.from, to: draft.to, protocol: p, ...(n !== undefined ? { port: n } : {}) }))
      close();
  };
  return (
    <div
      className="intent-popover"
      role="dialog"
      aria-label="Intended connection"
      style={{ left: Math.min(draft.x, window.innerWidth - 300), top: Math.min(draft.y, window.innerHeight - 260) }}
      onKeyDown={(e) => {
        if (e.key === "Escape") close();
      }}
    >
      <h2>
        {name(draft.from)} → {name(draft.to)}
      </h2>
      <p className="muted small">Which traffic should get through?</p>
      <div className="intent-popover__presets">
        {PRESETS.map(([label, p, n], i) => (
          <button key={label} ref={i === 0 ? first : undefined} type="button" onClick={() => create(p, n)}>
            {label} <span className="muted">{n}</span>
          </button>
        ))}
      </div>
      <form
        className="intent-popover__custom"
        onSubmit={(e) => {
          e.preventDefault();
          if (portOk) create(protocol, needsPort ? Number(port) : undefined);
        }}
      >
        <select aria-label="Intent protocol" value={protocol} onChange={(e) => setProtocol(e.target.value)}>
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
          <option value="icmp">ICMP</option>
          <option value="-1">All traffic</option>
        </select>
        {needsPort && (
          <input
            aria-label="Intent port"
            className="port-input"
            inputMode="numeric"
            value={port}
            aria-invalid={!portOk}
            onChange={(e) => setPort(e.target.value)}
          />
        )}
        <button type="submit" className="primary" disabled={!portOk}>
          Add
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </form>
    </div>
  );
}
