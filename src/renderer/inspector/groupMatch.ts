// Finding a security group by what the person types, for the rule form's group picker: a design
// may hold a region's 2,500 groups, which no drop-down list can show usefully.

export interface GroupChoice {
  id: string;
  name: string;
}

/** Up to this many groups the picker is a plain drop-down list of all of them. */
export const PICK_BY_SEARCH_FROM = 40;
/** Matches shown at once; typing more narrows them. */
export const MATCHES_SHOWN = 50;

/**
 * The groups whose name or id contains `query` (ignoring case), best first: an exact name or id,
 * then names and ids that start with it, then the rest, each in name order. Up to `limit`, and
 * how many matched in all.
 */
export function matchGroups(
  groups: readonly GroupChoice[],
  query: string,
  limit = MATCHES_SHOWN,
): { shown: GroupChoice[]; total: number } {
  const q = query.trim().toLowerCase();
  const ranked: { group: GroupChoice; rank: number; name: string }[] = [];
  for (const group of groups) {
    const name = group.name.toLowerCase();
    const id = group.id.toLowerCase();
    const rank =
      q === ""
        ? 2
        : name === q || id === q
          ? 0
          : name.startsWith(q) || id.startsWith(q)
            ? 1
            : name.includes(q) || id.includes(q)
              ? 2
              : -1;
    if (rank >= 0) ranked.push({ group, rank, name });
  }
  ranked.sort((a, b) => a.rank - b.rank || compareNames(a.name, b.name) || (a.group.id < b.group.id ? -1 : 1));
  return { shown: ranked.slice(0, limit).map((r) => r.group), total: ranked.length };
}

/** Names in the order a person expects: "svc-2" before "svc-10". */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The one group that `text` names exactly (its name or id, ignoring case), if only one does. */
export function groupNamed(groups: readonly GroupChoice[], text: string): GroupChoice | undefined {
  const q = text.trim().toLowerCase();
  if (q === "") return undefined;
  const byId = groups.find((g) => g.id.toLowerCase() === q);
  if (byId) return byId;
  const byName = groups.filter((g) => g.name.toLowerCase() === q);
  return byName.length === 1 ? byName[0] : undefined;
}
