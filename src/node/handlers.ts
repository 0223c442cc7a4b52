// The handlers behind every channel of src/shared/api.ts, shared by Electron main and the Node
// host of the browser mode. Each validates its payload with the channel's zod schema first and
// answers with a Reply: bad input and failures become problems, never a throw across IPC.
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { z } from "zod";
import {
  CHANNELS,
  type Channel,
  type PalisadeApi,
  type Replies,
  type Reply,
  type Request,
  type requests,
  type WireReply,
} from "../shared/api";
import type { Lesson } from "../shared/exercises";
import type { ExportOptions } from "../shared/iac/deployable";
import { type Design, InputError, type Problem, parseDesign } from "../shared/model";
import { Documents } from "./documents";
import {
  isFileChannel,
  isOffloadChannel,
  isRecoveryChannel,
  payloadSize,
  runEngine,
  Unavailable,
  WORKER_THRESHOLD,
} from "./engine-ops";
import { Cancelled, EngineWorker } from "./engine-pool";
import { clearRecovery, ioReason, readDesignFile, readRecovery, saveDesign, writeRecovery } from "./files";
import { iacService } from "./iac";
import { isChannel, validatePayload } from "./payload";

/** Native file dialogs (Electron). Each returns the chosen path, or null when the user cancels. */
export interface FileDialogs {
  open(): Promise<string | null>;
  /** A folder (Electron: dialog.showOpenDialog with openDirectory). */
  openFolder(): Promise<string | null>;
  save(suggestedPath?: string): Promise<string | null>;
}

/** Import and export of infrastructure code; src/node/load.ts and src/shared/iac plug in here. */
export interface IacService {
  importFiles(files: { name: string; text: string }[]): Promise<Replies["iac:import"]> | Replies["iac:import"];
  /** The importable files of a folder, read together (a Terraform module). */
  importFolder(path: string): Promise<Replies["iac:import"]>;
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
  /** Default: the importers and exporters of src/node/load.ts and src/shared/iac. */
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

export type Handlers = PalisadeApi & {
  /** Let file:open and file:save use this path without asking (a recent file, a launch argument). */
  grant(path: string): void;
  /** Answer a request whose channel name came from outside: unknown channels get a problem. */
  dispatch(channel: string, payload: unknown): Promise<Reply<unknown>>;
  /**
   * The same for a transport (HTTP, IPC): a large engine result stays the JSON bytes the worker
   * made, for the transport to pass on without decoding it on this thread.
   */
  dispatchWire(channel: string, payload: unknown): Promise<WireReply<unknown>>;
  close(): Promise<void>;
};

const problem = (message: string, extra: Partial<Problem> = {}): Problem => ({ message, severity: "error", ...extra });

export function createHandlers(options: HandlerOptions): Handlers {
  const granted = new Set<string>();
  const grant = (path: string) => granted.add(resolve(path));
  const isGranted = (path: string) => granted.has(resolve(path));
  const threshold = options.workerThreshold ?? WORKER_THRESHOLD;
  const worker = options.engineWorker
    ? new EngineWorker(options.engineWorker, { recoveryDir: options.recoveryDir })
    : undefined;
  // Long work on files (a large Terraform parse takes seconds) has a worker of its own: it never
  // holds up the engine's answers to edits, and cancelling it leaves the held documents alone.
  const filesWorker = options.engineWorker ? new EngineWorker(options.engineWorker) : undefined;
  const log = options.log ?? ((message: string) => console.error(message));
  const iac = options.iac ?? iacService;
  // Held documents live where the engine runs: in the worker when there is one (requests that
  // name a document go there), here otherwise.
  const documents = new Documents();
  // Started now, so that the first design opened does not wait for the worker to load.
  worker?.warm();
  filesWorker?.warm();
  /** A request's design: the one it carries, or the held revision it names. */
  const withDesign = <R extends { design?: Design; doc?: { id: string; rev: number } }>(request: R) =>
    ({ ...request, design: request.design ?? documents.design(request.doc as { id: string; rev: number }) }) as R & {
      design: Design;
    };

  const noDialogs = (what: string) =>
    new Unavailable(`${what} needs the desktop app; in the browser the page picks and downloads files itself`);

  async function exampleFile(name: string): Promise<Design> {
    const file = join(options.examplesDir, `${name}.palisade.json`);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      throw new InputError([problem(`no example is called "${name}"`)]);
    }
    return parseDesign(text, `${name}.palisade.json`);
  }

  // Loaded on first use: the lessons are JSON modules, which some loaders (Playwright's, for the
  // e2e host) cannot import eagerly; no other channel should depend on them.
  const exercises = () => import("../shared/exercises");
  async function lesson(id: string): Promise<Lesson> {
    const found = (await exercises()).lessonById(id);
    if (!found) throw new InputError([problem(`no exercise is called "${id}"`)]);
    return found;
  }

  const implementations: {
    [C in Channel]: (request: z.output<(typeof requests)[C]>) => Promise<Replies[C]> | Replies[C];
  } = {
    "engine:flows": (request) => runEngine("engine:flows", request),
    "engine:evaluate": (request) => runEngine("engine:evaluate", withDesign(request)),
    "engine:findings": (request) => runEngine("engine:findings", withDesign(request)),
    "engine:simulate": (request) => runEngine("engine:simulate", withDesign(request)),
    "engine:proposeFix": (request) => runEngine("engine:proposeFix", withDesign(request)),
    "engine:matrix": (request) => runEngine("engine:matrix", withDesign(request)),
    "engine:reach": (request) => runEngine("engine:reach", withDesign(request)),
    "engine:diffFlows": (request) => runEngine("engine:diffFlows", request),
    "engine:groupFlows": (request) => runEngine("engine:groupFlows", request),
    "doc:open": ({ doc, design }) => documents.open(doc, design),
    "doc:edit": ({ doc, base, patch }) => documents.edit(doc, base, patch),
    "doc:close": ({ doc }) => documents.close(doc),
    "work:cancel": async () => ({ cancelled: (await filesWorker?.cancel()) ?? 0 }),
    "design:parse": ({ file }) => ({ design: parseDesign(file.text, file.name), warnings: [] }),
    "iac:import": ({ files }) => iac.importFiles(files),
    "iac:export": ({ design, to, format, vpcIdVariable }) =>
      iac.exportDesign(design, to, format, vpcIdVariable === undefined ? {} : { vpcIdVariable }),
    "examples:load": ({ name }) => exampleFile(name),
    "examples:list": async () => {
      const names = (await readdir(options.examplesDir)).filter((f) => f.endsWith(".palisade.json")).sort();
      const list: { name: string; title: string }[] = [];
      for (const file of names) {
        const name = file.slice(0, -".palisade.json".length);
        const design = await exampleFile(name);
        list.push({ name, title: design.name });
      }
      return list;
    },
    "exercises:list": async () =>
      (await exercises()).lessons().map(({ id, number, title, goal }) => ({ id, number, title, goal })),
    "exercises:open": ({ id }) => lesson(id),
    "exercises:check": async ({ id, design }) => (await exercises()).checkLesson(await lesson(id), design),
    "file:open": async ({ path }) => {
      if (path !== undefined && !isGranted(path))
        throw new InputError([problem(`${path} was not chosen in this session; use File > Open to pick it`)]);
      if (path === undefined && !options.dialogs) throw noDialogs("Opening a file by path");
      const chosen = path ?? (await options.dialogs?.open()) ?? null;
      if (chosen === null) return null;
      const design = await readDesignFile(chosen);
      grant(chosen);
      options.onFileUsed?.(chosen);
      return { path: chosen, design };
    },
    "file:importFolder": async () => {
      if (!options.dialogs) throw noDialogs("Importing a folder by path");
      const chosen = await options.dialogs.openFolder();
      if (chosen === null) return null;
      return { path: chosen, ...(await iac.importFolder(chosen)) };
    },
    "file:save": async ({ design, path, saveAs }) => {
      if (!options.dialogs) throw noDialogs("Saving to a path");
      // A path the user never chose is only a suggestion: the renderer must not write files at will.
      const target = !saveAs && path !== undefined && isGranted(path) ? path : await options.dialogs.save(path);
      if (target === null) return null;
      try {
        await saveDesign(target, design);
      } catch (error) {
        throw new InputError([problem(`cannot save: ${ioReason(error)}`, { file: target })]);
      }
      grant(target);
      options.onFileUsed?.(target);
      // Where the autosave is written (the engine worker), so that a write under way cannot land after it.
      if (worker) await worker.run("recovery:clear", {});
      else await clearRecovery(options.recoveryDir);
      return { path: target };
    },
    "recovery:write": async (request) => {
      const { design, path } = withDesign(request);
      await writeRecovery(options.recoveryDir, {
        design,
        ...(path === undefined ? {} : { path }),
        savedAt: new Date().toISOString(),
      });
      return null;
    },
    "recovery:read": () => readRecovery(options.recoveryDir),
    "recovery:clear": async () => {
      await clearRecovery(options.recoveryDir);
      return null;
    },
    "app:startup": async () => {
      const warnings: Problem[] = [];
      let open: Replies["app:startup"]["open"] = null;
      try {
        open = (await options.startup?.()) ?? null;
      } catch (error) {
        if (error instanceof InputError) warnings.push(...error.problems);
        else throw error;
      }
      let recovery: Replies["recovery:read"] = null;
      try {
        recovery = await readRecovery(options.recoveryDir);
      } catch (error) {
        if (error instanceof InputError) warnings.push(...error.problems);
        else throw error;
      }
      return { open, recovery, warnings };
    },
    "window:state": (state) => {
      options.onWindowState?.(state);
      return null;
    },
  };

  function failure(channel: string, error: unknown): Reply<never> {
    if (error instanceof InputError) return { ok: false, problems: error.problems };
    if (error instanceof Cancelled) return { ok: false, problems: [problem(`${channel} was cancelled`)] };
    if (error instanceof Unavailable) return { ok: false, problems: [problem(error.message)] };
    // A bug: the stack goes to the log, the person gets one sentence.
    log(`palisade: ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      ok: false,
      problems: [problem(`internal error in ${channel}: ${error instanceof Error ? error.message : String(error)}`)],
    };
  }

  async function dispatchWire(channel: string, payload: unknown): Promise<WireReply<unknown>> {
    if (!isChannel(channel)) return { ok: false, problems: [problem(`no such channel "${channel}"`)] };
    try {
      if (worker && isRecoveryChannel(channel)) return await worker.run(channel, payload);
      // Files: parsed, imported and exported in their own worker, whatever their size.
      if (filesWorker && isFileChannel(channel)) return await filesWorker.run(channel, payload);
      // Large designs: validation, the work and encoding all happen in the worker.
      if (worker && isOffloadChannel(channel) && (namesDocument(payload) || payloadSize(payload) > threshold))
        return await worker.run(channel, payload);
      const valid = validatePayload(channel, payload);
      if (!valid.ok) return valid;
      const run = implementations[channel] as (request: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await run(valid.request) };
    } catch (error) {
      return failure(channel, error);
    }
  }

  async function dispatch(channel: string, payload: unknown): Promise<Reply<unknown>> {
    const reply = await dispatchWire(channel, payload);
    if (reply.ok && "json" in reply) return { ok: true, value: JSON.parse(new TextDecoder().decode(reply.json)) };
    return reply;
  }

  const api = Object.fromEntries(
    CHANNELS.map((c) => [c, (request: unknown) => dispatch(c, request)]),
  ) as unknown as PalisadeApi;
  return {
    ...api,
    grant,
    dispatch,
    dispatchWire,
    close: async () => {
      await Promise.all([worker?.close(), filesWorker?.close()]);
    },
  };
}

/** Requests that open, edit or name a held document: they go where the documents are held. */
function namesDocument(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && "doc" in payload;
}
