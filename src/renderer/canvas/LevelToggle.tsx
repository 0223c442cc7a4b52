// "Nodes / Groups": which level the canvas draws, and why it switched by itself.
import { editor, useEditor } from "../state/store";
import { canvasLevel, DENSE_EDGES } from "./groupLevel";

export function LevelToggle() {
  const choice = useEditor((s) => s.levelChoice);
  const count = useEditor((s) => s.flows.length);
  const level = canvasLevel(choice, count);
  const auto = choice === undefined && level === "groups";
  return (
    <div className="level-toggle" data-testid="level-toggle">
      <fieldset className="segmented" aria-label="Canvas level">
        {(["nodes", "groups"] as const).map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={level === l}
            className={level === l ? "is-active" : ""}
            onClick={() => editor.set({ levelChoice: l })}
          >
            {l === "nodes" ? "Nodes" : "Groups"}
          </button>
        ))}
      </fieldset>
      {auto && (
        <p className="level-notice" role="status">
          {count.toLocaleString("en")} flows between nodes are too many to draw (over {DENSE_EDGES.toLocaleString("en")}
          ): showing the flows between security groups.
        </p>
      )}
    </div>
  );
}
