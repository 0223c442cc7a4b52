// Security groups drawn as canvas nodes (the group level of a dense design) keep where the user
// put them: the model gives a group an optional position for exactly this.
import type { Position } from "../../shared/model";
import { defineAction } from "./types";

export const moveGroups = defineAction<{ positions: { id: string; position: Position }[] }>({
  name: "moveGroups",
  label: "Move group",
  perform(design, { positions }) {
    const at = new Map(positions.map((p) => [p.id, { x: Math.round(p.position.x), y: Math.round(p.position.y) }]));
    let changed = false;
    const groups = design.groups.map((g) => {
      const p = at.get(g.id);
      if (!p || (g.position && g.position.x === p.x && g.position.y === p.y)) return g;
      changed = true;
      return { ...g, position: p };
    });
    return changed ? { ...design, groups } : design;
  },
});
