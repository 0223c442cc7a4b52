// A modal dialog: a backdrop that closes it on a click, a box that keeps its own clicks, and
// Escape to close. Its content brings its own title (named by `labelledBy`) and buttons.
import type { ReactNode } from "react";

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
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the dialog; Escape and the dialog's own buttons do the same from the keyboard.
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className={className ? `help ${className}` : "help"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "Escape") onClose();
        }}
      >
        {children}
      </div>
    </div>
  );
}
