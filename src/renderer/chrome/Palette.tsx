// The left panel: what can be dragged onto the canvas, and the design's security groups, which
// are dragged onto resources to attach them. Every item also works from the keyboard.
import { useReactFlow } from "@xyflow/react";
import { memo, useMemo } from "react";
import { EXTERNAL_KINDS, RESOURCE_KINDS } from "../../shared/model";
import { addGroup } from "../actions/groups";
import { addExternal, addResource, EXTERNAL_TITLES, RESOURCE_TITLES } from "../actions/nodes";
import { type DragPayload, startDrag } from "../canvas/dnd";
import { KindIcon } from "../canvas/icons";
import { otherAccountSummary } from "../inspector/otherAccount";
import { run } from "../state/commands";
import { docState, useDoc, useView, viewState } from "../state/store";
import { useRowWindow } from "../virtual/useRowWindow";

function PaletteItem({
  payload,
  label,
  icon,
  onActivate,
  hint,
}: {
  payload: DragPayload;
  label: string;
  icon: React.ReactNode;
  onActivate: () => void;
  hint: string;
}) {
  return (
    <li>
      <button
        type="button"
        className="palette__item"
        draggable
        onDragStart={(e) => startDrag(e, payload)}
        onClick={onActivate}
        title={hint}
        data-testid={`palette-${"kind" in payload ? payload.kind : payload.type === "group" ? payload.groupId : "new-group"}`}
      >
        <span className="palette__icon">{icon}</span>
        {label}
      </button>
    </li>
  );
}

export function Palette() {
  const flow = useReactFlow();
  // Keyboard and click: add at the middle of the visible canvas, a little apart from the last one.
  const spot = () => {
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    const design = docState.get().history.present;
    const n = design.resources.length + design.externals.length;
    const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
    const p = flow.screenToFlowPosition(center);
    return { x: p.x - 100 + (n % 5) * 24, y: p.y - 60 + (n % 5) * 24 };
  };
  const selectLast = (list: "resources" | "externals") => {
    const added = docState.get().history.present[list].at(-1);
    if (added) viewState.set({ selection: { nodes: [added.id] } });
  };
  return (
    <nav className="palette" aria-label="Palette">
      <h2>Resources</h2>
      <ul>
        {RESOURCE_KINDS.map((kind) => (
          <PaletteItem
            key={kind}
            payload={{ type: "resource", kind }}
            label={RESOURCE_TITLES[kind]}
            icon={<KindIcon kind={kind} />}
            hint="Drag onto the canvas, or press Enter to add"
            onActivate={() => run(addResource, { kind, position: spot() }) && selectLast("resources")}
          />
        ))}
      </ul>
      <h2>External parties</h2>
      <ul>
        {EXTERNAL_KINDS.map((kind) => (
          <PaletteItem
            key={kind}
            payload={{ type: "external", kind }}
            label={EXTERNAL_TITLES[kind]}
            icon={<KindIcon kind={kind} />}
            hint="Drag onto the canvas, or press Enter to add"
            onActivate={() => run(addExternal, { kind, position: spot() }) && selectLast("externals")}
          />
        ))}
      </ul>
      <h2>Security groups</h2>
      <ul>
        <PaletteItem
          payload={{ type: "newGroup" }}
          label="New security group"
          icon={<span className="plus">+</span>}
          hint="Click to create; or drag onto a resource to create and attach"
          onActivate={() => {
            if (run(addGroup, {})) {
              const g = docState.get().history.present.groups.at(-1);
              if (g) viewState.set({ selection: { nodes: [], group: g.id } });
            }
          }}
        />
      </ul>
      <GroupList />
    </nav>
  );
}

/** Height of one group entry (fixed in CSS), for drawing only the entries on screen. */
export const GROUP_ROW = 30;

/** The design's security groups; with thousands of them, only those scrolled into view are drawn. */
function GroupList() {
  const groups = useDoc((s) => s.history.present.groups);
  const resources = useDoc((s) => s.history.present.resources);
  const selectedGroup = useView((s) => s.selection.group);
  const members = useMemo(() => {
    const count = new Map<string, number>();
    for (const r of resources) for (const g of r.groupIds) count.set(g, (count.get(g) ?? 0) + 1);
    return count;
  }, [resources]);
  // Another account's groups are shown as what they are; how many rules name each says why it is here.
  const others = useMemo(() => {
    const placeholders = new Map(
      groups.flatMap((g) => {
        const other = g.otherAccount;
        return other ? [[g.id, other] as const] : [];
      }),
    );
    if (placeholders.size === 0) return undefined;
    const named = new Map<string, number>();
    for (const g of groups)
      for (const r of [...g.ingress, ...g.egress])
        if (r.peer.kind === "group" && placeholders.has(r.peer.groupId))
          named.set(r.peer.groupId, (named.get(r.peer.groupId) ?? 0) + 1);
    return new Map([...placeholders].map(([id, other]) => [id, otherAccountSummary(other, named.get(id) ?? 0)]));
  }, [groups]);
  const { ref, start, end, before, after } = useRowWindow<HTMLUListElement>(groups.length, GROUP_ROW);
  return (
    <ul className="palette__groups" aria-label="Groups" ref={ref} style={{ paddingTop: before, paddingBottom: after }}>
      {groups.slice(start, end).map((g) => (
        <GroupEntry
          key={g.id}
          id={g.id}
          name={g.name}
          members={members.get(g.id) ?? 0}
          ingress={g.ingress.length}
          egress={g.egress.length}
          selected={selectedGroup === g.id}
          {...(others?.has(g.id) ? { otherAccount: others.get(g.id) } : {})}
        />
      ))}
    </ul>
  );
}

const GroupEntry = memo(function GroupEntry(g: {
  id: string;
  name: string;
  members: number;
  ingress: number;
  egress: number;
  selected: boolean;
  /** Set for another account's group: what it is, in a sentence. */
  otherAccount?: string;
}) {
  return (
    <li>
      <button
        type="button"
        className={`palette__item palette__group${g.selected ? " is-selected" : ""}`}
        draggable
        onDragStart={(e) => startDrag(e, { type: "group", groupId: g.id })}
        onClick={() => viewState.set({ selection: { nodes: [], group: g.id } })}
        title={
          g.otherAccount
            ? `${g.otherAccount}. It cannot be attached or given rules here; click to see it`
            : "Drag onto a resource to attach; click to select and highlight its members"
        }
        aria-pressed={g.selected}
        data-testid={`group-${g.id}`}
        data-other-account={g.otherAccount ? "" : undefined}
      >
        <span className="palette__icon">
          <KindIcon kind="group" />
        </span>
        <span className="palette__group-name">{g.name}</span>
        {g.otherAccount ? (
          <span className="muted small">other account</span>
        ) : (
          <span className="muted small">
            {g.members} · {g.ingress}↓ {g.egress}↑
          </span>
        )}
      </button>
    </li>
  );
});
