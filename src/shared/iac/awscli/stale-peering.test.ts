// A group reference across a VPC peering that is deleted (PeeringStatus "deleted" in
// describe-security-groups' UserIdGroupPairs) is imported as stale: the engine matches no one for
// it, the explanation says why, and lint points at the rule.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateFlow } from "../../engine/evaluate";
import { findings } from "../../engine/findings";
import { permittedFlows } from "../../engine/flows";
import { resolveEndpoint } from "../../engine/resolve";
import { stalePeering } from "../../model/peering";
import type { Design } from "../../model/schema";
import { importAwsCli } from "./import";

const fixtures = join(__dirname, "../fixtures/stale-peering");
const read = (name: string) => ({ name, text: readFileSync(join(fixtures, name), "utf8") });
const deleted = read("describe-security-groups.json");
const active = { name: "active.json", text: deleted.text.replace('"deleted"', '"active"') };
const others = [read("describe-instances.json"), read("describe-vpcs.json")];

const check = (design: Design, from: string, to: string, port: number) =>
  evaluateFlow(design, {
    from: resolveEndpoint(design, from, "from"),
    to: resolveEndpoint(design, to, "to"),
    protocol: "tcp",
    port,
  });

describe("a group reference across a deleted VPC peering", () => {
  it("is imported with the peering AWS printed, and is stale", () => {
    const { design } = importAwsCli([deleted, ...others]);
    const rule = design.groups.find((g) => g.name === "app")?.ingress[0];
    expect(rule?.peer).toEqual({
      kind: "group",
      groupId: "sg-0000000000000f002",
      peering: { connectionId: "pcx-0000000000000e001", status: "deleted" },
    });
    expect(rule && stalePeering(rule.peer)).toBeTruthy();
  });

  it("matches no member of the group, and check says why", () => {
    const { design } = importAwsCli([deleted, ...others]);
    const verdict = check(design, "reports", "app", 5432);
    expect(verdict.permitted).toBe(false);
    const miss = verdict.families[0]?.ingress.misses.find((m) => m.reason === "peer");
    expect(miss?.detail).toContain("pcx-0000000000000e001");
    expect(miss?.detail).toContain("stale");
    expect(verdict.explanation).toContain("stale");
    // The same rule before the peering was deleted admits the group's members.
    expect(check(importAwsCli([active, ...others]).design, "reports", "app", 5432).permitted).toBe(true);
    // The group's other rule still works: it is the reference that is stale, not the group.
    expect(check(design, "reports", "app", 443).permitted).toBe(true);
  });

  it("gives no flow in the whole relation either", () => {
    const flows = (design: Design) =>
      permittedFlows(design).filter((f) =>
        f.services.some((s) => s.protocol === "tcp" && (s.fromPort ?? 0) <= 5432 && 5432 <= (s.toPort ?? 0)),
      );
    expect(flows(importAwsCli([deleted, ...others]).design)).toEqual([]);
    expect(flows(importAwsCli([active, ...others]).design)).toHaveLength(1);
  });

  it("is a lint finding at the rule, placed in the file; an active peering is none, nor a cross-VPC one", () => {
    const imported = importAwsCli([deleted, ...others]);
    const stale = findings(imported.design).filter((f) => f.code === "stale-group-reference");
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ groupId: "sg-0000000000000f001", direction: "ingress", ruleIndex: 0 });
    expect(stale[0]?.message).toContain("pcx-0000000000000e001");
    const at = imported.locate("rule:sg-0000000000000f001:ingress:0");
    const line = deleted.text.split("\n").findIndex((l) => l.includes('"VpcId": "vpc-0b0000000000000b2"')) + 1;
    expect(at).toMatchObject({ file: "describe-security-groups.json" });
    expect(at?.line).toBeLessThan(line);
    expect(at?.line).toBeGreaterThan(line - 4);
    const codes = findings(importAwsCli([active, ...others]).design).map((f) => f.code);
    expect(codes).not.toContain("stale-group-reference");
    expect(codes).not.toContain("group-in-other-vpc");
  });
});

const CORPUS = join(__dirname, "../../../../../shared/corpus/awscli/custodian-stale-peer.json");

describe.skipIf(!existsSync(CORPUS))("custodian-stale-peer.json (read in place)", () => {
  it("keeps the peering its pair names; PeeringStatus active is not stale", () => {
    const { design } = importAwsCli([{ name: "custodian-stale-peer.json", text: readFileSync(CORPUS, "utf8") }]);
    const peer = design.groups.find((g) => g.name === "web-tier")?.ingress[0]?.peer;
    expect(peer).toEqual({
      kind: "group",
      groupId: "sg-e9843198",
      peering: { connectionId: "pcx-0a5e2a63", status: "active" },
    });
    expect(peer && stalePeering(peer)).toBeUndefined();
    expect(findings(design).map((f) => f.code)).not.toContain("stale-group-reference");
  });
});
