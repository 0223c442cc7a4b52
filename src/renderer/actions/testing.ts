// A small design for the action tests: one VPC, a web server behind a group, the Internet.

import { type Design, emptyDesign, newSecurityGroup } from "../../shared/model";
import { otherAccountGroup } from "../../shared/model/other-account";

export function sampleDesign(): Design {
  return {
    ...emptyDesign("Sample"),
    vpcs: [{ id: "vpc-1", name: "main", cidrIpv4: "10.0.0.0/16" }],
    resources: [
      { id: "web", kind: "instance", name: "web", vpcId: "vpc-1", groupIds: ["sg-web"], position: { x: 100, y: 0 } },
      { id: "db", kind: "database", name: "db", vpcId: "vpc-1", groupIds: ["sg-db"], position: { x: 300, y: 0 } },
    ],
    externals: [
      { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: { x: 0, y: 0 } },
    ],
    groups: [
      {
        ...newSecurityGroup({ id: "sg-web", name: "web" }),
        vpcId: "vpc-1",
        ingress: [
          { id: "web-https", protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } },
        ],
      },
      {
        ...newSecurityGroup({ id: "sg-db", name: "db" }),
        vpcId: "vpc-1",
        ingress: [
          { id: "db-pg", protocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "group", groupId: "sg-web" } },
        ],
      },
    ],
  };
}

/**
 * The sample with a group of another account, as an import leaves it: a placeholder (sg-partner)
 * that the web group admits tcp 8443 from.
 */
export function sampleWithOtherAccount(): Design {
  const d = sampleDesign();
  const partner = otherAccountGroup("sg-partner", { account: "111122223333", groupId: "sg-0abc1234def567890" });
  const web = d.groups[0]!;
  return {
    ...d,
    groups: [
      {
        ...web,
        ingress: [
          ...web.ingress,
          {
            id: "web-partner",
            protocol: "tcp",
            fromPort: 8443,
            toPort: 8443,
            peer: { kind: "group", groupId: partner.id },
          },
        ],
      },
      ...d.groups.slice(1),
      partner,
    ],
  };
}
