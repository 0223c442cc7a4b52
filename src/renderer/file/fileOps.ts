// New, Open, Save and Import: through the api in the desktop app (native dialogs, real paths),
// through a file input and a download in the browser. A file that cannot be read leaves the
// current design and its undo history as they were and shows its problems.
import type { Held, ImportValues, Reply } from "../../shared/api";
import { isDesignFile, isTerraformFileName } from "../../shared/iac/detect";
import { type Design, emptyDesign, formatProblem, type Problem, serializeDesign } from "../../shared/model";
import { api, isDesktop } from "../api-client";
import { longWork } from "../state/busy";
import { heldAs, replaceDocument } from "../state/commands";
import { engineSync } from "../state/engine";
import { docState, isDirty, notify, viewState } from "../state/store";
import { designFileName, downloadText } from "./download";
import { byEffect, type ImportSource, type PendingInputs, quietInputsNote, readInputs } from "./importInputs";

function confirmDiscard(): boolean {
  if (!isDirty(docState.get())) return true;
  return window.confirm("Discard the unsaved changes to this design?");
}

export function newDesign(): void {
  if (!confirmDiscard()) return;
  replaceDocument(emptyDesign(), undefined);
}

function showProblems(title: string, problems: Problem[]): void {
  viewState.set({ problems: { title, problems } });
}

/** Work on files in the host, shown while it lasts and stopped there when cancelled. */
async function onHost<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  const outcome = await longWork(label, work, () => void api["work:cancel"]({}));
  return outcome.done ? outcome.value : undefined;
}

/** What a file read at the host answers: the design, and the document the host now holds of it (`open`). */
type Opened = { design: Design; warnings: Problem[]; inputs?: unknown; held?: Held };

/**
 * A file that was read and checked replaces the design, once the user agrees to lose unsaved
 * changes: asked only now, so that a file that fails leaves everything as it was, unasked. The
 * host read it as document `id` and holds it already: the design is not sent back. An import
 * (`source`) that needs values it was not given then asks for them.
 */
function opened(
  id: string,
  reply: Reply<Opened> | undefined,
  name: string,
  path?: string,
  source?: ImportSource,
): void {
  // Cancelled: nothing changes.
  if (!reply) {
    engineSync.discard(id);
    return;
  }
  if (!reply.ok) {
    showProblems(`${name} could not be opened; the current design is unchanged.`, reply.problems);
    return;
  }
  if (!confirmDiscard()) {
    engineSync.discard(id);
    return;
  }
  replaceDocument(reply.value.design, path, reply.value.design, heldAs(id, reply.value.held));
  const quiet = source ? quietInputsNote(reply.value.inputs) : "";
  if (reply.value.warnings.length > 0)
    showProblems(`${name} was opened with warnings:${quiet ? ` ${quiet}` : ""}`, reply.value.warnings);
  else notify("info", `Opened ${name}${quiet ? `. ${quiet}` : ""}`);
  if (source) askForInputs(reply.value, { name, source, given: {} });
}

/**
 * Opens the dialog of values when something drawn waits on an input without one (the others it
 * shows folded); closes it when none is left. Inputs nothing drawn depends on alone open nothing:
 * the import's notice names them (quietInputsNote).
 */
function askForInputs(value: Opened, pending: Omit<PendingInputs, "inputs">): void {
  const read = readInputs(value.inputs);
  if ("problem" in read) {
    viewState.set({ importInputs: undefined });
    notify("error", read.problem);
    return;
  }
  const asked = byEffect(read.inputs).affecting.length > 0;
  viewState.set({ importInputs: asked ? { ...pending, inputs: read.inputs } : undefined });
}

/** The same import again, with values for its inputs (the dialog's "Import with these values"). */
function importWith(source: ImportSource, values: ImportValues, open: string): Promise<Reply<Opened>> {
  if ("files" in source) return api["iac:import"]({ files: source.files, values, open });
  return api["file:importFolder"]({ path: source.folder, values, open }).then((reply) =>
    reply.ok && reply.value === null
      ? { ok: false, problems: [{ message: `${source.folder} could not be read again`, severity: "error" }] }
      : (reply as Reply<Opened>),
  );
}

/**
 * Imports again with the values given. The result replaces the imported design (nothing was
 * edited meanwhile: the dialog is modal); a failure leaves it as it is and says why in the dialog.
 * Inputs still without a value (fields left empty) are asked for again.
 */
export async function importAgain(pending: PendingInputs, values: ImportValues): Promise<void> {
  const open = engineSync.newDocument();
  const reply = await onHost(`Importing ${pending.name} with values`, () => importWith(pending.source, values, open));
  // Cancelled: the dialog stays, the design is unchanged.
  if (!reply) {
    engineSync.discard(open);
    return;
  }
  if (!reply.ok) {
    viewState.set({ importInputs: { ...pending, problems: reply.problems } });
    return;
  }
  replaceDocument(reply.value.design, undefined, reply.value.design, heldAs(open, reply.value.held));
  const quiet = quietInputsNote(reply.value.inputs);
  if (reply.value.warnings.length > 0)
    showProblems(
      `${pending.name} was imported with these values, with warnings:${quiet ? ` ${quiet}` : ""}`,
      reply.value.warnings,
    );
  else notify("info", `Imported ${pending.name} with these values${quiet ? `. ${quiet}` : ""}`);
  askForInputs(reply.value, { name: pending.name, source: pending.source, given: values });
}

/** Reads a file's text as a design, or as infrastructure code to import. */
export async function openText(name: string, text: string): Promise<void> {
  const open = engineSync.newDocument();
  if (isDesignFile(name, text))
    opened(open, await onHost(`Opening ${name}`, () => api["design:parse"]({ file: { name, text }, open })), name);
  else {
    const files = [{ name, text }];
    opened(open, await onHost(`Importing ${name}`, () => api["iac:import"]({ files, open })), name, undefined, {
      files,
    });
  }
}

/** Opens or imports files chosen or dropped by the user; several together are one import. */
export async function openFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  if (files.length === 1) {
    const file = files[0]!;
    await openText(file.name, await file.text());
    return;
  }
  // Several files together are one import (Terraform modules, CLI outputs of one account).
  const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  const open = engineSync.newDocument();
  opened(
    open,
    await onHost(`Importing ${files.length} files`, () => api["iac:import"]({ files: texts, open })),
    `${files.length} files`,
    undefined,
    { files: texts },
  );
}

/**
 * A folder chosen in the browser: its Terraform files, read together as one module (Terraform
 * reads a module's own folder, not the folders below it: those are other modules), or a cdk.out
 * folder: its manifest.json with the JSON beside it, of which the host takes the templates.
 */
export async function openFolder(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const folder = (files[0]?.webkitRelativePath || files[0]?.name || "").split("/")[0] || "the folder";
  const top = files.filter((f) => (f.webkitRelativePath || f.name).split("/").length <= 2);
  const cdk = top.some((f) => f.name === "manifest.json");
  const own = top.filter((f) => (cdk ? /\.json$/i.test(f.name) : isTerraformFileName(f.name)));
  if (own.length === 0) {
    showProblems(`${folder} could not be imported; the current design is unchanged.`, [
      {
        file: folder,
        message: "the folder holds no Terraform file (.tf or .tf.json) and is not a cdk.out folder (manifest.json)",
        severity: "error",
      },
    ]);
    return;
  }
  const texts = await Promise.all(
    own.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })),
  );
  const open = engineSync.newDocument();
  opened(
    open,
    await onHost(`Importing ${folder}`, () => api["iac:import"]({ files: texts, open })),
    folder,
    undefined,
    {
      files: texts,
    },
  );
}

let fileInput: HTMLInputElement | undefined;

/** The browser's file (or folder) picker; what is chosen is read, checked, and only then replaces the design. */
function pickFiles(accept: string, multiple: boolean, folder = false): void {
  fileInput?.remove();
  const input = document.createElement("input");
  input.type = "file";
  if (folder) input.webkitdirectory = true;
  else input.accept = accept;
  input.multiple = multiple;
  input.style.display = "none";
  input.dataset.testid = folder ? "open-folder-input" : "open-file-input";
  input.addEventListener("change", () => {
    const chosen = [...(input.files ?? [])];
    void (folder ? openFolder(chosen) : openFiles(chosen));
  });
  document.body.append(input);
  fileInput = input;
  input.click();
}

export async function openDesign(path?: string): Promise<void> {
  if (!isDesktop) {
    pickFiles(".json,.palisade.json", false);
    return;
  }
  const open = engineSync.newDocument();
  const reply = await api["file:open"](path ? { path, open } : { open });
  if (!reply.ok) return showProblems("The file could not be opened; the current design is unchanged.", reply.problems);
  if (!reply.value) return;
  if (!confirmDiscard()) return engineSync.discard(open);
  const { design, held } = reply.value;
  replaceDocument(design, reply.value.path, design, heldAs(open, held));
  notify("info", `Opened ${reply.value.path}`);
}

/** One of the bundled examples ("http-server", "three-tier"), as a new unsaved design. */
export async function openExample(name: string): Promise<void> {
  const open = engineSync.newDocument();
  const reply = await api["examples:load"]({ name, open });
  if (!reply.ok) return showProblems(`The example ${name} could not be opened.`, reply.problems);
  if (!confirmDiscard()) return engineSync.discard(open);
  const { design, held } = reply.value;
  replaceDocument(design, undefined, design, heldAs(open, held));
  notify("info", `Opened the example “${design.name}”`);
}

export function importFiles(): void {
  // .tfstate: Terraform's state file; plans and state from `terraform show -json` are .json.
  pickFiles(".tf,.json,.yaml,.yml,.template,.tfstate", true);
}

/** A Terraform folder: the desktop app's folder dialog, or the browser's directory picker. */
export async function importFolder(): Promise<void> {
  if (!isDesktop) {
    pickFiles("", true, true);
    return;
  }
  const open = engineSync.newDocument();
  const reply = await onHost("Importing a folder", () => api["file:importFolder"]({ open }));
  if (!reply) return engineSync.discard(open);
  if (!reply.ok) {
    showProblems("The folder could not be imported; the current design is unchanged.", reply.problems);
    return;
  }
  if (!reply.value) return;
  const { path, design, warnings, inputs, held } = reply.value;
  // A folder is where the design came from, not a design file to save to.
  opened(open, { ok: true, value: { design, warnings, inputs, ...(held ? { held } : {}) } }, path, undefined, {
    folder: path,
  });
}

export async function saveDesign(saveAs = false): Promise<void> {
  const { history, path } = docState.get();
  const design = history.present;
  if (!isDesktop) {
    downloadText(designFileName(design.name), serializeDesign(design));
    docState.set({ saved: design });
    await api["recovery:clear"]({});
    notify("info", `Saved ${designFileName(design.name)} to your downloads`);
    return;
  }
  const reply = await api["file:save"]({ design, ...(path ? { path } : {}), ...(saveAs ? { saveAs } : {}) });
  if (!reply.ok) {
    notify("error", `Not saved: ${reply.problems.map(formatProblem).join("; ")}`);
    return;
  }
  if (!reply.value) return;
  docState.set({ saved: design, path: reply.value.path });
  // The autosave is only for work that was not saved; after a clean save it would offer stale work.
  await api["recovery:clear"]({});
  notify("info", `Saved ${reply.value.path}`);
}
