// Designs whose exports are checked against what AWS requires (CloudFormation's resource schemas,
// Terraform's required arguments): the examples, every kind of resource, a design imported from
// AWS CLI JSON (its VPC has an id but no block), and a design that names no VPC at all.
// Test support: the tests hand it their way of reading the repository's files (the core reads none).
import { emptyDesign, parseDesign } from "../../model/document";
import { newSecurityGroup } from "../../model/factory";
import { type Design, RESOURCE_KINDS } from "../../model/schema";
import { importAwsCli } from "../awscli";
import type { ExportOptions } from "../deployable";

/** A file's text by its path from the repository's root. */
export type ReadRepoFile = (path: string) => string;

function everyKind(example: (name: string) => Design): Design {
  const d = example("three-tier");
  d.vpcs = [{ id: "vpc-main", name: "main", cidrIpv4: "10.0.0.0/16", cidrIpv6: "2600:1f18:1234:5600::/56" }];
  d.prefixLists = [
    { id: "pl", name: "partners", addressFamily: "IPv6", maxEntries: 3, entries: [{ cidr: "2001:db8::/32" }] },
  ];
  d.groups[1]?.ingress.push({
    id: "pl-rule",
    protocol: "icmpv6",
    fromPort: 128,
    toPort: 0,
    peer: { kind: "prefixList", prefixListId: "pl" },
  });
  const groupIds = [d.groups[0]?.id as string];
  d.resources = RESOURCE_KINDS.map((kind, i) => ({
    id: `r-${kind}`,
    kind,
    name: `${kind.toLowerCase()}-1`,
    vpcId: "vpc-main",
    groupIds,
    position: { x: i * 100, y: 0 },
    ...(kind === "instance"
      ? { privateIpv4: "10.0.1.5", ipv6: "2600:1f18:1234:5600::5", publicIpv4: "198.51.100.7" }
      : {}),
  }));
  return d;
}

function importedFromAwsCli(read: ReadRepoFile): Design {
  const fixture = (name: string) => ({ name, text: read(`src/shared/iac/awscli/fixtures/${name}`) });
  return importAwsCli([fixture("security-groups.json"), fixture("instances.json")]).design;
}

function withoutVpc(): Design {
  return {
    ...emptyDesign("no VPC"),
    groups: [newSecurityGroup({ id: "sg-web", name: "web" })],
    resources: RESOURCE_KINDS.map((kind, i) => ({
      id: `r-${kind}`,
      kind,
      name: `${kind.toLowerCase()}-1`,
      groupIds: ["sg-web"],
      position: { x: i * 100, y: 0 },
    })),
  };
}

export function deployableCases(read: ReadRepoFile): [string, Design, ExportOptions][] {
  const example = (name: string) => parseDesign(read(`examples/${name}.palisade.json`));
  return [
    ["http-server", example("http-server"), {}],
    ["three-tier", example("three-tier"), {}],
    ["every kind of resource, a prefix list and IPv6", everyKind(example), {}],
    ["imported from AWS CLI JSON (a VPC without a block)", importedFromAwsCli(read), {}],
    ["no VPC", withoutVpc(), {}],
    ["no VPC, with the vpc_id variable", withoutVpc(), { vpcIdVariable: true }],
  ];
}
