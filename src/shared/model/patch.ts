// An edit as it travels from the renderer to the host: the entities it added or changed, the new
// order of a list when that changed, and top-level fields. The host holds the document and
// applies the patch, so an edit on a design of thousands of nodes sends and checks what changed,
// not the whole design. Entities the patch does not name stay the very same objects, which lets
// the engine tell what it must compute again (src/shared/engine/live.ts).
import { z } from "zod";
import { InputError, type Problem } from "./problems";
import { type Design, External, Intent, PrefixList, Resource, referenceIssues, SecurityGroup, Vpc } from "./schema";

export const LISTS = ["vpcs", "resources", "externals", "groups", "prefixLists", "intents"] as const;
export type ListName = (typeof LISTS)[number];

/** Far beyond any design (the file limit is 50 MB): a bound on what one request may ask for. */
const MAX_ITEMS = 200_000;

const id = z.string().min(1).max(256);
const listPatch = <T extends z.ZodType>(item: T) =>
  z.object({
    /** The list's ids in their new order; absent when only entities changed in place. */
    ids: z.array(id).max(MAX_ITEMS).optional(),
    /** Entities added or changed, whole. */
    upsert: z.array(item).max(MAX_ITEMS),
  });

/** A top-level field's name: a plain identifier, never one that reaches an object's prototype. */
const fieldName = z
  .string()
  .max(256)
  .regex(/^[A-Za-z_$][\w$]*$/, "is not a field name")
  .refine((k) => !["__proto__", "constructor", "prototype"].includes(k), "is not a field a design may have");

export const DesignPatch = z.object({
  vpcs: listPatch(Vpc).optional(),
  resources: listPatch(Resource).optional(),
  externals: listPatch(External).optional(),
  groups: listPatch(SecurityGroup).optional(),
  prefixLists: listPatch(PrefixList).optional(),
  intents: listPatch(Intent).optional(),
  /** Top-level fields set (name, description, fields of newer versions kept on round trip). */
  fields: z.record(fieldName, z.unknown()).optional(),
  /** Top-level fields removed. */
  unset: z.array(fieldName).max(1000).optional(),
});
export type DesignPatch = z.input<typeof DesignPatch>;

const FIXED = new Set<string>(["format", "version", ...LISTS]);
const TOP_LEVEL = { name: z.string().max(255, "is longer than 255 characters"), description: z.string() } as const;

type Entity = { id: string };

/** What changed from `before` to `after`, found by identity: an entity not changed is the same object. */
export function diffDesign(before: Design, after: Design): DesignPatch {
  const patch: Record<string, unknown> = {};
  for (const list of LISTS) {
    const a = before[list] as readonly Entity[];
    const b = after[list] as readonly Entity[];
    if (a === b) continue;
    const old = new Map(a.map((e) => [e.id, e]));
    const upsert = b.filter((e) => old.get(e.id) !== e);
    const reordered = a.length !== b.length || b.some((e, i) => a[i]?.id !== e.id);
    if (upsert.length > 0 || reordered) patch[list] = { ...(reordered ? { ids: b.map((e) => e.id) } : {}), upsert };
  }
  const fields: Record<string, unknown> = {};
  const left = before as unknown as Record<string, unknown>;
  const right = after as unknown as Record<string, unknown>;
  for (const key of Object.keys(right))
    if (!FIXED.has(key) && right[key] !== left[key] && right[key] !== undefined) fields[key] = right[key];
  const unset = Object.keys(left).filter((k) => !FIXED.has(k) && left[k] !== undefined && right[k] === undefined);
  if (Object.keys(fields).length > 0) patch.fields = fields;
  if (unset.length > 0) patch.unset = unset;
  return patch as DesignPatch;
}

export function isEmptyPatch(patch: DesignPatch): boolean {
  return Object.keys(patch).length === 0;
}

/**
 * The design after a (validated) patch. Refuses, naming the place, a patch that would leave a
 * broken design: an id in a new order that names nothing, an upserted entity missing from it,
 * a dangling reference, a top-level field that is not a top-level field.
 */
export function applyPatch(design: Design, patch: z.output<typeof DesignPatch>): Design {
  const problems: Problem[] = [];
  const fail = (path: string, message: string) => problems.push({ message, severity: "error", path });
  const next: Record<string, unknown> = { ...design };
  for (const list of LISTS) {
    const change = patch[list];
    if (!change) continue;
    const current = design[list] as readonly Entity[];
    const byId = new Map(current.map((e) => [e.id, e]));
    const upserted = new Set<string>();
    for (const e of change.upsert as Entity[]) {
      byId.set(e.id, e);
      upserted.add(e.id);
    }
    const ids = change.ids ?? current.map((e) => e.id);
    const items: Entity[] = [];
    ids.forEach((entityId, i) => {
      const item = byId.get(entityId);
      if (item) items.push(item);
      else fail(`${list}.ids[${i}]`, `nothing in ${list} has id "${entityId}"`);
      upserted.delete(entityId);
    });
    for (const missing of upserted) fail(`${list}.upsert`, `"${missing}" is not in the list's new order`);
    next[list] = items;
  }
  for (const [key, value] of Object.entries(patch.fields ?? {})) {
    if (FIXED.has(key)) {
      fail(`fields.${key}`, "cannot be set by an edit");
      continue;
    }
    const schema = TOP_LEVEL[key as keyof typeof TOP_LEVEL];
    const checked = schema ? schema.safeParse(value) : { success: true as const, data: value };
    if (checked.success) next[key] = checked.data;
    else fail(`fields.${key}`, checked.error.issues[0]?.message ?? "is not valid");
  }
  for (const key of patch.unset ?? []) {
    if (FIXED.has(key) || key === "name") fail(`unset`, `"${key}" cannot be removed`);
    else delete next[key];
  }
  const result = next as Design;
  if (problems.length === 0)
    for (const { path, message } of referenceIssues(result).slice(0, 5)) fail(path.join("."), message);
  if (problems.length > 0) throw new InputError(problems);
  return result;
}
