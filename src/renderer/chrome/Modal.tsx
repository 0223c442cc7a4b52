// A modal dialog: a backdrop that closes it on a click, a box whose own clicks stay inside, and
// Escape to close. Its content brings its own title (named by `labelledBy`) and buttons.
import { type ReactNode, useEffect, useRef } from "react";

/** Whether a modal dialog is open: the editor's shortcuts must not act on the design behind it. */
export const modalOpen = (): boolean => document.querySelector("[role=dialog][aria-modal=true]") !== null;

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
  // Escape closes it wherever the focus is: a click on its text, or a keystroke before its first
  // button took the focus, leaves the focus outside the box.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      close.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the dialog; Escape and the dialog's own buttons do the same from the keyboard.
    <div className="overlay" role="presentation" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={className ? `help ${className}` : "help"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
      >
        {children}
      </div>
    </div>
  );
}
