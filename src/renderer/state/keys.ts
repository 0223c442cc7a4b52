// Key bindings written as "Mod+Shift+Z": Mod is Cmd on a Mac and Ctrl elsewhere.

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesKey(binding: string, e: KeyPress, isMac: boolean): boolean {
  const parts = binding.split("+");
  const key = parts.pop() ?? "";
  const mods = new Set(parts);
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const other = isMac ? e.ctrlKey : e.metaKey;
  if (mods.has("Mod") !== mod || other) return false;
  if (mods.has("Shift") !== e.shiftKey || mods.has("Alt") !== e.altKey) return false;
  return e.key.toLowerCase() === key.toLowerCase();
}

/** How a binding reads in the Help overlay on this platform. */
export function keyLabel(binding: string, isMac: boolean): string {
  return binding
    .split("+")
    .map((p) => (p === "Mod" ? (isMac ? "⌘" : "Ctrl") : p === "Shift" && isMac ? "⇧" : p))
    .join(isMac ? "" : "+");
}
