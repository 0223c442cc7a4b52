// My IP stands for the user's own address, but starts as one reserved for documentation
// (203.0.113.10/32): no packet ever comes from it, so the rules that refer to it admit nobody.
// Said while sketching, and again by the export dialog. Other parties in documentation ranges are
// sketches' offices and partners, named as such; the export dialog warns of them before deploying.
import type { Design } from "../../model/schema";
import { isPlaceholderCidr } from "../../net/documentation";
import type { Finding } from "../types";

export function placeholderFindings(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const e of design.externals) {
    if (e.kind !== "myIp") continue;
    const placeholders = e.cidrs.filter(isPlaceholderCidr);
    if (placeholders.length === 0) continue;
    out.push({
      code: "placeholder-address",
      severity: "low",
      title: `${e.name} is a placeholder address`,
      message: `${e.name} is ${placeholders.join(", ")}, an address reserved for documentation that no real host has: rules that refer to it admit nobody. Enter your address (a rule's source “My IP…”, or this party's CIDR).`,
      nodeId: e.id,
    });
  }
  return out;
}
