import { describe, expect, it } from "vitest";
import example from "../../../examples/three-tier.palisade.json";
import { simulate } from "../../shared/engine/simulate";
import { validateDesign } from "../../shared/model";
import { DROPPED_ARRIVING, DROPPED_LEAVING, packetPlan } from "./legs";

const threeTier = validateDesign(example);
const noEgress = {
  ...threeTier,
  groups: threeTier.groups.map((g) => (g.id === "sg-app" ? { ...g, egress: [] } : g)),
};

describe("packetPlan", () => {
  it("a permitted flow goes there and its reply comes back, with no timeout", () => {
    const plan = packetPlan(simulate(threeTier, { from: "internet", to: "alb", protocol: "tcp", port: 443 }));
    expect(plan.legs).toEqual([
      { from: "internet", to: "alb", kind: "request", until: 1 },
      { from: "alb", to: "internet", kind: "reply", until: 1 },
    ]);
    expect(plan.timeoutAt).toBeUndefined();
  });
  it("a flow the target's inbound rules drop stops at the target, which times out", () => {
    const plan = packetPlan(simulate(threeTier, { from: "internet", to: "db", protocol: "tcp", port: 5432 }));
    expect(plan.legs).toEqual([{ from: "internet", to: "db", kind: "request", until: DROPPED_ARRIVING }]);
    expect(plan.timeoutAt).toBe("db");
    expect(plan.reason).toMatch(/db|inbound|5432/i);
  });
  it("a flow the source's outbound rules drop stops as it leaves the source", () => {
    const plan = packetPlan(simulate(noEgress, { from: "app-1", to: "db", protocol: "tcp", port: 5432 }));
    expect(plan.legs).toEqual([{ from: "app-1", to: "db", kind: "request", until: DROPPED_LEAVING }]);
    expect(plan.timeoutAt).toBe("app-1");
  });
});
