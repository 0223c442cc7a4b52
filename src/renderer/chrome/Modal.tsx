// A modal dialog: a backdrop that closes it on a click, a box whose own clicks stay inside, and
// Escape to close. Its content brings its own title (named by `labelledBy`) and buttons.
// As a modal should: focus moves into it when it opens, Tab and Shift+Tab stay inside it, Escape
// closes it wherever focus is (even where the element that had it went away), and focus goes
// back where it was when it closes.
import { type ReactNode, useEffect, useRef } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Whether a modal dialog is open: the editor's shortcuts must not act on the design behind it. */
export const modalOpen = (): boolean => document.querySelector(MODAL) !== null;
const MODAL = "[role=dialog][aria-modal=true]";

export function Modal({
  className,
  labelledBy,
  onClose,
  children,
}: {
  className?: string;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const dialog = box.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.contains(document.activeElement)) dialog.focus();
    const onKey = (e: KeyboardEvent) => {
      // Only the topmost dialog answers (a dialog opened from another one).
      const dialogs = document.querySelectorAll(MODAL);
      if (dialogs[dialogs.length - 1] !== dialog) return;
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopImmediatePropagation();
        close.current();
        return;
      }
      if (e.key !== "Tab") return;
      const stops = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      const first = stops[0];
      const last = stops[stops.length - 1];
      if (!first || !last) return;
      const inside = dialog.contains(document.activeElement);
      if (e.shiftKey && (!inside || document.activeElement === first || document.activeElement === dialog)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (!inside || document.activeElement === last)) {
        e.preventDefault();
        first.focus();
      }
    };
    // Capture: before the window's own shortcuts, which would otherwise take Escape and Tab.
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the dialog; Escape and the dialog's own buttons do the same from the keyboard.
    <div
      className="overlay"
      role="presentation"
      onClick={(e) => {
        // The backdrop itself, not a click inside the box that bubbled up to it.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={box}
        className={className ? `help ${className}` : "help"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
      >
        {children}
      </div>
    </div>
  );
}
