import { describe, expect, it } from "vitest";
import { findings } from "../../shared/engine/findings";
import { removeRule } from "../actions/rules";
import { sampleDesign } from "../actions/testing";
import { fixOf, placeOf } from "./place";

const withDuplicate = () => {
  const d = sampleDesign();
  const web = d.groups[0]!;
  const again = { ...web.ingress[0]!, id: "web-https-2" };
  return { ...d, groups: [{ ...web, ingress: [...web.ingress, again] }, ...d.groups.slice(1)] };
};

describe("placeOf", () => {
  it("a rule's finding selects its group, points at the rule and centres a member", () => {
    const d = withDuplicate();
    const f = findings(d).find((x) => x.code === "duplicate-rule")!;
    expect(placeOf(d, f)).toEqual({
      selection: { nodes: [], group: "sg-web" },
      centre: "web",
      focusRule: { groupId: "sg-web", direction: "ingress", index: 1 },
    });
  });
  it("a node's finding selects and centres the node", () => {
    expect(placeOf(sampleDesign(), { code: "x", severity: "low", title: "", message: "", nodeId: "db" })).toEqual({
      selection: { nodes: ["db"] },
      centre: "db",
    });
  });
});

describe("fixOf", () => {
  it("deleting a duplicate rule, as offered, removes the finding and changes no flow", () => {
    const d = withDuplicate();
    const f = findings(d).find((x) => x.code === "duplicate-rule")!;
    const fix = fixOf(f);
    expect(fix).toMatchObject({ kind: "deleteRule", groupId: "sg-web", direction: "ingress", index: 1 });
    if (fix?.kind !== "deleteRule") return;
    const after = removeRule.perform(d, fix);
    expect(findings(after).some((x) => x.code === "duplicate-rule")).toBe(false);
    expect(after.groups[0]!.ingress).toEqual(sampleDesign().groups[0]!.ingress);
  });
  it("offers the engine's fix for a blocked intent, and nothing for a finding without a clear fix", () => {
    const d = { ...sampleDesign(), intents: [{ id: "i", from: "web", to: "db", protocol: "tcp", port: 6379 }] };
    const blocked = findings(d).find((x) => x.code === "intent-not-satisfied")!;
    expect(fixOf(blocked)).toEqual({ kind: "intent", intentId: "i", label: "Fix…" });
    expect(
      fixOf({ code: "ssh-open-to-world", severity: "high", title: "", message: "", groupId: "g" }),
    ).toBeUndefined();
  });
});
