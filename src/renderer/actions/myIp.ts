// "My IP" entered once: the address typed where a rule's source is "My IP…" becomes the My IP
// party's address, creating the party on the canvas when the design has none. The rules refer to
// the party (see shared/model/my-ip.ts), so the canvas edge and the rule follow the same address.

import { type Design, type External, myIpOf } from "../../shared/model";
import { cidrProblem } from "../../shared/net/address";
import { ActionRefused, defineAction } from "./types";

/** Where a new My IP party goes: left of everything drawn, where outside parties sit. */
function besideDesign(design: Design): { x: number; y: number } {
  const nodes = [...design.resources, ...design.externals];
  if (nodes.length === 0) return { x: 0, y: 0 };
  const x = Math.min(...nodes.map((n) => n.position.x)) - 260;
  const y = Math.max(...design.externals.map((n) => n.position.y + 120), Math.min(...nodes.map((n) => n.position.y)));
  return { x: Math.round(x), y: Math.round(y) };
}

export const enterMyIp = defineAction<{ id: string; cidr: string }>({
  name: "enterMyIp",
  label: "Enter my IP",
  perform(design, { id, cidr }) {
    const problem = cidrProblem(cidr);
    if (problem) throw new ActionRefused(problem);
    const me = design.externals.find((e) => e.id === id && e.kind === "myIp") ?? myIpOf(design);
    if (me) {
      if (me.cidrs.length === 1 && me.cidrs[0] === cidr) return design;
      return { ...design, externals: design.externals.map((e) => (e === me ? { ...e, cidrs: [cidr] } : e)) };
    }
    const party: External = { id, kind: "myIp", name: "My IP", cidrs: [cidr], position: besideDesign(design) };
    return { ...design, externals: [...design.externals, party] };
  },
});
