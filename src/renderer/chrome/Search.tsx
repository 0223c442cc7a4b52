// Search by name: Enter selects every node whose name contains the text and frames them.
import { useState } from "react";
import { flowInstance } from "../canvas/flowInstance";
import { useDoc, viewState } from "../state/store";

export function Search() {
  const design = useDoc((s) => s.history.present);
  const [text, setText] = useState("");
  const needle = text.trim().toLowerCase();
  const matches = needle
    ? [...design.externals, ...design.resources].filter((n) => n.name.toLowerCase().includes(needle))
    : [];
  return (
    <form
      className="search"
      aria-label="Search"
      onSubmit={(e) => {
        e.preventDefault();
        if (matches.length === 0) return;
        viewState.set({ selection: { nodes: matches.map((m) => m.id) } });
        void flowInstance()?.fitView({
          nodes: matches.map((m) => ({ id: m.id })),
          padding: 0.4,
          maxZoom: 1.5,
          duration: 200,
        });
      }}
    >
      <input
        id="search"
        type="search"
        placeholder="Search by name"
        aria-label="Search nodes by name"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setText("");
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
      {needle && <span className="search__count">{matches.length}</span>}
    </form>
  );
}
