// The right-hand panel: what is selected, editable.
import { deleteSelection, duplicateSelection } from "../actions/selection";
import { run } from "../state/commands";
import { useDerived, useDoc, useView, viewState } from "../state/store";
import { DesignInspector } from "./DesignInspector";
import { EdgeDetails } from "./EdgeDetails";
import { ExternalInspector } from "./ExternalInspector";
import { GroupInspector } from "./GroupInspector";
import { NodeInspector } from "./NodeInspector";

function Body() {
  const design = useDoc((s) => s.history.present);
  const selection = useView((s) => s.selection);
  // The selected flow only, so that new flows after an edit re-render this panel only when that one changed.
  const edge = useView((s) => s.selection.edge);
  const flow = useDerived((s) => (edge ? s.flows.find((f) => f.id === edge) : undefined));
  if (flow) return <EdgeDetails design={design} flow={flow} />;
  if (selection.nodes.length > 1)
    return (
      <div className="inspector__body">
        <h2 className="inspector__title">{selection.nodes.length} selected</h2>
        <div className="button-row">
          <button type="button" onClick={() => run(duplicateSelection, { ids: selection.nodes })}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={() => run(deleteSelection, { ids: selection.nodes })}>
            Delete
          </button>
        </div>
        {selection.nodes.length === 2 ? (
          <>
            <button type="button" className="primary ask-button" onClick={() => viewState.set({ bottomTab: "ask" })}>
              Ask: can the first reach the second?
            </button>
            <button
              type="button"
              className="ask-button"
              // The keyboard's way to what a drag between two nodes does.
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                const [from, to] = selection.nodes as [string, string];
                viewState.set({ intentDraft: { from, to, x: r.left - 300, y: r.top } });
              }}
            >
              Intend a connection from the first to the second…
            </button>
          </>
        ) : (
          <p className="muted">Select two nodes to ask whether one can reach the other.</p>
        )}
      </div>
    );
  const id = selection.nodes[0];
  const resource = id ? design.resources.find((r) => r.id === id) : undefined;
  if (resource) return <NodeInspector key={resource.id} resource={resource} />;
  const external = id ? design.externals.find((e) => e.id === id) : undefined;
  if (external) return <ExternalInspector key={external.id} external={external} />;
  const group = selection.group ? design.groups.find((g) => g.id === selection.group) : undefined;
  if (group) return <GroupInspector key={group.id} group={group} />;
  return <DesignInspector />;
}

export function Inspector() {
  return (
    <aside className="inspector" aria-label="Inspector">
      <Body />
    </aside>
  );
}
