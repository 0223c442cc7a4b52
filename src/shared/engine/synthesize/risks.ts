// What a fix makes risky that was not before: a port opened to the whole Internet, a group over
// AWS's rule quota. Only the changed groups are weighed, so that a large design costs nothing extra.
import type { Design } from "../../model/schema";
import { exposureFindings } from "../findings/exposure";
import { quotaFindings } from "../findings/quotas";
import type { Change } from "./changes";

function risks(design: Design, groupIds: Set<string>): Map<string, string> {
  const only: Design = { ...design, groups: design.groups.filter((g) => groupIds.has(g.id)), resources: [] };
  const out = new Map<string, string>();
  for (const f of [...exposureFindings(only), ...quotaFindings(only)])
    out.set(`${f.code}|${f.groupId}|${f.direction}`, `${f.title}: ${f.message}`);
  return out;
}

/** Findings the changes bring about, in words. */
export function newRisks(before: Design, after: Design, changes: readonly Change[]): string[] {
  const changed = new Set(changes.flatMap((c) => (c.kind === "addRule" ? [c.groupId] : [])));
  if (changed.size === 0) return [];
  const old = risks(before, changed);
  return [...risks(after, changed)].filter(([key]) => !old.has(key)).map(([, text]) => text);
}
