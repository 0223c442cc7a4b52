// The channel table: what each channel of src/shared/api.ts does, once its request has been
// validated. No transport and no routing here: handlers.ts decides where a request runs (here,
// or in a worker that holds this same table) and turns a throw into a Reply.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import type { Channel, Replies, requests } from "../shared/api";
import type { Lesson } from "../shared/exercises";
import { type Design, InputError, type Problem, parseDesign } from "../shared/model";
import type { Documents } from "./documents";
import { runEngine, Unavailable } from "./engine-ops";
import type { EngineWorker } from "./engine-pool";
import { clearRecovery, ioReason, readDesignFile, readRecovery, saveDesign, writeRecovery } from "./files";
import type { HandlerOptions, IacService } from "./options";

export type ChannelTable = {
  [C in Channel]: (request: z.output<(typeof requests)[C]>) => Promise<Replies[C]> | Replies[C];
};

/** What the table works with, set up once by createHandlers. */
export interface ChannelContext {
  options: HandlerOptions;
  /** The documents held here (none are, where an engine worker holds them). */
  documents: Documents;
  /** The engine worker, where the autosave is written; absent when everything runs here. */
  worker: EngineWorker | undefined;
  /** The worker for long work on files, which work:cancel stops. */
  filesWorker: EngineWorker | undefined;
  /** Paths the user chose in this session: the only ones file:open and file:save use without asking. */
  grant(path: string): void;
  isGranted(path: string): boolean;
  iac: IacService;
}

export const problem = (message: string, extra: Partial<Problem> = {}): Problem => ({
  message,
  severity: "error",
  ...extra,
});

export function channelTable({
  options,
  documents,
  worker,
  filesWorker,
  grant,
  isGranted,
  iac,
}: ChannelContext): ChannelTable {
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

  return {
    "engine:flows": (request) => runEngine("engine:flows", request),
    "engine:evaluate": (request) => runEngine("engine:evaluate", withDesign(request)),
    "engine:findings": (request) => runEngine("engine:findings", withDesign(request)),
    "engine:dependsOn": (request) => runEngine("engine:dependsOn", withDesign(request)),
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
    "iac:import": ({ files, values }) => iac.importFiles(files, values),
    "iac:export": ({ design, to, format, vpcIdVariable }) =>
      iac.exportDesign(design, to, format, vpcIdVariable === undefined ? {} : { vpcIdVariable }),
    "examples:load": async ({ name }) => ({ design: await exampleFile(name) }),
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
    "file:importFolder": async ({ path, values }) => {
      // Again with values: only a folder the user chose in this session, as file:open.
      if (path !== undefined && !isGranted(path))
        throw new InputError([problem(`${path} was not chosen in this session; use Import a folder to pick it`)]);
      if (path === undefined && !options.dialogs) throw noDialogs("Importing a folder by path");
      const chosen = path ?? (await options.dialogs?.openFolder()) ?? null;
      if (chosen === null) return null;
      grant(chosen);
      return { path: chosen, ...(await iac.importFolder(chosen, values)) };
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
}
