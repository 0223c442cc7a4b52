// Long work the person waits for (opening or importing a large file, exporting, laying out):
// shown with its name, the time so far and a Cancel button (src/renderer/chrome/BusyBar.tsx).
// Cancelling stops waiting at once, drops whatever the work would have brought, and asks
// whoever does the work to stop (the host's files worker, the layout worker).
import { notify, viewState } from "./store";

export type Outcome<T> = { done: true; value: T } | { done: false };

let seq = 0;
const cancels = new Map<number, () => void>();

export async function longWork<T>(label: string, work: () => Promise<T>, stop?: () => void): Promise<Outcome<T>> {
  const id = ++seq;
  viewState.set({ busy: { label, seq: id, since: performance.now() } });
  const cancelled = new Promise<Outcome<T>>((resolve) => {
    cancels.set(id, () => {
      stop?.();
      resolve({ done: false });
    });
  });
  try {
    return await Promise.race([work().then((value): Outcome<T> => ({ done: true, value })), cancelled]);
  } finally {
    cancels.delete(id);
    if (viewState.get().busy?.seq === id) viewState.set({ busy: undefined });
  }
}

/** Cancels the work shown; the design stays as it was. */
export function cancelBusy(): void {
  const busy = viewState.get().busy;
  const cancel = busy && cancels.get(busy.seq);
  if (!busy || !cancel) return;
  cancel();
  notify("info", `${busy.label}: cancelled; the design is unchanged`);
}
