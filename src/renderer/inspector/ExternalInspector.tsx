// Editing an external party: its name, kind and the addresses it stands for.
import { EXTERNAL_KINDS, type External, type ExternalKind } from "../../shared/model";
import { placeholderRange, VALUE_UNKNOWN } from "../../shared/model/unknowns";
import { EXTERNAL_TITLES, updateExternal } from "../actions/nodes";
import { KindIcon } from "../canvas/icons";
import { ReachButtons } from "../reach/ReachButtons";
import { run } from "../state/commands";
import { notify } from "../state/store";
import { Field, SelectField } from "./Field";
import { cidrListNote, readCidrList, validateCidrList, validateName } from "./validators";

export function ExternalInspector({ external }: { external: External }) {
  const update = (patch: Parameters<typeof updateExternal.perform>[1]["patch"]) =>
    run(updateExternal, { id: external.id, patch });
  return (
    <div className="inspector__body">
      <h2 className="inspector__title">
        <KindIcon kind={external.kind} /> {external.name}
      </h2>
      <p className="muted">Outside AWS: no security groups filter it, only the side inside AWS does.</p>
      <Field label="Name" value={external.name} validate={validateName} onCommit={(name) => update({ name })} />
      <SelectField
        label="Kind"
        value={external.kind}
        options={EXTERNAL_KINDS.map((k) => [k, EXTERNAL_TITLES[k]] as const)}
        onChange={(kind) => update({ kind: kind as ExternalKind })}
      />
      {placeholderRange(external) ? (
        // Its CIDR is a stand-in only the engine sees: the range is the unknown the file names.
        <div className="field" data-testid="placeholder-range">
          <span className="field__label">CIDRs</span>
          <span className="badge badge--unknown">{VALUE_UNKNOWN}</span>
          <p className="muted">
            An imported file names {placeholderRange(external)} without a value. Its flows are those of the rules that
            name it, and say they depend on it; import again with its value (the values dialog, or --var / --param) to
            see the real range.
          </p>
        </div>
      ) : (
        <Field
          label="CIDRs"
          value={external.cidrs.join(", ")}
          validate={validateCidrList}
          note={cidrListNote}
          hint="One or more, separated by commas"
          onCommit={(text) => {
            const read = readCidrList(text);
            if ("problem" in read) return;
            update({ cidrs: read.cidrs });
            // The field shows the stored value once committed: the notice keeps what it became.
            if (read.notes.length > 0) notify("info", `CIDRs saved. ${read.notes.join("; ")}.`);
          }}
        />
      )}
      <ReachButtons nodeId={external.id} />
    </div>
  );
}
