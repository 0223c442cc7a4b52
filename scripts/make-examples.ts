// Writes the bundled examples from code, so they always validate against the schema.
// Run: node --import tsx scripts/make-examples.ts
import { writeFileSync } from "node:fs";
import { type Design, emptyDesign, newSecurityGroup, serializeDesign, validateDesign } from "../src/shared/model";

const vpc = { id: "vpc-main", name: "main", cidrIpv4: "10.0.0.0/16", cidrIpv6: "2001:db8:1234::/56" };

function httpServer(): Design {
  const d = emptyDesign("HTTP/HTTPS server");
  d.description = "The classic exercise: the Internet reaches a web server on 80 and 443, SSH only from my IP.";
  d.vpcs = [vpc];
  d.externals = [
    { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: { x: 0, y: 0 } },
    { id: "my-ip", kind: "myIp", name: "My IP", cidrs: ["203.0.113.10/32"], position: { x: 0, y: 220 } },
  ];
  d.groups = [
    newSecurityGroup(
      {
        id: "sg-web",
        name: "web",
        description: "HTTP and HTTPS from anywhere, SSH from my IP",
        vpcId: vpc.id,
        ingress: [
          {
            id: "web-http-v4",
            protocol: "tcp",
            fromPort: 80,
            toPort: 80,
            peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
            description: "HTTP",
          },
          {
            id: "web-http-v6",
            protocol: "tcp",
            fromPort: 80,
            toPort: 80,
            peer: { kind: "cidr6", cidr: "::/0" },
            description: "HTTP",
          },
          {
            id: "web-https-v4",
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
            description: "HTTPS",
          },
          {
            id: "web-https-v6",
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            peer: { kind: "cidr6", cidr: "::/0" },
            description: "HTTPS",
          },
          {
            id: "web-ssh-me",
            protocol: "tcp",
            fromPort: 22,
            toPort: 22,
            peer: { kind: "cidr4", cidr: "203.0.113.10/32" },
            description: "SSH from my IP",
          },
        ],
      },
      vpc,
    ),
  ];
  d.resources = [
    {
      id: "web",
      kind: "instance",
      name: "web",
      vpcId: vpc.id,
      privateIpv4: "10.0.1.10",
      ipv6: "2001:db8:1234:1::10",
      publicIpv4: "198.51.100.20",
      groupIds: ["sg-web"],
      position: { x: 420, y: 100 },
    },
  ];
  return d;
}

function threeTier(): Design {
  const d = emptyDesign("Three tiers");
  d.description = "Load balancer, app and database; each tier admits only the group in front of it.";
  d.vpcs = [{ id: vpc.id, name: vpc.name, cidrIpv4: vpc.cidrIpv4 }];
  d.externals = [
    { id: "internet", kind: "internet", name: "Internet", cidrs: ["0.0.0.0/0", "::/0"], position: { x: 0, y: 120 } },
    { id: "office", kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"], position: { x: 0, y: 360 } },
  ];
  d.groups = [
    newSecurityGroup({
      id: "sg-alb",
      name: "alb",
      description: "Public load balancer",
      vpcId: vpc.id,
      ingress: [
        {
          id: "alb-https",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
          description: "HTTPS from anywhere",
        },
        {
          id: "alb-http",
          protocol: "tcp",
          fromPort: 80,
          toPort: 80,
          peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
          description: "HTTP, redirected to HTTPS",
        },
      ],
      egress: [
        {
          id: "alb-to-app",
          protocol: "tcp",
          fromPort: 8080,
          toPort: 8080,
          peer: { kind: "group", groupId: "sg-app" },
          description: "to the app tier",
        },
      ],
    }),
    newSecurityGroup({
      id: "sg-app",
      name: "app",
      description: "Application servers",
      vpcId: vpc.id,
      ingress: [
        {
          id: "app-from-alb",
          protocol: "tcp",
          fromPort: 8080,
          toPort: 8080,
          peer: { kind: "group", groupId: "sg-alb" },
          description: "from the load balancer",
        },
        {
          id: "app-ssh-office",
          protocol: "tcp",
          fromPort: 22,
          toPort: 22,
          peer: { kind: "cidr4", cidr: "198.51.100.0/24" },
          description: "SSH from the office",
        },
      ],
    }),
    newSecurityGroup({
      id: "sg-db",
      name: "db",
      description: "PostgreSQL, only from the app tier",
      vpcId: vpc.id,
      ingress: [
        {
          id: "db-from-app",
          protocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          peer: { kind: "group", groupId: "sg-app" },
          description: "PostgreSQL from app",
        },
      ],
      egress: [],
    }),
  ];
  d.resources = [
    { id: "alb", kind: "loadBalancer", name: "alb", vpcId: vpc.id, groupIds: ["sg-alb"], position: { x: 300, y: 120 } },
    {
      id: "app-1",
      kind: "instance",
      name: "app-1",
      vpcId: vpc.id,
      privateIpv4: "10.0.2.11",
      groupIds: ["sg-app"],
      position: { x: 600, y: 40 },
    },
    {
      id: "app-2",
      kind: "instance",
      name: "app-2",
      vpcId: vpc.id,
      privateIpv4: "10.0.2.12",
      groupIds: ["sg-app"],
      position: { x: 600, y: 220 },
    },
    {
      id: "db",
      kind: "database",
      name: "db",
      vpcId: vpc.id,
      privateIpv4: "10.0.3.20",
      groupIds: ["sg-db"],
      position: { x: 900, y: 120 },
    },
  ];
  return d;
}

for (const [file, design] of [
  ["examples/http-server.palisade.json", httpServer()],
  ["examples/three-tier.palisade.json", threeTier()],
] as const) {
  validateDesign(design);
  writeFileSync(file, serializeDesign(design));
  console.log(`wrote ${file}`);
}
