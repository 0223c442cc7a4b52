// The document's life around the editor: what opens at start, the recovery autosave, the
// window's title and unsaved state, native menu commands, and files dropped on the window.
import { useEffect } from "react";
import type { MenuCommand } from "../../shared/api";
import { api, onMenuCommand } from "../api-client";
import { flowInstance } from "../canvas/flowInstance";
import { needsLayout } from "../canvas/toFlow";
import { command, layoutNow } from "../commands";
import { openLesson } from "../exercises/lesson";
import { openDesign, openFiles } from "../file/fileOps";
import { replaceDocument } from "./commands";
import { designOrRef } from "./engine";
import { editor, isDirty, notify, useEditor } from "./store";

/** Autosave waits this long after the last edit, so typing does not write on every key. */
export const AUTOSAVE_DELAY_MS = 1500;

const MENU: Partial<Record<MenuCommand, string>> = {
  "file:new": "new",
  "file:open": "open",
  "file:import": "import",
  "file:import-folder": "importFolder",
  "file:save": "save",
  "file:save-as": "saveAs",
  "file:export-terraform": "exportTerraform",
  "file:export-cloudformation": "exportCloudFormation",
  "file:export-png": "exportPng",
  "file:export-svg": "exportSvg",
  "file:close": "new",
  "edit:undo": "undo",
  "edit:redo": "redo",
  "edit:duplicate": "duplicateSelection",
  "edit:delete": "deleteSelection",
  "view:fit": "fitView",
  "view:zoom-in": "zoomIn",
  "view:zoom-out": "zoomOut",
  "help:shortcuts": "help",
};

export function useLifecycle(): void {
  // Start: the file passed at launch or the example, and any unsaved work to offer back.
  useEffect(() => {
    const before = editor.get();
    void api["app:startup"]({}).then((reply) => {
      if (!reply.ok) return notify("error", reply.problems.map((p) => p.message).join("; "));
      const { open, recovery, warnings } = reply.value;
      // A user who already started (New, Open, a first drop) keeps what they started.
      const untouched = editor.get().history === before.history;
      if (open && untouched) replaceDocument(open.design, open.path);
      if (recovery) editor.set({ recovery });
      if (warnings.length > 0) editor.set({ problems: { title: "At start:", problems: warnings } });
    });
  }, []);

  // Designs that arrive without a layout (imports) are laid out once they are drawn. Others are
  // fitted into view by the canvas that draws them (NodeCanvas, GroupCanvas).
  const design = useEditor((s) => s.history.present);
  const fresh = useEditor((s) => s.history.past.length === 0 && s.history.future.length === 0);
  useEffect(() => {
    if (fresh && needsLayout(design)) {
      const timer = setTimeout(() => void layoutNow(), 50);
      return () => clearTimeout(timer);
    }
  }, [design, fresh]);

  // Recovery autosave of unsaved work.
  const dirty = useEditor(isDirty);
  const path = useEditor((s) => s.path);
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

  // Native menu commands (desktop only).
  useEffect(
    () =>
      onMenuCommand(({ command: name, arg }) => {
        if (name === "file:open-recent" && arg) return void openDesign(arg);
        if (name === "exercises:open") return arg ? void openLesson(arg) : editor.set({ exercisesOpen: true });
        if (name === "view:theme-light") return editor.set({ theme: "light" });
        if (name === "view:theme-dark") return editor.set({ theme: "dark" });
        if (name === "view:theme-system") return editor.set({ theme: "system" });
        if (name === "view:toggle-minimap") return editor.set({ minimap: !editor.get().minimap });
        if (name === "view:toggle-outbound") return editor.set({ showOutbound: !editor.get().showOutbound });
        if (name === "view:zoom-reset") return void flowInstance()?.zoomTo(1);
        if (name === "help:about") return notify("info", "Palisade: a desktop editor for AWS security groups.");
        const mapped = MENU[name];
        if (mapped) void command(mapped).run();
        else notify("info", `${name} is not available in this version`);
      }),
    [],
  );

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
  const theme = useEditor((s) => s.theme);
  useEffect(() => {
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
