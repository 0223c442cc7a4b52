// A small design for the action tests: one VPC, a web server behind a group, the Internet.
import { type Design, emptyDesign, newSecurityGroup } from "../../shared/model";

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
