// Naming an end of a flow as a person would: a node's id, its name, or a literal address.

import { interfaceEndId, resourceEnds } from "../model/interfaces";
import { InputError } from "../model/problems";
import type { Design } from "../model/schema";
import { parseAddress } from "../net/address";

/**
 * A node's names: its Name tag where it has one, else its own name (the Terraform resource name,
 * CloudFormation logical id, RDS identifier, load balancer name the importer gave it), and its id.
 */
function namesOf(node: { id: string; name: string; tags?: Record<string, string> }): string[] {
  return [node.tags?.Name, node.name, node.id].filter((n): n is string => Boolean(n));
}

/**
 * Turns what a user typed into what evaluateFlow takes: a node id, a group id (a member of that
 * group) or a literal address. Matching
 * ignores case; an exact id wins; an ambiguous name is an error that lists the candidates.
 */
export function resolveEndpoint(design: Design, text: string, role: "from" | "to" = "from"): string {
  const wanted = text.trim();
  if (wanted === "") throw new InputError([{ message: `--${role} is empty`, severity: "error", path: role }]);
  // Every interface is an end: "web" (eth0), "web/eth1", or an interface's own id (eni-…).
  const nodes = [...resourceEnds(design.resources), ...design.externals];
  const byId = nodes.find((n) => n.id === wanted);
  if (byId) return byId.id;
  for (const r of design.resources)
    for (const eni of r.interfaces ?? []) if (eni.id === wanted) return interfaceEndId(r.id, eni.deviceIndex);
  // eth0 is the resource itself.
  const primary = /^(.+)\/eth0$/i.exec(wanted);
  if (primary?.[1]) return resolveEndpoint(design, primary[1], role);
  if (parseAddress(wanted)) return wanted;
  const lower = wanted.toLowerCase();
  const matches = nodes.filter((n) => namesOf(n).some((name) => name.toLowerCase() === lower));
  if (matches.length === 1) return (matches[0] as { id: string }).id;
  if (matches.length > 1)
    throw new InputError([
      {
        path: role,
        severity: "error",
        message: `"${wanted}" is ambiguous: it names ${matches.length} nodes: ${matches
          .map((n) => `${n.id} (${n.kind} "${n.name}")`)
          .join(", ")}. Use an id.`,
      },
    ]);
  // A group stands for a member that carries only it (see groupMember): by its id, or by its name
  // where no resource of the design carries it (then "app" means app-1 or app-2, which are named).
  const carried = new Set(nodes.flatMap((n) => ("groupIds" in n ? n.groupIds : [])));
  const groups = design.groups.filter((g) => g.id === wanted || (g.name.toLowerCase() === lower && !carried.has(g.id)));
  if (groups.length === 1) return (groups[0] as { id: string }).id;
  if (groups.length > 1)
    throw new InputError([
      {
        path: role,
        severity: "error",
        message: `"${wanted}" is ambiguous: it names ${groups.length} security groups: ${groups.map((g) => g.id).join(", ")}. Use an id.`,
      },
    ]);
  // The Internet is a party every user means the same way, whatever a design calls it.
  if (lower === "internet" || lower === "0.0.0.0/0") {
    const internet = design.externals.find((e) => e.kind === "internet");
    if (internet) return internet.id;
  }
  const close = nodes
    .filter((n) => namesOf(n).some((name) => name.toLowerCase().includes(lower) || lower.includes(name.toLowerCase())))
    .slice(0, 5)
    .map((n) => n.name || n.id);
  throw new InputError([
    {
      path: role,
      severity: "error",
      message: `no node is named "${wanted}" and it is not an IP address${close.length ? `; did you mean ${close.join(", ")}?` : ""}`,
    },
  ]);
}
