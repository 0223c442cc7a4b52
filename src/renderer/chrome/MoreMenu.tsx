// The toolbar's "More" menu. A <details> element opens and closes it from the mouse and the
// keyboard for free; what it lacks is what people expect of a menu: it closes when they click
// elsewhere or press Escape, and the arrow keys move between its items.
import { useEffect, useRef } from "react";
import type { CommandId } from "../../shared/commands";
import { command } from "../commands";

function items(list: HTMLElement | null): HTMLButtonElement[] {
  return list ? Array.from(list.querySelectorAll<HTMLButtonElement>("[role=menuitem]")) : [];
}

export function MoreMenu({ names }: { names: readonly CommandId[] }) {
  const details = useRef<HTMLDetailsElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const close = (event: Event) => {
      const menu = details.current;
      if (menu?.open && !menu.contains(event.target as Node)) menu.open = false;
    };
    document.addEventListener("pointerdown", close, true);
    document.addEventListener("focusin", close, true);
    return () => {
      document.removeEventListener("pointerdown", close, true);
      document.removeEventListener("focusin", close, true);
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const menu = details.current;
    if (!menu?.open) return;
    const buttons = items(list.current);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.preventDefault();
      // The canvas also listens for Escape (to clear the selection): this one is the menu's.
      event.stopPropagation();
      menu.open = false;
      menu.querySelector("summary")?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : buttons.length - 1) : (at + step + buttons.length) % buttons.length;
      buttons[next]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      buttons[event.key === "Home" ? 0 : buttons.length - 1]?.focus();
    }
  };

  return (
    <details className="menu" ref={details} onKeyDown={onKeyDown}>
      <summary aria-haspopup="menu">More</summary>
      <div className="menu__list" role="menu" ref={list}>
        {names.map((n) => (
          <button
            key={n}
            type="button"
            role="menuitem"
            onClick={() => {
              if (details.current) details.current.open = false;
              void command(n).run();
            }}
          >
            {command(n).label}
          </button>
        ))}
      </div>
    </details>
  );
}
