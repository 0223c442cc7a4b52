// Key bindings of the whole window, and the DOM's copy/cut/paste events (the native menu's Edit
// roles send those, and they keep working in text fields).
import { useEffect } from "react";
import type { CommandId } from "../../shared/commands";
import { modalOpen } from "../chrome/Modal";
import { COMMANDS, command } from "../commands";
import { matchesKey } from "./keys";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** Handled by the copy/cut/paste events instead of keydown. */
const CLIPBOARD = new Set<CommandId>(["copy", "cut", "paste"]);
/** Commands that still apply while typing in a field or with a modal dialog open. */
const IN_FIELDS = new Set<CommandId>(["save", "saveAs", "open", "help", "ask"]);

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A modal dialog has the keyboard (it closes on Escape itself): Delete or Ctrl+Z pressed
      // while it is open must not change the design hidden behind it.
      const typing = inTextField(e.target) || modalOpen();
      for (const c of COMMANDS) {
        if (CLIPBOARD.has(c.id) || (typing && !IN_FIELDS.has(c.id))) continue;
        // "/" is a character in a field; Ctrl+K (Cmd+K) reaches the question from anywhere.
        if (c.id === "ask" && (modalOpen() || (inTextField(e.target) && e.key === "/"))) continue;
        if (c.keys?.some((k) => matchesKey(k, e, isMac))) {
          // Escape inside a dialog closes that dialog first.
          if (c.id === "escape" && (e.target as HTMLElement | null)?.closest?.("[role=dialog]")) return;
          e.preventDefault();
          void c.run();
          return;
        }
      }
    };
    const onClipboard = (name: "copy" | "cut" | "paste") => (e: ClipboardEvent) => {
      if (modalOpen() || inTextField(e.target) || inTextField(document.activeElement)) return;
      e.preventDefault();
      void command(name).run();
    };
    const onCopy = onClipboard("copy");
    const onCut = onClipboard("cut");
    const onPaste = onClipboard("paste");
    window.addEventListener("keydown", onKey);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCut);
    document.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCut);
      document.removeEventListener("paste", onPaste);
    };
  }, []);
}

export { isMac };
