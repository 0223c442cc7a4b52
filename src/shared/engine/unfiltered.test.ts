// The fixture of issue 11's "unfiltered addresses": an instance whose group allows no outbound
// traffic at all still reaches what AWS never filters, and nothing else.
import { describe, expect, it } from "vitest";
import { emptyDesign, newSecurityGroup } from "../model";
import { evaluateFlow } from "./evaluate";

const design = (() => {
  const d = emptyDesign("unfiltered");
  d.vpcs = [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16", cidrIpv6: "2001:db8::/56" }];
  d.groups = [newSecurityGroup({ id: "sg-closed", name: "closed", egress: [] })];
  d.resources = [
    {
      id: "web",
      kind: "instance",
      name: "web",
      vpcId: "vpc",
      privateIpv4: "10.0.1.5",
      ipv6: "2001:db8::5",
      groupIds: ["sg-closed"],
      position: { x: 0, y: 0 },
    },
  ];
  return d;
})();

const ask = (to: string, protocol: string, port?: number) =>
  evaluateFlow(design, { from: "web", to, protocol, ...(port !== undefined ? { port } : {}) });

describe("traffic that security groups never filter", () => {
  it.each([
    ["169.254.169.253", "udp", 53, /the Amazon DNS server/],
    ["fd00:ec2::253", "udp", 53, /the Amazon DNS server/],
    ["10.0.0.2", "udp", 53, /Amazon DNS server of VPC main \(10\.0\.0\.0\/16\) \(base \+ 2\)/],
    ["169.254.169.254", "tcp", 80, /instance metadata service/],
    ["fd00:ec2::254", "tcp", 80, /instance metadata service/],
    ["169.254.169.123", "udp", 123, /Time Sync Service/],
    ["fd00:ec2::123", "udp", 123, /Time Sync Service/],
    ["255.255.255.255", "udp", 67, /DHCP/],
    ["10.0.0.1", "udp", 67, /DHCP, served by the router/],
    ["10.0.0.1", "icmp", undefined, /router of VPC main/],
    ["10.0.0.3", "tcp", 443, /reserved by AWS/],
  ] as const)("%s (%s %s): groups do not apply, rules are not evaluated", (to, protocol, port, what) => {
    const v = ask(to, protocol, port);
    expect(v.permitted).toBe(true);
    expect(v.unfiltered).toMatch(what);
    expect(v.families).toEqual([]);
    expect(v.explanation).toMatch(/^Security groups do not apply: .*web's rules are not evaluated/);
  });

  it.each([
    ["10.0.0.4", "udp", 53],
    ["169.254.169.250", "tcp", 80],
    ["255.255.255.255", "udp", 53],
    ["8.8.8.8", "udp", 53],
  ] as const)("%s (%s %s) is filtered as usual: the closed group drops it", (to, protocol, port) => {
    const v = ask(to, protocol, port);
    expect(v.permitted).toBe(false);
    expect(v.unfiltered).toBeUndefined();
    expect(v.droppedAt?.side).toBe("egress");
  });
});
