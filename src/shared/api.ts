// The one contract between the renderer and the host (Electron main, or the Node host of the
// browser mode): channel names, request schemas and reply types. Both sides import this file;
// the host validates every request with these schemas before it does anything.
import { z } from "zod";
import { COMMAND_IDS, type CommandId } from "./commands";
import type { GroupFlow } from "./engine/group-flows";
import type { Delta } from "./engine/live";
import type { FlowDiff, MatrixCell, ReachabilityMatrix } from "./engine/reachability";
import type { Simulation } from "./engine/simulate";
import type { FixProposal } from "./engine/synthesize";
import type { Finding, FlowEdge, FlowVerdict } from "./engine/types";
import type { Lesson, LessonResult } from "./exercises";
import type { ExportWarning } from "./iac/deployable";
import { FlowQuery } from "./model/flow-query";
import { DesignPatch } from "./model/patch";
import type { Problem } from "./model/problems";
import { Design, Intent } from "./model/schema";

/** A reply either carries a value or the problems that stopped it; it never throws across IPC. */
export type Reply<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const fileText = z.object({
  name: z.string().min(1).max(4096),
  // 50 MB of text is far beyond any real design; larger payloads are refused before parsing.
  text: z.string().max(50 * 1024 * 1024, "is larger than 50 MB"),
});

/**
 * A value an imported file needs and does not have: a Terraform variable without a default, a
 * CloudFormation parameter without a Default. The app asks for it in a dialog; the CLI takes
 * --var / --param. Validated where the renderer reads a reply, as the host validates requests.
 */
export const ImportInput = z.object({
  kind: z.enum(["variable", "parameter"]),
  name: z.string().min(1).max(256),
  description: z.string().max(4096).optional(),
  type: z.string().max(1024).optional(),
  file: z.string().max(4096),
  line: z.number().int().min(1).optional(),
  /**
   * Whether something the import read waits on it (a group, rule, attachment, count, a resource's
   * Condition): the dialog opens for these; the others are offered folded, and the CLI names only these.
   */
  affects: z.boolean(),
});
export type ImportInput = z.infer<typeof ImportInput>;
export const ImportInputs = z.array(ImportInput).max(1000);

/** Terraform variable and CloudFormation parameter names as their tools allow them. */
const inputName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,255}$/, "is not a variable or parameter name");
const inputValues = z
  .record(inputName, z.string().max(64 * 1024))
  .refine((values) => Object.keys(values).length <= 1000, "has more than 1000 values");

/** Values for an import's inputs, as --var name=value and --param Name=Value give them. */
export const ImportValues = z.object({ vars: inputValues.optional(), params: inputValues.optional() });
export type ImportValues = z.infer<typeof ImportValues>;

/** "Only this traffic": a protocol, a port, or both (absent: everything). */
export const TrafficFilterSchema = z.object({
  protocol: z.string().min(1).max(16).optional(),
  port: z.number().int().min(0).max(65535).optional(),
});

export const ExportTarget = z.enum(["terraform", "cloudformation"]);
export const ExportFormat = z.enum(["hcl", "yaml", "json"]);

/** A document the host holds for a window (see doc:open): chosen by the renderer, unguessable. */
export const DocId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "is not a document id");
/** A held document at one revision, in place of sending the whole design again. */
export const DocRef = z.object({ id: DocId, rev: z.number().int().min(1) });
/**
 * A new document's id, given to a channel that reads a design (OPENING_CHANNELS): the host holds
 * what it read as that document and answers with its revision and flows (`held`), so that the
 * design is not sent back to be held.
 */
export const OpenAs = DocId;
export type DocRef = z.infer<typeof DocRef>;

/** A request about a design: the design itself, or a reference to the document the host holds. */
function onDesign<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ design: Design.optional(), doc: DocRef.optional(), ...shape })
    .refine(({ design, doc }: { design?: unknown; doc?: unknown }) => (design === undefined) !== (doc === undefined), {
      message: "give either a design or a document reference (doc), not both",
    });
}

/** Request schemas, one per channel. A channel's name is its key. */
export const requests = {
  /** Every permitted flow of a design, one edge per ordered node pair. */
  "engine:flows": z.object({ design: Design }),
  /** Can A reach B? With the rules that decide it. */
  "engine:evaluate": onDesign({ query: FlowQuery }),
  /** Risky or broken parts of the design. */
  "engine:findings": onDesign({}),
  /** Per permitted flow id, the unknowns (var.x, a range without a value) whose rules permit it. */
  "engine:dependsOn": onDesign({}),
  /** A packet's hops for the animation: request, the checks, the stateful reply or the timeout. */
  "engine:simulate": onDesign({ query: FlowQuery }),
  /** The tightest change that makes an intent hold, with its diff and the design after it. */
  "engine:proposeFix": onDesign({ intent: Intent }),
  /** Who reaches whom: rows sources, columns targets, cut down to the filter. */
  "engine:matrix": onDesign({ filter: TrafficFilterSchema.optional() }),
  /** One node's view: who can reach it ("to") or what it can reach ("from"). */
  "engine:reach": onDesign({
    node: z.string().min(1).max(256),
    role: z.enum(["to", "from"]),
    filter: TrafficFilterSchema.optional(),
  }),
  /** Flows opened, closed and changed from `design` (before) to `other` (after). */
  "engine:diffFlows": z.object({ design: Design, other: Design }),
  /** Flows aggregated to security-group level, for dense canvases. */
  "engine:groupFlows": z.object({ design: Design }),
  /**
   * Hold a design for this window and answer with all its flows, node and group level. Later
   * edits go as patches (doc:edit), and other requests may name the document instead of
   * sending the design. A host holds a few documents and forgets the oldest.
   */
  "doc:open": z.object({ doc: DocId, design: Design }),
  /**
   * Apply an edit to the held document at revision `base`, answering with the flows that
   * changed. Answers { resync: true } when the host no longer holds that revision (it was
   * restarted, or forgot it): the renderer then opens the document again.
   */
  "doc:edit": z.object({ doc: DocId, base: z.number().int().min(1), patch: DesignPatch }),
  /** The window no longer needs the document. */
  "doc:close": z.object({ doc: DocId }),
  /**
   * Stop the long work on files under way (opening, importing, exporting): its requests answer
   * "cancelled" at once. Engine work and held documents are not touched.
   */
  "work:cancel": z.object({}),
  /** Parse a design file's text (opened or dropped by the user) into a design. */
  "design:parse": z.object({
    open: OpenAs.optional(),
    file: fileText,
  }),
  /** Import Terraform, CloudFormation or AWS CLI JSON files (several together) into one design. */
  "iac:import": z.object({
    files: z.array(fileText).min(1).max(500),
    values: ImportValues.optional(),
    open: OpenAs.optional(),
  }),
  /**
   * Export to Terraform or CloudFormation: the files, not yet written anywhere, and what would not
   * deploy as designed. vpcIdVariable: groups in no VPC take a vpc_id variable (VpcId parameter).
   */
  "iac:export": z.object({
    design: Design,
    to: ExportTarget,
    format: ExportFormat.optional(),
    vpcIdVariable: z.boolean().optional(),
  }),
  /** One of the bundled examples, by name ("http-server", "three-tier"). */
  "examples:load": z.object({ name: z.string().regex(/^[a-z0-9-]{1,64}$/), open: OpenAs.optional() }),
  "examples:list": z.object({}),
  /** The shipped lessons, in order: id, number, title and goal. */
  "exercises:list": z.object({}),
  /** One lesson: its starting design, steps and hints; `open` holds the starting design. */
  "exercises:open": z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), open: OpenAs.optional() }),
  /** How far a design is through a lesson: each step checked by the engine, and unsafe parts. */
  "exercises:check": z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/), design: Design }),
  /**
   * Ask the user for a design file and read it. In the browser mode the renderer picks the
   * file itself and calls design:parse instead; this channel then answers unsupported.
   */
  "file:open": z.object({
    open: OpenAs.optional(),
    /** Open this path without asking: only a path main itself offered (Open Recent, a file passed at launch). */
    path: z.string().min(1).max(4096).optional(),
  }),
  /**
   * Ask the user for a Terraform folder (a module: its .tf and .tf.json files together) or a
   * cdk.out folder and import it. In the browser mode the renderer picks the folder itself and
   * calls iac:import instead. path + values: import again a folder chosen in this session, with
   * values for its inputs (the dialog's "Import with these values").
   */
  "file:importFolder": z.object({
    path: z.string().min(1).max(4096).optional(),
    values: ImportValues.optional(),
    open: OpenAs.optional(),
  }),
  /** Save atomically to the path the design was opened from, or ask for one (saveAs). */
  "file:save": z.object({ design: Design, path: z.string().max(4096).optional(), saveAs: z.boolean().optional() }),
  /** Autosave for crash recovery, read back on the next start, cleared after a clean save. */
  "recovery:write": onDesign({ path: z.string().max(4096).optional() }),
  "recovery:read": z.object({ open: OpenAs.optional() }),
  "recovery:clear": z.object({}),
  /**
   * What to show first: a file passed at launch, the example on a first run, and any recovery
   * file. `open` holds the first as that document, `recovery` the recovery file's design.
   */
  "app:startup": z.object({ open: OpenAs.optional(), recovery: OpenAs.optional() }),
  /** The renderer tells the host its document's name and unsaved state (window title, close prompt). */
  "window:state": z.object({
    name: z.string().max(255),
    path: z.string().max(4096).optional(),
    dirty: z.boolean(),
  }),
} as const;

export type Channel = keyof typeof requests;
export type Request<C extends Channel> = z.input<(typeof requests)[C]>;

export interface Replies {
  "engine:flows": FlowEdge[];
  "engine:evaluate": FlowVerdict;
  "engine:findings": Finding[];
  "engine:dependsOn": Record<string, string[]>;
  "engine:simulate": Simulation;
  "engine:proposeFix": FixProposal;
  "engine:matrix": ReachabilityMatrix;
  "engine:reach": MatrixCell[];
  "engine:diffFlows": FlowDiff;
  "engine:groupFlows": GroupFlow[];
  /**
   * flowCount: node pairs that may talk; withheld: too many to send (past MAX_NODE_FLOWS), so
   * `flows` is empty and the group flows stand for them; groupsWithheld: group flows too many as
   * well (past MAX_GROUP_FLOWS): none are sent and flowCount is a lower bound.
   */
  "doc:open": { rev: number; flows: FlowEdge[]; groupFlows: GroupFlow[] } & FlowTotals;
  "doc:edit": ({ rev: number; flows: Delta<FlowEdge>; groupFlows: Delta<GroupFlow> } & FlowTotals) | { resync: true };
  "doc:close": null;
  /** How many requests were stopped. */
  "work:cancel": { cancelled: number };
  "design:parse": { design: Design; warnings: Problem[]; held?: Held };
  /** inputs: the values the files need and were not given (see ImportInput). */
  "iac:import": { design: Design; warnings: Problem[]; inputs: ImportInput[]; held?: Held };
  "iac:export": { files: { name: string; text: string }[]; warnings: ExportWarning[] };
  "examples:load": { design: Design; held?: Held };
  "examples:list": { name: string; title: string }[];
  "exercises:list": { id: string; number: number; title: string; goal: string }[];
  "exercises:open": Lesson & { held?: Held };
  "exercises:check": LessonResult;
  "file:open": { path: string; design: Design; held?: Held } | null;
  "file:importFolder": { path: string; design: Design; warnings: Problem[]; inputs: ImportInput[]; held?: Held } | null;
  "file:save": { path: string } | null;
  "recovery:write": null;
  "recovery:read": { design: Design; path?: string; savedAt: string; held?: Held } | null;
  "recovery:clear": null;
  "app:startup": {
    /** The document to open; null = start with an empty design. */
    open: { design: Design; path?: string; held?: Held } | null;
    /** An autosave left by a session that did not end cleanly, to offer back. */
    recovery: Replies["recovery:read"];
    /** What could not be offered (a damaged recovery file, a launch file that would not open). */
    warnings: Problem[];
  };
  "window:state": null;
}

/**
 * A design read at the host and held there as the document asked for (`open`), with what doc:open
 * would have answered: the renderer adopts it instead of sending the design back.
 */
export type Held = Replies["doc:open"];

/**
 * Channels that read a design and, given a document id (OpenAs), hold it at once: where the id is
 * in the request, and where the design is in the reply (`part`: a field of the reply, else the
 * reply itself; `design`: the design's key there). The held document's revision and flows are
 * answered beside the design, as `held`.
 */
export const OPENING_CHANNELS = {
  "design:parse": [{ id: "open", design: "design" }],
  "iac:import": [{ id: "open", design: "design" }],
  "file:open": [{ id: "open", design: "design" }],
  "file:importFolder": [{ id: "open", design: "design" }],
  "examples:load": [{ id: "open", design: "design" }],
  "exercises:open": [{ id: "open", design: "start" }],
  "recovery:read": [{ id: "open", design: "design" }],
  "app:startup": [
    { id: "open", part: "open", design: "design" },
    { id: "recovery", part: "recovery", design: "design" },
  ],
} as const satisfies Partial<Record<Channel, readonly OpeningField[]>>;
export type OpeningChannel = keyof typeof OPENING_CHANNELS;

/** One design an opening channel may hold (see OPENING_CHANNELS). */
export interface OpeningField {
  id: string;
  part?: string;
  design: string;
}

/** How many flows a held document has, and which of them are too many to send. */
export interface FlowTotals {
  flowCount: number;
  withheld: boolean;
  groupsWithheld: boolean;
}

/** What the renderer sees: one async function per channel. */
export type PalisadeApi = {
  [C in Channel]: (request: Request<C>) => Promise<Reply<Replies[C]>>;
};

export const CHANNELS = Object.keys(requests) as Channel[];

/**
 * A command the native menu sends to the renderer (main -> renderer, one channel): an id of the
 * one command vocabulary (src/shared/commands.ts); the renderer decides what it does, the same as
 * its own key or button would. The menu shows the keys but does not take them: the renderer binds
 * them itself, as it must in the browser mode. Cut, Copy, Paste and Select All come as Electron's
 * roles instead, so that text fields keep working; the renderer handles the DOM's copy/cut/paste
 * events, which fire in the browser mode as well. Checked in preload before it reaches the page.
 */
export const MenuEventSchema = z.object({
  command: z.enum(COMMAND_IDS),
  /** openRecent: the path to open; exercises: the exercise's id. */
  arg: z.string().max(4096).optional(),
});
export type MenuEvent = z.infer<typeof MenuEventSchema>;
export type MenuCommand = CommandId;

/** The main -> renderer event channel for menu commands. */
export const MENU_CHANNEL = "menu:command";

/** What preload exposes: the api, plus the one event subscription (returns its unsubscribe). */
export type PalisadeBridge = PalisadeApi & {
  onMenuCommand(listener: (event: MenuEvent) => void): () => void;
};

/** The name under which preload exposes the api on `window`. */
export const API_GLOBAL = "palisade";

/** Browser mode: the meta tag into which the Node host writes its per-run token (the CSP forbids inline script). */
export const HOST_TOKEN_META = "palisade-token";
/** Browser mode: the header that carries that token on every API request. */
export const HOST_TOKEN_HEADER = "X-Palisade-Token";

/**
 * Electron IPC only (main -> preload): a large engine result travels as UTF-8 JSON bytes, made
 * in the engine's worker thread and decoded by preload in the renderer's process, so that the
 * main process never spends seconds copying a big object graph. Preload hands the renderer a
 * plain Reply.
 */
export type WireReply<T> = Reply<T> | { ok: true; json: Uint8Array };
