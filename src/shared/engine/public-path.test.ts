// Traffic to a resource's public IPv4 goes out and back in through the internet gateway (the
// fixture of issue 11's "public address path"): the flows it must and must not permit.
import { describe, expect, it } from "vitest";
import { type Design, emptyDesign, newSecurityGroup, type Rule } from "../model";
import { evaluateFlow } from "./evaluate";
import { resolveEndpoint } from "./resolve";

const tcp = (port: number, peer: Rule["peer"]): Rule => ({
  id: `r-${port}-${JSON.stringify(peer)}`,
  protocol: "tcp",
  fromPort: port,
  toPort: port,
  peer,
});

/**
 * web (10.0.1.10, public 54.0.0.10) admits 443 from the app group and 22 from 198.51.100.0/24;
 * app (10.0.2.20, public 54.0.0.20) and worker (10.0.3.30, no public address) carry sg-app;
 * office is 198.51.100.0/24; a second instance of web's own group, web2, has no public address.
 */
function design(webIngress: Rule[]): Design {
  const d = emptyDesign("public path");
  d.vpcs = [{ id: "vpc", name: "vpc", cidrIpv4: "10.0.0.0/16" }];
  d.groups = [
    newSecurityGroup({ id: "sg-web", name: "web", ingress: webIngress }),
    newSecurityGroup({ id: "sg-app", name: "app" }),
  ];
  const at = { x: 0, y: 0 };
  d.resources = [
    {
      id: "web",
      kind: "instance",
      name: "web",
      vpcId: "vpc",
      privateIpv4: "10.0.1.10",
      publicIpv4: "54.0.0.10",
      groupIds: ["sg-web"],
      position: at,
    },
    {
      id: "app",
      kind: "instance",
      name: "app",
      vpcId: "vpc",
      privateIpv4: "10.0.2.20",
      publicIpv4: "54.0.0.20",
      groupIds: ["sg-app"],
      position: at,
    },
    {
      id: "worker",
      kind: "instance",
      name: "worker",
      vpcId: "vpc",
      privateIpv4: "10.0.3.30",
      groupIds: ["sg-app"],
      position: at,
    },
  ];
  d.externals = [{ id: "office", kind: "cidr", name: "office", cidrs: ["198.51.100.0/24"], position: at }];
  return d;
}

const byGroup = design([
  tcp(443, { kind: "group", groupId: "sg-app" }),
  tcp(22, { kind: "cidr4", cidr: "198.51.100.0/24" }),
]);
const check = (d: Design, from: string, to: string, port: number) =>
  evaluateFlow(d, { from, to, protocol: "tcp", port });

describe("a resource's public IPv4 names it, and traffic to it goes through the internet gateway", () => {
  it("to the private address, a group reference admits a member", () => {
    expect(check(byGroup, "app", "10.0.1.10", 443).permitted).toBe(true);
  });

  it("to the public address, the group reference no longer matches: the target sees the sender's public IPv4", () => {
    const v = check(byGroup, "app", "54.0.0.10", 443);
    expect(v.permitted).toBe(false);
    expect(v.explanation).toContain("54.0.0.10 is web's public IPv4");
    expect(v.explanation).toContain("web's groups see app's public IPv4 54.0.0.20, which no group reference matches");
    expect(v.families.map((f) => f.family)).toEqual([4]);
    expect(v.families[0]?.ingress.misses[0]?.detail).toMatch(
      /app arrives from 54\.0\.0\.20 .* through the internet gateway/,
    );
  });

  it("a rule for the sender's public address admits it at the public address", () => {
    const d = design([tcp(443, { kind: "cidr4", cidr: "54.0.0.20/32" })]);
    expect(check(d, "app", "54.0.0.10", 443).permitted).toBe(true);
    // ...and not at the private address, where the sender is seen by its private one.
    expect(check(d, "app", "web", 443).permitted).toBe(false);
  });

  it("a sender without a public address is assumed behind a NAT gateway: only a rule open to all of IPv4 admits it, and the explanation says what it assumed", () => {
    const open = design([tcp(443, { kind: "cidr4", cidr: "0.0.0.0/0" })]);
    const v = check(open, "worker", "54.0.0.10", 443);
    expect(v.permitted).toBe(true);
    expect(v.explanation).toMatch(/worker has no public IPv4 in this design: assumed to go through a NAT gateway/);
    expect(check(byGroup, "worker", "54.0.0.10", 443).permitted).toBe(false);
    expect(check(design([tcp(443, { kind: "cidr4", cidr: "54.0.0.0/8" })]), "worker", "54.0.0.10", 443).permitted).toBe(
      false,
    );
  });

  it("a party outside AWS reaching the public address meets the target's groups (they are not skipped as if it were outside)", () => {
    expect(check(byGroup, "198.51.100.7", "54.0.0.10", 22).permitted).toBe(true);
    const v = check(byGroup, "198.51.100.7", "54.0.0.10", 443);
    expect(v.permitted).toBe(false);
    expect(v.droppedAt?.side).toBe("ingress");
  });

  it("the sender's outbound rules see the target's public address, not its group", () => {
    const d = design([tcp(443, { kind: "cidr4", cidr: "0.0.0.0/0" })]);
    d.groups[1] = newSecurityGroup({
      id: "sg-app",
      name: "app",
      egress: [tcp(443, { kind: "group", groupId: "sg-web" })],
    });
    expect(check(d, "app", "web", 443).permitted).toBe(true);
    expect(check(d, "app", "54.0.0.10", 443).permitted).toBe(false);
  });
});

describe("a group as an end of a flow: a member carrying only that group", () => {
  it("is asked about by the group's id or name, at an unstated address in its VPC", () => {
    const v = check(byGroup, "app", "sg-web", 443);
    expect(v.permitted).toBe(true);
    expect(v.explanation).toContain("a member of web (sg-web)");
    expect(check(byGroup, "198.51.100.7", "sg-web", 443).permitted).toBe(false);
  });

  it("is named by the group's name only where no resource carries the group (a drawn member is asked by its own name)", () => {
    const lonely = { ...byGroup, groups: [...byGroup.groups, newSecurityGroup({ id: "sg-db", name: "db" })] };
    expect(resolveEndpoint(lonely, "db")).toBe("sg-db");
    expect(resolveEndpoint(lonely, "sg-app")).toBe("sg-app");
    expect(() => resolveEndpoint({ ...lonely, resources: [], externals: [] }, "nothing")).toThrow(/no node is named/);
    expect(resolveEndpoint(lonely, "app")).toBe("app");
  });
});
