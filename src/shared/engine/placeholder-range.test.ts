// A placeholder range (a CIDR variable with no value) is named for what it is wherever words or a
// picture shows it: `var.office_cidr (value unknown)`. Its stand-in CIDR is the engine's alone.
import { describe, expect, it } from "vitest";
import { emptyDesign, newSecurityGroup } from "../model";
import type { Design } from "../model/schema";
import { PLACEHOLDER_TAG } from "../model/unknowns";
import { describeRule } from "./describe";
import { evaluateFlow } from "./evaluate";

const at = { x: 0, y: 0 };
function design(): Design {
  const g = newSecurityGroup({ id: "sg-bastion", name: "bastion" });
  g.ingress.push({
    id: "ssh",
    protocol: "tcp",
    fromPort: 22,
    toPort: 22,
    peer: { kind: "cidr4", cidr: "240.0.0.0/24" },
  });
  return {
    ...emptyDesign("t"),
    groups: [g],
    resources: [{ id: "jump", kind: "instance", name: "jump", groupIds: ["sg-bastion"], position: at }],
    externals: [
      { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: at },
      {
        id: "office",
        kind: "cidr",
        name: "var.office_cidr",
        cidrs: ["240.0.0.0/24"],
        position: at,
        tags: { [PLACEHOLDER_TAG]: "var.office_cidr" },
      },
    ],
  };
}

describe("a placeholder range", () => {
  it("is the rule's peer by its name: the inspector's and the explanation's words", () => {
    const d = design();
    expect(describeRule(d, d.groups[0] as Design["groups"][number], "ingress", d.groups[0]?.ingress[0] as never)).toBe(
      "tcp 22 from var.office_cidr (value unknown)",
    );
    const permitted = evaluateFlow(d, { from: "office", to: "jump", protocol: "tcp", port: 22 });
    expect(permitted.explanation).toContain("tcp 22 from var.office_cidr (value unknown)");
    const blocked = evaluateFlow(d, { from: "internet", to: "jump", protocol: "tcp", port: 22 });
    expect(blocked.explanation).toContain("var.office_cidr (value unknown) covers only part of Internet");
    for (const verdict of [permitted, blocked]) expect(JSON.stringify(verdict)).not.toContain("240.");
  });
});
