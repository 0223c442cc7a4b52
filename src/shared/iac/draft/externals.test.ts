import { describe, expect, it } from "vitest";
import { Ids } from "../../model/ids";
import type { Rule, SecurityGroup, Vpc } from "../../model/schema";
import { externalsOf, type OutsideParties } from "./externals";

const rule = (cidr: string): Rule => ({
  id: `r-${cidr}`,
  protocol: "tcp",
  fromPort: 443,
  toPort: 443,
  peer: cidr.includes(":") ? { kind: "cidr6", cidr } : { kind: "cidr4", cidr },
});
const group = (ingress: string[], egress: string[]): SecurityGroup => ({
  id: "sg-1",
  name: "web",
  description: "",
  ingress: ingress.map(rule),
  egress: egress.map(rule),
});
const parties = (groups: SecurityGroup[], vpcs: Vpc[] = [], outside?: OutsideParties) =>
  externalsOf({ vpcs, groups, namedCidrs: [], ...(outside ? { outside } : {}) }, new Ids()).map((e) => [
    e.kind,
    e.cidrs,
  ]);
const DESCRIBED: OutsideParties = { internetByIngressOnly: true, privateInsideWithoutVpcs: true };

describe("externalsOf", () => {
  it("brings in the Internet for a file's egress rule to the world, but only for ingress where the source asks", () => {
    const egressOnly = group([], ["0.0.0.0/0"]);
    expect(parties([egressOnly])).toEqual([["internet", ["0.0.0.0/0", "::/0"]]]);
    expect(parties([egressOnly], [], DESCRIBED)).toEqual([]);
    expect(parties([group(["::/0"], [])], [], DESCRIBED)).toEqual([["internet", ["0.0.0.0/0", "::/0"]]]);
  });

  it("takes private ranges as inside when no VPC's range is known, where the source asks", () => {
    const admits = group(["10.1.0.0/16", "fd00::/8", "203.0.113.0/24"], []);
    expect(parties([admits])).toEqual([
      ["cidr", ["10.1.0.0/16"]],
      ["cidr", ["fd00::/8"]],
      ["cidr", ["203.0.113.0/24"]],
    ]);
    expect(parties([admits], [], DESCRIBED)).toEqual([["cidr", ["203.0.113.0/24"]]]);
  });

  it("takes only the known VPCs' ranges as inside once one is known, whatever the source", () => {
    const admits = group(["10.1.0.0/16", "10.2.0.0/16"], []);
    const vpc: Vpc = { id: "vpc-1", name: "main", cidrIpv4: "10.1.0.0/16" };
    expect(parties([admits], [vpc], DESCRIBED)).toEqual([["cidr", ["10.2.0.0/16"]]]);
    expect(parties([admits], [vpc])).toEqual([["cidr", ["10.2.0.0/16"]]]);
  });
});
