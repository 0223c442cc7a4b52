// "Nodes / Groups": which level the canvas draws, and why it switched by itself; at either level, whether the flows outbound-to-anywhere markers stand for are drawn as lines.

import { MAX_GROUP_FLOWS, MAX_NODE_FLOWS } from "../../shared/engine/live";
import { useDerived, useView, viewState } from "../state/store";
import { canvasLevel, DENSE_EDGES } from "./groupLevel";

export function LevelToggle() {
  const choice = useView((s) => s.levelChoice);
  const count = useDerived((s) => s.flowCount);
  const withheld = useDerived((s) => s.flowsWithheld);
  const groupsWithheld = useDerived((s) => s.groupFlowsWithheld);
  const level = canvasLevel(choice, count, withheld);
  const auto = (choice === undefined || withheld) && level === "groups";
  const showOutbound = useView((s) => s.showOutbound);
  return (
    <div className="level-toggle" data-testid="level-toggle">
      <div className="level-toggle__row">
        <fieldset className="segmented" aria-label="Canvas level">
          {(["nodes", "groups"] as const).map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={level === l}
              // Node flows the engine withheld (too many to send) cannot be drawn one by one.
              disabled={withheld && l === "nodes"}
              className={level === l ? "is-active" : ""}
              onClick={() => viewState.set({ levelChoice: l })}
            >
              {l === "nodes" ? "Nodes" : "Groups"}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className={`outbound-toggle${showOutbound ? " is-active" : ""}`}
          aria-pressed={showOutbound}
          title="Flows that a node's (or a group's) outbound to anywhere (AWS's default egress) alone allows, to the Internet and other outside parties: drawn as lines, or as a marker on the node. The Flows tab lists them all either way."
          onClick={() => viewState.set({ showOutbound: !showOutbound })}
        >
          ↗ Outbound-to-anywhere lines
        </button>
      </div>
      {auto && (
        <p className="level-notice" role="status">
          {groupsWithheld
            ? `More than ${MAX_NODE_FLOWS.toLocaleString("en")} flows between nodes, and more than ${MAX_GROUP_FLOWS.toLocaleString("en")} between security groups: too many to draw. The groups are shown without their flows.`
            : `${count.toLocaleString("en")} flows between nodes are too many to draw (over ${DENSE_EDGES.toLocaleString("en")}): showing the flows between security groups.`}
          {withheld && " Ask about any two nodes in the Ask tab, or see who reaches whom in the Matrix."}
        </p>
      )}
    </div>
  );
}
