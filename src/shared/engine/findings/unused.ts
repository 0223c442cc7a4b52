// Groups on no interface: their rules protect nothing, and often are left over from a change.
import { resourceEnds } from "../../model/interfaces";
import type { Design } from "../../model/schema";
import { groupLabel } from "../describe";
import type { Finding } from "../types";

export function unusedGroupFindings(design: Design): Finding[] {
  const used = new Set(resourceEnds(design.resources).flatMap((r) => r.groupIds));
  return (
    design.groups
      // A group of another account has its members there: none here is what is expected.
      .filter((g) => !used.has(g.id) && !g.otherAccount)
      .map((g) => ({
        code: "group-without-members",
        severity: "low",
        title: "Security group with no members",
        message: `${groupLabel(g)} is attached to no resource, so its rules apply to nothing${
          design.groups.some((o) =>
            [...o.ingress, ...o.egress].some(
              (r) => r.peer.kind === "group" && r.peer.groupId === g.id && o.id !== g.id,
            ),
          )
            ? "; rules of other groups that reference it match no address"
            : ""
        }. Attach it or delete it.`,
        groupId: g.id,
      }))
  );
}
