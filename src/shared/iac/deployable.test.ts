import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyDesign, parseDesign } from "../model/document";
import { newSecurityGroup } from "../model/factory";
import type { Design } from "../model/schema";
import { exportWarnings, isExistingVpc } from "./deployable";

const example = (name: string) =>
  parseDesign(readFileSync(join(import.meta.dirname, "../../../examples", `${name}.palisade.json`), "utf8"));

const noVpc = (): Design => ({
  ...emptyDesign("t"),
  groups: [newSecurityGroup({ id: "sg-web", name: "web" }), newSecurityGroup({ id: "sg-db", name: "db" })],
  resources: [{ id: "web", kind: "instance", name: "web", groupIds: ["sg-web"], position: { x: 0, y: 0 } }],
});

describe("exportWarnings", () => {
  it("warns that groups without a VPC go to the default VPC while instances get subnets, and offers vpc_id", () => {
    const [w] = exportWarnings(noVpc());
    expect(w).toMatchObject({ code: "groups-without-vpc", severity: "warning", fix: { option: "vpcIdVariable" } });
    expect(w?.message).toMatch(/^2 security groups web, db have no VPC: .*default VPC/);
  });

  it("says nothing of groups without a VPC once the vpc_id variable is chosen", () => {
    expect(exportWarnings(noVpc(), { vpcIdVariable: true })).toEqual([]);
  });

  it("says nothing of groups without a VPC when nothing is placed in a subnet", () => {
    expect(exportWarnings({ ...noVpc(), resources: [] })).toEqual([]);
  });

  it("flags My IP's placeholder, 203.0.113.10/32, as an address no real host has", () => {
    const warnings = exportWarnings(example("http-server"));
    const placeholder = warnings.filter((w) => w.code === "placeholder-address");
    expect(placeholder.map((w) => w.message)).toEqual([
      expect.stringMatching(/^My IP is 203\.0\.113\.10\/32, an address reserved for documentation/),
    ]);
  });

  it("flags a rule's own documentation CIDR once, naming its group", () => {
    const d = noVpc();
    d.resources = [];
    d.groups[0]?.ingress.push({
      id: "r",
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      peer: { kind: "cidr4", cidr: "198.51.100.0/24" },
    });
    expect(exportWarnings(d).map((w) => w.message)).toEqual([
      expect.stringMatching(/^a rule of web is 198\.51\.100\.0\/24/),
    ]);
  });

  it("notes that a VPC without a block is referenced, not created", () => {
    const d = { ...emptyDesign("t"), vpcs: [{ id: "vpc-0f1e2d3c4b5a69788", name: "prod" }] };
    expect(exportWarnings(d)).toEqual([
      expect.objectContaining({
        code: "existing-vpc",
        severity: "note",
        message: expect.stringContaining("vpc-0f1e2d3c4b5a69788 by default"),
      }),
    ]);
  });
});

describe("isExistingVpc", () => {
  it.each([
    [{ id: "vpc-main", name: "main", cidrIpv4: "10.0.0.0/16" }, false],
    [{ id: "vpc-main", name: "main" }, true],
    [{ id: "vpc-0f1e2d3c4b5a69788", name: "prod", cidrIpv4: "10.0.0.0/16" }, true],
  ])("%j: %s", (vpc, expected) => expect(isExistingVpc(vpc)).toBe(expected));
});
