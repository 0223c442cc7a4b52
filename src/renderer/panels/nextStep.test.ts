import { describe, expect, it } from "vitest";
import { emptyDesign } from "../../shared/model";
import { addGroup, attachGroup } from "../actions/groups";
import { addExternal, addResource } from "../actions/nodes";
import { addRules } from "../actions/rules";
import { nextStep } from "./nextStep";

const at = { x: 0, y: 0 };
const one = addResource.perform(emptyDesign(), { kind: "instance", position: at });
const web = one.resources[0]!;
const grouped = (() => {
  const g = addGroup.perform(one, {});
  return attachGroup.perform(g, { nodeId: web.id, groupId: g.groups[0]!.id });
})();
const ruled = addRules.perform(grouped, {
  groupId: grouped.groups[0]!.id,
  direction: "ingress",
  rules: [{ protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
});

describe("the step an empty Flows tab names", () => {
  it("an empty canvas: drag a resource and an outside party", () => {
    expect(nextStep(emptyDesign())).toMatch(/^Nothing on the canvas yet/);
  });
  it("only the Internet: a resource", () => {
    expect(nextStep(addExternal.perform(emptyDesign(), { kind: "internet", position: at }))).toMatch(/Put a resource/);
  });
  it("one instance alone: a second end", () => {
    expect(nextStep(one)).toMatch(/needs two ends/);
  });
  it("an instance and the Internet, no group: attach one", () => {
    expect(nextStep(addExternal.perform(one, { kind: "internet", position: at }))).toMatch(/Attach a security group/);
  });
  it("a group with no inbound rule: add one, naming the group", () => {
    const d = addExternal.perform(grouped, { kind: "internet", position: at });
    expect(nextStep(d)).toMatch(new RegExp(`Add an inbound rule to ${grouped.groups[0]!.name}`));
  });
  it("rules from 0.0.0.0/0 but no outside party: put one on the canvas (the issue's case)", () => {
    const d = addResource.perform(ruled, { kind: "database", position: at });
    expect(nextStep(d)).toMatch(/put an outside party/);
  });
});
