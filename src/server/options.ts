// What a host (Electron main, the browser mode's HTTP server, a test) gives the handlers: where
// the examples and the autosave live, its native dialogs if it has any, the worker module, and
// the hooks it wants called. Types only, so that every part of the server can name them.
import type { ImportValues, Replies, Request } from "../shared/api";
import type { ExportOptions } from "../shared/iac/deployable";
import type { Design } from "../shared/model";

/** Native file dialogs (Electron). Each returns the chosen path, or null when the user cancels. */
export interface FileDialogs {
  open(): Promise<string | null>;
  /** A folder (Electron: dialog.showOpenDialog with openDirectory). */
  openFolder(): Promise<string | null>;
  save(suggestedPath?: string): Promise<string | null>;
}

/** Import and export of infrastructure code; src/server/load.ts and src/shared/iac plug in here. */
export interface IacService {
  importFiles(
    files: { name: string; text: string }[],
    values?: ImportValues,
  ): Promise<Replies["iac:import"]> | Replies["iac:import"];
  /** The importable files of a folder, read together (a Terraform module, a cdk.out folder). */
  importFolder(path: string, values?: ImportValues): Promise<Replies["iac:import"]>;
  exportDesign(
    design: Design,
    to: "terraform" | "cloudformation",
    format?: "hcl" | "yaml" | "json",
    options?: ExportOptions,
  ): Promise<Replies["iac:export"]> | Replies["iac:export"];
}

export interface HandlerOptions {
  /** Folder of the bundled `*.palisade.json` examples. */
  examplesDir: string;
  /** Folder of the autosave recovery file (Electron: userData; host: a temp folder per run). */
  recoveryDir: string;
  /** Without dialogs (browser mode) the renderer picks and downloads files itself. */
  dialogs?: FileDialogs;
  /** Default: the importers and exporters of src/server/load.ts and src/shared/iac. */
  iac?: IacService;
  /** The worker module for heavy work (large designs and files); without it everything runs inline. */
  engineWorker?: URL;
  /** The weight (see payloadSize) above which work goes to the worker. */
  workerThreshold?: number;
  /** The document to show first (see app:startup); default: none. */
  startup?: () => Promise<{ design: Design; path?: string } | null>;
  onWindowState?: (state: Request<"window:state">) => void;
  /** A file was opened or saved by the user's choice (for Open Recent). */
  onFileUsed?: (path: string) => void;
  /** Where internal errors are logged with their stack (never sent to the renderer). */
  log?: (message: string) => void;
}
