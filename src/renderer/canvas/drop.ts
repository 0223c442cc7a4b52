// A palette item dropped anywhere on the canvas frame: on the canvas itself, or on what shares the
// frame with it (the lesson panel, the level toggle, a canvas drawn at group level). Nothing
// dropped is lost without a word: a node lands where it was dropped when that is on the visible
// canvas, else at the nearest visible spot, and a group dropped beside a node says where to drop it.
import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { addGroup, addGroupTo, attachGroup } from "../actions/groups";
import { addExternal, addResource } from "../actions/nodes";
import { run } from "../state/commands";
import { docState, notify, viewState } from "../state/store";
import { DRAG_TYPE, readPayload } from "./dnd";
import { NODE_WIDTH } from "./FlowEdgeView";
import { landingPoint } from "./landing";

export function acceptsPaletteDrag(e: React.DragEvent): boolean {
  if (!e.dataTransfer.types.includes(DRAG_TYPE)) return false;
  e.preventDefault();
  e.dataTransfer.dropEffect = "copy";
  return true;
}

export function useCanvasDrop(): (e: React.DragEvent) => void {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (e: React.DragEvent) => {
      const payload = readPayload(e.dataTransfer);
      if (!payload) return;
      e.preventDefault();
      const frame = (e.currentTarget as HTMLElement).querySelector(".react-flow")?.getBoundingClientRect();
      const pane = frame ?? (e.currentTarget as HTMLElement).getBoundingClientRect();
      const landing = landingPoint({ x: e.clientX, y: e.clientY }, pane);
      const at = screenToFlowPosition({ x: landing.x, y: landing.y });
      // The node lands centred under the pointer, as it was held.
      const position = { x: Math.round(at.x - NODE_WIDTH / 2), y: Math.round(at.y - 30) };
      const target = (e.target as HTMLElement).closest(".react-flow__node")?.getAttribute("data-id") ?? undefined;
      // Onto an interface's row (an instance with several): that interface; elsewhere on the node, eth0.
      const row = Number((e.target as HTMLElement).closest("[data-device-index]")?.getAttribute("data-device-index"));
      const onInterface = row > 0 ? { deviceIndex: row } : {};
      if (payload.type === "resource" || payload.type === "external") {
        const made =
          payload.type === "resource"
            ? run(addResource, { kind: payload.kind, position }, undefined)
            : run(addExternal, { kind: payload.kind, position });
        // A new node is selected, so the inspector shows it at once.
        const d = docState.get().history.present;
        const added = payload.type === "resource" ? d.resources.at(-1) : d.externals.at(-1);
        if (made && added) {
          viewState.set({ selection: { nodes: [added.id] } });
          if (landing.moved) notify("info", `${added.name} was dropped off the canvas: it is placed at its edge`);
          // My IP stands for an address only its user knows: its field is ready to type into.
          if (payload.type === "external" && payload.kind === "myIp") focusField("CIDRs");
        }
      } else if (payload.type === "group") {
        if (!target) notify("info", "Drop a security group onto a resource to attach it");
        else run(attachGroup, { nodeId: target, groupId: payload.groupId, ...onInterface });
      } else if (payload.type === "newGroup") {
        const made = target ? run(addGroupTo, { nodeId: target, ...onInterface }) : run(addGroup, {});
        // The new group opens in the inspector, ready for its name and rules.
        const group = docState.get().history.present.groups.at(-1);
        if (made && group) viewState.set({ selection: { nodes: [], group: group.id } });
      }
    },
    [screenToFlowPosition],
  );
}

/** Focuses (and selects) the inspector's field of that label once the inspector shows it. */
function focusField(label: string, tries = 10): void {
  // After the drop has settled (the canvas selects and focuses the new node first).
  setTimeout(() => {
    const inspector = document.querySelector('[aria-label="Inspector"]');
    const name = [...(inspector?.querySelectorAll("label") ?? [])].find((l) => l.textContent === label);
    const input = name?.htmlFor ? document.getElementById(name.htmlFor) : null;
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    } else if (tries > 0) focusField(label, tries - 1);
  }, 60);
}
