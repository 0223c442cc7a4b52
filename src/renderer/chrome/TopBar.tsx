// The title bar of the document and the commands a person reaches for most.
import type { CommandId } from "../../shared/commands";
import { command } from "../commands";
import { canRedo, canUndo } from "../state/history";
import { isDirty, useDoc, viewState } from "../state/store";
import { MoreMenu } from "./MoreMenu";
import { Search } from "./Search";

function CommandButton({
  name,
  label,
  disabled,
  icon,
}: {
  name: CommandId;
  label?: string;
  disabled?: boolean;
  icon?: string;
}) {
  const c = command(name);
  const keys = c.keys?.[0] ? ` (${c.keys[0].replace("Mod", "Ctrl/⌘")})` : "";
  return (
    <button
      type="button"
      onClick={() => void c.run()}
      disabled={disabled}
      title={`${c.label}${keys}`}
      aria-label={c.label}
    >
      {icon && <span aria-hidden="true">{icon}</span>}
      {label}
    </button>
  );
}

export function TopBar() {
  const name = useDoc((s) => s.history.present.name);
  const dirty = useDoc(isDirty);
  const path = useDoc((s) => s.path);
  const undoable = useDoc((s) => canUndo(s.history));
  const redoable = useDoc((s) => canRedo(s.history));
  const undoLabel = useDoc((s) => s.history.label);
  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        ▦ Palisade
      </div>
      <div className="doc-title" data-testid="doc-title" title={path ?? "not saved to a file yet"}>
        <span className="doc-title__name">{name}</span>
        {dirty && (
          <span className="dirty" role="img" aria-label="unsaved changes" title="Unsaved changes">
            ●
          </span>
        )}
      </div>
      <div className="toolbar" role="toolbar" aria-label="Commands">
        <CommandButton name="new" label="New" />
        <CommandButton name="open" label="Open" />
        <CommandButton name="save" label="Save" />
        <MoreMenu
          names={[
            "saveAs",
            "import",
            "importFolder",
            "exportTerraform",
            "exportCloudFormation",
            "exportPng",
            "exportSvg",
            "exampleHttpServer",
            "exampleThreeTier",
          ]}
        />
        <span className="sep" />
        <button
          type="button"
          onClick={() => void command("undo").run()}
          disabled={!undoable}
          aria-label="Undo"
          title={undoLabel ? `Undo ${undoLabel.toLowerCase()} (Ctrl/⌘+Z)` : "Undo (Ctrl/⌘+Z)"}
        >
          ↶
        </button>
        <button
          type="button"
          onClick={() => void command("redo").run()}
          disabled={!redoable}
          aria-label="Redo"
          title="Redo (Ctrl/⌘+Shift+Z)"
        >
          ↷
        </button>
        <button
          type="button"
          onClick={() => viewState.set({ exercisesOpen: true })}
          title="Lessons, checked by the engine"
        >
          Exercises
        </button>
        <span className="sep" />
        <CommandButton name="autoLayout" label="Layout" />
        <CommandButton name="fitView" label="Fit" />
        <CommandButton name="export" label="Export" />
        <CommandButton name="exportPng" label="PNG" />
        <CommandButton name="exportSvg" label="SVG" />
      </div>
      <Search />
      <button
        type="button"
        className="help-button"
        onClick={() => viewState.set({ helpOpen: true })}
        aria-label="Keyboard shortcuts"
      >
        ?
      </button>
    </header>
  );
}
