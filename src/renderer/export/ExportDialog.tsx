// Export: a preview of what would be written, per format, highlighted; what would not deploy as
// designed, said before anything is written, with the fix where the exporters have one; Copy and
// Save. The files come from the host's exporters (the same the CLI uses), asked again whenever the
// format or a chosen fix changes.
import { useEffect, useRef, useState } from "react";
import type { Replies } from "../../shared/api";
import type { ExportWarning } from "../../shared/iac/deployable";
import { formatProblem } from "../../shared/model";
import { api } from "../api-client";
import { Modal } from "../chrome/Modal";
import { downloadText } from "../file/download";
import { type ExportChoice, notify, useDoc, useView, viewState } from "../state/store";
import { CodePreview } from "./CodePreview";

const FORMATS: { id: ExportChoice; label: string }[] = [
  { id: "terraform", label: "Terraform" },
  { id: "cloudformation-yaml", label: "CloudFormation YAML" },
  { id: "cloudformation-json", label: "CloudFormation JSON" },
];

type Files = Replies["iac:export"]["files"];
type Outcome = { files: Files; warnings: ExportWarning[] } | { problems: string[] };

function request(format: ExportChoice) {
  if (format === "terraform") return { to: "terraform" as const };
  return {
    to: "cloudformation" as const,
    format: format === "cloudformation-json" ? ("json" as const) : ("yaml" as const),
  };
}

export function ExportDialog() {
  const open = useView((s) => s.exportOpen);
  if (!open) return null;
  return <ExportDialogBox initial={open.format} />;
}

function ExportDialogBox({ initial }: { initial: ExportChoice }) {
  const design = useDoc((s) => s.history.present);
  const [format, setFormat] = useState<ExportChoice>(initial);
  const [vpcIdVariable, setVpcIdVariable] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [fileIndex, setFileIndex] = useState(0);
  const asked = useRef(0);
  const close = () => viewState.set({ exportOpen: undefined });

  useEffect(() => {
    const seq = ++asked.current;
    void api["iac:export"]({ design, ...request(format), ...(vpcIdVariable ? { vpcIdVariable } : {}) }).then(
      (reply) => {
        // Only the latest question's answer is shown.
        if (seq !== asked.current) return;
        setOutcome(reply.ok ? reply.value : { problems: reply.problems.map(formatProblem) });
      },
    );
  }, [design, format, vpcIdVariable]);

  const files = outcome && "files" in outcome ? outcome.files : [];
  const file = files[Math.min(fileIndex, files.length - 1)];
  const warnings = outcome && "warnings" in outcome ? outcome.warnings : [];
  const serious = warnings.filter((w) => w.severity === "warning");

  const copy = async () => {
    if (!file) return;
    try {
      await navigator.clipboard.writeText(file.text);
      notify("info", `Copied ${file.name}`);
    } catch (e) {
      notify("error", `Could not copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const save = () => {
    for (const f of files) downloadText(f.name, f.text, "text/plain");
    notify("info", `Exported ${files.map((f) => f.name).join(", ")}`);
    close();
  };

  return (
    <Modal className="export-dialog" labelledBy="export-title" onClose={close}>
      <div className="help__head">
        <h2 id="export-title">Export “{design.name}”</h2>
      </div>
      <div className="segmented" role="tablist" aria-label="Format">
        {FORMATS.map((f) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            aria-selected={f.id === format}
            className={f.id === format ? "is-active" : ""}
            onClick={() => {
              setFormat(f.id);
              setFileIndex(0);
            }}
          >
            {f.label}
          </button>
        ))}
      </div>
      {warnings.length > 0 && (
        <ul className="export-warnings" aria-label="Before you deploy" data-testid="export-warnings">
          {warnings.map((w) => (
            <li key={w.message} className={w.severity === "warning" ? "is-warning" : "is-note"}>
              <span>{w.message}</span>
              {w.fix && (
                <button type="button" onClick={() => setVpcIdVariable(true)}>
                  {w.fix.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {vpcIdVariable && (
        <p className="muted export-applied">
          Groups without a VPC take the <code>vpc_id</code> variable (<code>VpcId</code> parameter in CloudFormation).{" "}
          <button type="button" onClick={() => setVpcIdVariable(false)}>
            Undo
          </button>
        </p>
      )}
      {outcome && "problems" in outcome && (
        <ul className="error-text" role="alert">
          {outcome.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {files.length > 1 && (
        <div className="export-files" role="tablist" aria-label="File">
          {files.map((f, i) => (
            <button
              key={f.name}
              type="button"
              role="tab"
              aria-selected={f === file}
              className={f === file ? "is-active" : ""}
              onClick={() => setFileIndex(i)}
            >
              {f.name}
            </button>
          ))}
        </div>
      )}
      {file ? (
        <CodePreview name={file.name} text={file.text} />
      ) : (
        !outcome && <p className="muted code-preview code-preview--empty">Writing the files…</p>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={files.length === 0} onClick={save}>
          {serious.length > 0 ? "Save anyway" : "Save"}
          {files.length > 1 ? ` ${files.length} files` : file ? ` ${file.name}` : ""}
        </button>
        <button type="button" disabled={!file} onClick={() => void copy()}>
          Copy{file ? ` ${file.name}` : ""}
        </button>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
