// Intents: connections the architect wants ("app must reach db on 5432"), drawn on the canvas and
// checked by the engine; and the engine's fix for one, applied as a single undoable step.

import { applyChanges, type Change } from "../../shared/engine/synthesize/changes";
import { type Design, InputError, Intent as IntentSchema } from "../../shared/model";
import { freshId, usedIds } from "../../shared/model/ids";
import { ActionRefused, defineAction } from "./types";

export interface IntentDraft {
  from: string;
  to: string;
  protocol: string;
  port?: number;
  description?: string;
}

const nodeIds = (d: Design) => new Set([...d.resources, ...d.externals].map((n) => n.id));

export const addIntent = defineAction<IntentDraft>({
  name: "addIntent",
  label: "Add intended connection",
  perform(design, draft) {
    const nodes = nodeIds(design);
    for (const end of [draft.from, draft.to]) if (!nodes.has(end)) throw new ActionRefused(`no node has id "${end}"`);
    if (draft.from === draft.to) throw new ActionRefused("an intended connection needs two different nodes");
    // Two outside parties never meet inside AWS: no security group could allow or block them.
    const outside = new Set(design.externals.map((e) => e.id));
    if (outside.has(draft.from) && outside.has(draft.to))
      throw new ActionRefused("both ends are outside AWS: no security group stands between them");
    const needsPort = draft.protocol === "tcp" || draft.protocol === "udp";
    if (needsPort && draft.port === undefined) throw new ActionRefused(`${draft.protocol} needs a port`);
    const parsed = IntentSchema.safeParse({
      id: freshId(`intent-${draft.from}-${draft.to}`, usedIds(design)),
      from: draft.from,
      to: draft.to,
      protocol: draft.protocol,
      ...(needsPort ? { port: draft.port } : {}),
      ...(draft.description ? { description: draft.description } : {}),
    });
    if (!parsed.success) throw new ActionRefused(parsed.error.issues[0]?.message ?? "invalid intent");
    const same = design.intents.find(
      (i) =>
        i.from === draft.from &&
        i.to === draft.to &&
        i.protocol === parsed.data.protocol &&
        i.port === parsed.data.port,
    );
    if (same) throw new ActionRefused("this connection is already intended");
    return { ...design, intents: [...design.intents, parsed.data] };
  },
});

export const removeIntent = defineAction<{ id: string }>({
  name: "removeIntent",
  label: "Remove intended connection",
  perform(design, { id }) {
    if (!design.intents.some((i) => i.id === id)) throw new ActionRefused(`no intent has id "${id}"`);
    return { ...design, intents: design.intents.filter((i) => i.id !== id) };
  },
});

/** The engine's proposed changes (new group, attachment, rules), all in one step. */
export const applyFix = defineAction<{ changes: Change[] }>({
  name: "applyFix",
  label: "Fix intended connection",
  perform(design, { changes }) {
    try {
      return applyChanges(design, changes);
    } catch (e) {
      // The design changed since the fix was proposed (a group deleted meanwhile).
      if (e instanceof InputError) throw new ActionRefused(e.problems.map((p) => p.message).join("; "));
      throw e;
    }
  },
});
