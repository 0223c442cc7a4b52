// New, Open, Save and Import: through the api in the desktop app (native dialogs, real paths),
// through a file input and a download in the browser. A file that cannot be read leaves the
// current design and its undo history as they were and shows its problems.
import type { Reply } from "../../shared/api";
import { isDesignFile } from "../../shared/iac/detect";
import { type Design, emptyDesign, formatProblem, type Problem, serializeDesign } from "../../shared/model";
import { api, isDesktop } from "../api-client";
import { longWork } from "../state/busy";
import { replaceDocument } from "../state/commands";
import { docState, isDirty, notify, viewState } from "../state/store";
import { designFileName, downloadText } from "./download";

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

/**
 * A file that was read and checked replaces the design, once the user agrees to lose unsaved
 * changes: asked only now, so that a file that fails leaves everything as it was, unasked.
 */
function opened(reply: Reply<{ design: Design; warnings: Problem[] }> | undefined, name: string, path?: string): void {
  // Cancelled: nothing changes.
  if (!reply) return;
  if (!reply.ok) {
    showProblems(`${name} could not be opened; the current design is unchanged.`, reply.problems);
    return;
  }
  if (!confirmDiscard()) return;
  replaceDocument(reply.value.design, path);
  if (reply.value.warnings.length > 0) showProblems(`${name} was opened with warnings:`, reply.value.warnings);
  else notify("info", `Opened ${name}`);
}

/** Reads a file's text as a design, or as infrastructure code to import. */
export async function openText(name: string, text: string): Promise<void> {
  const isDesign = isDesignFile(name, text);
  if (isDesign) opened(await onHost(`Opening ${name}`, () => api["design:parse"]({ file: { name, text } })), name);
  else opened(await onHost(`Importing ${name}`, () => api["iac:import"]({ files: [{ name, text }] })), name);
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
  opened(
    await onHost(`Importing ${files.length} files`, () => api["iac:import"]({ files: texts })),
    `${files.length} files`,
  );
}

/**
 * A folder chosen in the browser: its Terraform files, read together as one module. Terraform
 * reads a module's own folder, not the folders below it (those are other modules).
 */
export async function openFolder(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const folder = (files[0]?.webkitRelativePath || files[0]?.name || "").split("/")[0] || "the folder";
  const own = files.filter((f) => {
    const parts = (f.webkitRelativePath || f.name).split("/");
    return parts.length <= 2 && /\.tf(\.json)?$/i.test(f.name);
  });
  if (own.length === 0) {
    showProblems(`${folder} could not be imported; the current design is unchanged.`, [
      { file: folder, message: "the folder holds no Terraform file (.tf or .tf.json)", severity: "error" },
    ]);
    return;
  }
  const texts = await Promise.all(
    own.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })),
  );
  opened(await onHost(`Importing ${folder}`, () => api["iac:import"]({ files: texts })), folder);
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
  const reply = await api["file:open"](path ? { path } : {});
  if (!reply.ok) return showProblems("The file could not be opened; the current design is unchanged.", reply.problems);
  if (!reply.value) return;
  if (!confirmDiscard()) return;
  replaceDocument(reply.value.design, reply.value.path);
  notify("info", `Opened ${reply.value.path}`);
}

/** One of the bundled examples ("http-server", "three-tier"), as a new unsaved design. */
export async function openExample(name: string): Promise<void> {
  const reply = await api["examples:load"]({ name });
  if (!reply.ok) return showProblems(`The example ${name} could not be opened.`, reply.problems);
  if (!confirmDiscard()) return;
  replaceDocument(reply.value, undefined);
  notify("info", `Opened the example “${reply.value.name}”`);
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
  const reply = await onHost("Importing a folder", () => api["file:importFolder"]({}));
  if (!reply) return;
  if (!reply.ok) {
    showProblems("The folder could not be imported; the current design is unchanged.", reply.problems);
    return;
  }
  if (!reply.value) return;
  const { path, design, warnings } = reply.value;
  // A folder is where the design came from, not a design file to save to.
  opened({ ok: true, value: { design, warnings } }, path);
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
