// After an import that needs values it was not given (a Terraform variable without a default, a
// CloudFormation parameter without one): one field per value, with what the file says about it;
// the values nothing drawn depends on (an AMI id) below the others, folded.
// "Import with these values" imports the same files again with them; until then, and after
// Cancel, the design keeps what was imported, with placeholders where the values were needed.
import { type Ref, useEffect, useRef, useState } from "react";
import type { ImportInput } from "../../shared/api";
import { formatProblem } from "../../shared/model";
import { Modal } from "../chrome/Modal";
import { useView, viewState } from "../state/store";
import { importAgain } from "./fileOps";
import { byEffect, declaredAt, inputKey, type PendingInputs, valuesFrom } from "./importInputs";

const KIND_LABEL = { variable: "Terraform variable", parameter: "CloudFormation parameter" } as const;

export function InputsDialog() {
  const pending = useView((s) => s.importInputs);
  if (!pending) return null;
  // A new round (other inputs) starts with fresh fields.
  return <InputsDialogBox key={pending.inputs.map(inputKey).join(" ")} pending={pending} />;
}

function InputsDialogBox({ pending }: { pending: PendingInputs }) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  // The first field takes the keyboard: the dialog is there to be typed into.
  useEffect(() => first.current?.focus(), []);
  const close = () => viewState.set({ importInputs: undefined });
  const values = valuesFrom(pending.inputs, fields);
  const some = Object.keys(values).length > 0;
  const submit = async () => {
    if (!some || running) return;
    setRunning(true);
    try {
      await importAgain(pending, valuesFrom(pending.inputs, fields, pending.given));
    } finally {
      setRunning(false);
    }
  };
  // What something drawn waits on first; the rest (an AMI id, a key pair) folded, still fillable.
  const { affecting: asked, others } = byEffect(pending.inputs);
  const field = (input: ImportInput, ref?: Ref<HTMLInputElement>) => {
    const key = inputKey(input);
    const id = `input-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    return (
      <li key={key} className="field">
        <label htmlFor={id}>
          <code>{input.name}</code>
          {input.type && <span className="inputs-dialog__type">{input.type}</span>}
        </label>
        {input.description && <div className="inputs-dialog__description">{input.description}</div>}
        <input
          ref={ref}
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={fields[key] ?? ""}
          aria-describedby={`${id}-where`}
          onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
        />
        <div id={`${id}-where`} className="field-hint">
          {KIND_LABEL[input.kind]}, declared at <code>{declaredAt(input)}</code>
        </div>
      </li>
    );
  };
  return (
    <Modal className="inputs-dialog" labelledBy="inputs-title" onClose={close}>
      <form
        data-testid="import-inputs"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="inputs-title">Values for {pending.name}</h2>
        <p className="muted small">
          {asked.length === 1 ? "This value has" : `These ${asked.length} values have`} no default, so what depends on{" "}
          {asked.length === 1 ? "it" : "them"} was imported as a placeholder. Give a value to import again with it; a
          field left empty stays a placeholder.
        </p>
        <ul className="inputs-dialog__list">{asked.map((input, n) => field(input, n === 0 ? first : undefined))}</ul>
        {others.length > 0 && (
          <details className="inputs-dialog__others" data-testid="inputs-others">
            <summary>
              {others.length === 1 ? "1 more has" : `${others.length} more have`} no value; nothing Palisade draws
              depends on {others.length === 1 ? "it" : "them"}
            </summary>
            <ul className="inputs-dialog__list">{others.map((input) => field(input))}</ul>
          </details>
        )}
        {pending.problems && (
          <div className="inputs-dialog__problems" role="alert">
            <p>The import with these values failed; the design is unchanged.</p>
            <ul>
              {pending.problems.map((p) => (
                <li key={`${p.file}:${p.line}:${p.column}:${p.message}`}>
                  <code>{formatProblem(p)}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="inputs-dialog__actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!some || running}>
            Import with these values
          </button>
        </div>
      </form>
    </Modal>
  );
}
