// What an empty Flows tab says: the one step that is missing before any flow can appear, read
// from the design (nothing on the canvas, one end only, no group, no inbound rule, no outside
// party for the addresses the rules admit), not a fixed sentence that may already be done.
import type { Design } from "../../shared/model/schema";

export function nextStep(design: Design): string {
  const { resources, externals, groups } = design;
  if (resources.length === 0 && externals.length === 0)
    return "Nothing on the canvas yet: drag a resource (an instance, a database…) and an outside party (the Internet, My IP) from the palette.";
  if (resources.length === 0)
    return "Put a resource (an instance, a database…) on the canvas: outside parties have no security groups, so only a resource inside AWS can be reached.";
  if (resources.length === 1 && externals.length === 0)
    return `A flow needs two ends: put an outside party (the Internet, My IP) or a second resource on the canvas beside ${resources[0]!.name}.`;
  const bare = resources.filter((r) => r.groupIds.length === 0);
  if (bare.length === resources.length)
    return `Attach a security group: drag “New security group” onto ${bare[0]!.name}, or drag from a node's handle to another node and let Fix write the rules.`;
  const attached = new Set(resources.flatMap((r) => r.groupIds));
  const used = groups.filter((g) => attached.has(g.id));
  if (used.every((g) => g.ingress.length === 0))
    return `Add an inbound rule to ${used[0]?.name || used[0]?.id}: a new security group lets nothing in.`;
  const admitsAddresses = used.some((g) => g.ingress.some((r) => r.peer.kind !== "group"));
  if (admitsAddresses && externals.length === 0)
    return "The inbound rules admit addresses, but nothing on the canvas stands for them: put an outside party (the Internet, My IP, a named CIDR) on the canvas.";
  return "No rule admits any node on the canvas yet: ask in the Ask tab why a flow you expect is blocked.";
}
