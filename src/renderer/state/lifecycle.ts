// The document's life around the editor: what opens at start, the recovery autosave, the
// window's title and unsaved state, native menu commands, and files dropped on the window.
import { useEffect } from "react";
import { api, onMenuCommand } from "../api-client";
import { command, layoutNow } from "../commands";
import { openFiles } from "../file/fileOps";
import { arrival } from "./arrival";
import { heldAs, replaceDocument } from "./commands";
import { designOrRef, engineSync } from "./engine";
import { docState, isDirty, notify, useDoc, useView, viewState } from "./store";

/** Autosave waits this long after the last edit, so typing does not write on every key. */
export const AUTOSAVE_DELAY_MS = 1500;

export function useLifecycle(): void {
  // Start: the file passed at launch or the example, and any unsaved work to offer back. The
  // host holds both as the documents named here, so neither is sent back.
  useEffect(() => {
    const before = docState.get();
    const first = engineSync.newDocument();
    const recovered = engineSync.newDocument();
    void api["app:startup"]({ open: first, recovery: recovered }).then((reply) => {
      if (!reply.ok) return notify("error", reply.problems.map((p) => p.message).join("; "));
      const { open, recovery, warnings } = reply.value;
      // A user who already started (New, Open, a first drop) keeps what they started.
      const untouched = docState.get().history === before.history;
      if (open && untouched) replaceDocument(open.design, open.path, open.design, heldAs(first, open.held));
      else engineSync.discard(first);
      if (recovery) {
        const { held, ...offered } = recovery;
        viewState.set({ recovery: { ...offered, ...(held ? { held: { id: recovered, held } } : {}) } });
      }
      if (warnings.length > 0) viewState.set({ problems: { title: "At start:", problems: warnings } });
    });
  }, []);

  // A document that arrives without a layout (an import) is laid out once it is drawn (arrival.ts
  // decides; the canvas fits the others).
  const design = useDoc((s) => s.history.present);
  const layout = useDoc((s) => arrival(s) === "layout");
  // biome-ignore lint/correctness/useExhaustiveDependencies: laid out again when another document arrives.
  useEffect(() => {
    if (layout) {
      const timer = setTimeout(() => void layoutNow(), 50);
      return () => clearTimeout(timer);
    }
  }, [design, layout]);

  // Recovery autosave of unsaved work.
  const dirty = useDoc(isDirty);
  const path = useDoc((s) => s.path);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each edit restarts the wait (the design is read when it ends).
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(
      // The held revision when the host has it: a large design is not sent (and checked) again.
      () => void api["recovery:write"]({ ...designOrRef(), ...(path ? { path } : {}) }),
      AUTOSAVE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [design, dirty, path]);

  // The window's title and close prompt follow the document.
  useEffect(() => {
    document.title = `${dirty ? "● " : ""}${design.name} — Palisade`;
    void api["window:state"]({ name: design.name.slice(0, 255), ...(path ? { path } : {}), dirty });
  }, [design.name, dirty, path]);

  // Native menu commands (desktop only): the same commands as the page's own keys and buttons.
  useEffect(() => onMenuCommand(({ command: id, arg }) => void command(id).run(arg)), []);

  // A file dropped anywhere on the window opens (a design) or imports (Terraform, CloudFormation, CLI JSON).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      void openFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, []);

  // Theme: the system's unless the menu chose one.
  const theme = useView((s) => s.theme);
  useEffect(() => {
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
