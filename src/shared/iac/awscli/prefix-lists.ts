// describe-managed-prefix-lists and get-managed-prefix-list-entries: the lists, then their entries.
import { normalizeCidr } from "../../net/normalize";
import type { Context } from "./context";

export function readPrefixLists(ctx: Context): void {
  for (const { file, output } of ctx.outputs)
    output.PrefixLists?.forEach((p, i) => {
      if (ctx.prefixLists.has(p.PrefixListId)) {
        ctx.warn(file, ["PrefixLists", i], `prefix list ${p.PrefixListId} appears twice; the first is kept`);
        return;
      }
      ctx.prefixLists.set(p.PrefixListId, {
        id: p.PrefixListId,
        name: p.PrefixListName ?? p.PrefixListId,
        addressFamily: p.AddressFamily,
        // AWS-managed lists print no MaxEntries; their weight is unknown here, so count one.
        maxEntries: p.MaxEntries ?? 1,
        entries: [],
      });
    });
}

/**
 * get-managed-prefix-list-entries does not print the list's id: take it from the file name
 * (pl-0123abcd-entries.json), else from the only described list without entries.
 */
export function readPrefixListEntries(ctx: Context): void {
  for (const { file, output } of ctx.outputs) {
    if (!output.Entries) continue;
    const named = /pl-[0-9a-f]+/.exec(file.name)?.[0];
    const empty = [...ctx.prefixLists.values()].filter((p) => p.entries.length === 0);
    const list = named ? ctx.prefixLists.get(named) : empty.length === 1 ? empty[0] : undefined;
    if (!list) {
      ctx.warn(
        file,
        ["Entries"],
        named
          ? `these entries belong to ${named}, which no describe-managed-prefix-lists output describes; they were not imported`
          : "prefix list entries whose list is unknown were not imported: name the file after the list (pl-0123abcd.json) or import the describe-managed-prefix-lists output of exactly that list",
      );
      continue;
    }
    output.Entries.forEach((e, i) => {
      const family = e.Cidr.includes(":") ? "IPv6" : "IPv4";
      if (family !== list.addressFamily) {
        ctx.fail(file, ["Entries", i, "Cidr"], `${e.Cidr} is not an ${list.addressFamily} CIDR as ${list.id} holds`);
        return;
      }
      const stored = normalizeCidr(e.Cidr, family === "IPv6" ? 6 : 4);
      if (!("cidr" in stored)) {
        ctx.fail(file, ["Entries", i, "Cidr"], stored.problem);
        return;
      }
      if (stored.note) ctx.warn(file, ["Entries", i, "Cidr"], stored.note);
      list.entries.push({ cidr: stored.cidr, ...(e.Description ? { description: e.Description.slice(0, 255) } : {}) });
    });
    if (list.entries.length > list.maxEntries) list.maxEntries = Math.min(1000, list.entries.length);
  }
}
