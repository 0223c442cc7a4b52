// The bar shown while long work is under way: what, how long so far, and Cancel (or Escape).
// Work that ends within a moment never shows it.
import { useEffect, useState } from "react";
import { cancelBusy } from "../state/busy";
import { useView } from "../state/store";

const SHOW_AFTER_MS = 300;

export function BusyBar() {
  const busy = useView((s) => s.busy);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!busy) return;
    setNow(performance.now());
    const tick = setInterval(() => setNow(performance.now()), 250);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && performance.now() - busy.since >= SHOW_AFTER_MS) {
        e.preventDefault();
        cancelBusy();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      clearInterval(tick);
      window.removeEventListener("keydown", onKey);
    };
  }, [busy]);
  if (!busy || now - busy.since < SHOW_AFTER_MS) return null;
  const seconds = Math.floor((now - busy.since) / 1000);
  return (
    <div className="busy" role="status" data-testid="busy">
      <span className="busy-label">{busy.label}…</span>
      <div className="busy-bar" role="progressbar" aria-label={busy.label} aria-valuetext={`${seconds} s so far`}>
        <div />
      </div>
      <span className="busy-time">{seconds} s</span>
      <button type="button" onClick={cancelBusy}>
        Cancel
      </button>
    </div>
  );
}
