import { describe, expect, it } from "vitest";
import threeTier from "../../../examples/three-tier.palisade.json";
import { permittedFlows } from "../engine";
import { validateDesign } from "../model";
import { outboundOf } from "./outbound";

describe("outboundOf", () => {
  const design = validateDesign(threeTier);
  const flows = permittedFlows(design);
  const { markers, hidden } = outboundOf(design, flows);
  it("marks a group's default egress (all traffic to anywhere) as 'all outbound' on its members", () => {
    expect(markers.get("app-1")).toBe("all outbound");
    expect(markers.get("app-2")).toBe("all outbound");
    expect(markers.has("db")).toBe(false);
  });
  it("leaves off the flows the marker stands for (to the Internet and to the office), and no other", () => {
    expect([...hidden].sort()).toEqual(["app-1->internet", "app-1->office", "app-2->internet", "app-2->office"]);
    for (const f of flows) if (!f.to.match(/internet|office/)) expect(hidden.has(f.id)).toBe(false);
  });
  it("keeps a flow to an outside party that a narrower rule allows, beside the marker", () => {
    const narrow = validateDesign({
      ...threeTier,
      groups: threeTier.groups.map((g) =>
        g.id === "sg-app"
          ? {
              ...g,
              egress: [
                { id: "dns", protocol: "udp", fromPort: 53, toPort: 53, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } },
                {
                  id: "ssh",
                  protocol: "tcp",
                  fromPort: 22,
                  toPort: 22,
                  peer: { kind: "cidr4", cidr: "198.51.100.0/24" },
                },
                ...g.egress.filter((r) => r.peer.kind === "group"),
              ],
            }
          : g,
      ),
    });
    const out = outboundOf(narrow, permittedFlows(narrow));
    expect(out.markers.get("app-1")).toBe("outbound udp 53");
    expect(out.hidden.has("app-1->internet")).toBe(true);
    expect(out.hidden.has("app-1->office")).toBe(false);
  });
});
