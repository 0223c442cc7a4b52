// A question's ends follow the document: after any change (an edit, New, Open, a lesson), an end
// that names a node no longer there is found again by the name it had, or cleared; it never stays
// as an id of a node that is gone (which the form showed as a bad address, in red).
import { resolveEndpoint } from "../../shared/engine/resolve";
import { resourceEnds } from "../../shared/model/interfaces";
import type { Design } from "../../shared/model/schema";
import { parseAddress } from "../../shared/net/address";

/** What an end becomes in `design`, given the names of the nodes of the design it was chosen in. */
export function followEnd(design: Design, end: string, namesBefore: ReadonlyMap<string, string>): string {
  if (end === "" || parseAddress(end)) return end;
  // An instance's further interfaces are ends of their own ("web/eth1").
  const isNode = (id: string) => [...resourceEnds(design.resources), ...design.externals].some((n) => n.id === id);
  if (isNode(end)) return end;
  const name = namesBefore.get(end);
  if (name === undefined) return "";
  try {
    // Only a node of that name: the name may now resolve to a group no longer carried, which the
    // form's node pickers cannot show.
    const found = resolveEndpoint(design, name);
    return isNode(found) ? found : "";
  } catch {
    return "";
  }
}

export function nodeNames(design: Design): Map<string, string> {
  return new Map([...resourceEnds(design.resources), ...design.externals].map((n) => [n.id, n.name || n.id]));
}
