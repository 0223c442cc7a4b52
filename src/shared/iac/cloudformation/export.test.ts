import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { emptyDesign, parseDesign } from "../../model/document";
import { newSecurityGroup } from "../../model/factory";
import type { Design, Rule } from "../../model/schema";
import { deployableCases } from "../testing/deployable-designs";
import { toCloudFormation } from "./export";
import { CLOUDFORMATION_SCHEMA } from "./yaml";

const here = import.meta.dirname;
const DEPLOYABLE_CASES = deployableCases((path) =>
  readFileSync(join(import.meta.dirname, "../../../..", path), "utf8"),
);
const example = (name: string) =>
  parseDesign(readFileSync(join(here, "../../../../examples", `${name}.palisade.json`), "utf8"));

type Template = {
  Parameters?: Record<string, Record<string, unknown>>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const yamlOf = (d: Design) => load(toCloudFormation(d, "yaml").text, { schema: CLOUDFORMATION_SCHEMA }) as Template;
const jsonOf = (d: Design) => JSON.parse(toCloudFormation(d, "json").text) as Template;
const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

function design(...groups: ReturnType<typeof newSecurityGroup>[]): Design {
  return { ...emptyDesign("t"), vpcs: [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16" }], groups };
}
const rule = (id: string, r: Omit<Rule, "id">): Rule => ({ id, ...r });

describe("toCloudFormation", () => {
  it("declares the blocking rule for a group without egress, since CloudFormation would keep the default", () => {
    const t = jsonOf(design(newSecurityGroup({ id: "sg-db", name: "db", vpcId: "vpc", egress: [] })));
    const [, group] = ofType(t, "AWS::EC2::SecurityGroup")[0] ?? [];
    expect(group?.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ IpProtocol: "-1", CidrIp: "127.0.0.1/32" }),
    ]);
  });

  it("explains the blocking rule in a YAML comment", () => {
    const text = toCloudFormation(design(newSecurityGroup({ id: "sg-db", name: "db", egress: [] })), "yaml").text;
    expect(text).toMatch(
      /# No egress: CloudFormation keeps AWS's default allow-all egress[^\n]*\n[^\n]*\n\s*- IpProtocol: '-1'\n\s*CidrIp: 127\.0\.0\.1\/32/,
    );
  });

  it("also declares it when the only egress is to groups, which standalone resources cannot replace", () => {
    const a = newSecurityGroup({
      id: "a",
      name: "a",
      egress: [rule("to-b", { protocol: "tcp", fromPort: 80, toPort: 80, peer: { kind: "group", groupId: "b" } })],
    });
    const b = newSecurityGroup({ id: "b", name: "b" });
    const t = jsonOf(design(a, b));
    expect(t.Resources.ASecurityGroup?.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: "127.0.0.1/32" }),
    ]);
    expect(ofType(t, "AWS::EC2::SecurityGroupEgress")).toHaveLength(1);
  });

  it("writes the kept default egress explicitly", () => {
    const t = jsonOf(design(newSecurityGroup({ id: "sg-web", name: "web" })));
    expect(t.Resources.WebSecurityGroup?.Properties.SecurityGroupEgress).toEqual([
      { IpProtocol: "-1", CidrIp: "0.0.0.0/0" },
    ]);
  });

  it("puts group references in standalone resources, so mutual references are not circular", () => {
    const a = newSecurityGroup({
      id: "a",
      name: "a",
      ingress: [rule("from-b", { protocol: "tcp", fromPort: 1, toPort: 2, peer: { kind: "group", groupId: "b" } })],
    });
    const b = newSecurityGroup({
      id: "b",
      name: "b",
      ingress: [rule("from-a", { protocol: "tcp", fromPort: 1, toPort: 2, peer: { kind: "group", groupId: "a" } })],
    });
    const t = jsonOf(design(a, b));
    for (const [, g] of ofType(t, "AWS::EC2::SecurityGroup")) expect(g.Properties.SecurityGroupIngress).toBeUndefined();
    const ingress = ofType(t, "AWS::EC2::SecurityGroupIngress").map(([, r]) => r.Properties);
    expect(ingress).toEqual([
      expect.objectContaining({
        GroupId: { "Fn::GetAtt": ["ASecurityGroup", "GroupId"] },
        SourceSecurityGroupId: { "Fn::GetAtt": ["BSecurityGroup", "GroupId"] },
      }),
      expect.objectContaining({
        GroupId: { "Fn::GetAtt": ["BSecurityGroup", "GroupId"] },
        SourceSecurityGroupId: { "Fn::GetAtt": ["ASecurityGroup", "GroupId"] },
      }),
    ]);
  });

  it.each([
    [
      "all traffic has no ports",
      rule("r", { protocol: "-1", peer: { kind: "cidr4", cidr: "10.0.0.0/8" } }),
      { IpProtocol: "-1", CidrIp: "10.0.0.0/8" },
    ],
    [
      "a protocol number has no ports",
      rule("r", { protocol: "50", peer: { kind: "cidr4", cidr: "10.0.0.0/8" } }),
      { IpProtocol: "50", CidrIp: "10.0.0.0/8" },
    ],
    [
      "ICMP keeps type and code in FromPort/ToPort",
      rule("r", { protocol: "icmp", fromPort: 8, toPort: 0, peer: { kind: "cidr4", cidr: "10.0.0.0/8" } }),
      { IpProtocol: "icmp", FromPort: 8, ToPort: 0, CidrIp: "10.0.0.0/8" },
    ],
    [
      "any ICMP is -1/-1",
      rule("r", { protocol: "icmpv6", peer: { kind: "cidr6", cidr: "::/0" } }),
      { IpProtocol: "icmpv6", FromPort: -1, ToPort: -1, CidrIpv6: "::/0" },
    ],
    [
      "a port range",
      rule("r", { protocol: "udp", fromPort: 1000, toPort: 2000, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }),
      { IpProtocol: "udp", FromPort: 1000, ToPort: 2000, CidrIp: "0.0.0.0/0" },
    ],
  ])("%s", (_, r, expected) => {
    const t = jsonOf(design(newSecurityGroup({ id: "g", name: "g", ingress: [r] })));
    expect(t.Resources.GSecurityGroup?.Properties.SecurityGroupIngress).toEqual([expected]);
  });

  it("references prefix lists it declares", () => {
    const d = design(
      newSecurityGroup({
        id: "g",
        name: "g",
        ingress: [
          rule("r", { protocol: "tcp", fromPort: 443, toPort: 443, peer: { kind: "prefixList", prefixListId: "pl" } }),
        ],
      }),
    );
    d.prefixLists = [
      {
        id: "pl",
        name: "partners",
        addressFamily: "IPv4",
        maxEntries: 5,
        entries: [{ cidr: "192.0.2.0/24", description: "a" }],
      },
    ];
    const t = jsonOf(d);
    expect(t.Resources.PartnersPrefixList).toEqual({
      Type: "AWS::EC2::PrefixList",
      Properties: {
        PrefixListName: "partners",
        AddressFamily: "IPv4",
        MaxEntries: 5,
        Entries: [{ Cidr: "192.0.2.0/24", Description: "a" }],
      },
    });
    expect(t.Resources.GSecurityGroup?.Properties.SecurityGroupIngress).toEqual([
      { IpProtocol: "tcp", FromPort: 443, ToPort: 443, SourcePrefixListId: { Ref: "PartnersPrefixList" } },
    ]);
  });

  it("turns my IP and named CIDRs into parameters with defaults", () => {
    const t = jsonOf(example("http-server"));
    expect(t.Parameters?.MyIP).toEqual({ Type: "String", Description: "My IP", Default: "203.0.113.10/32" });
    const ingress = t.Resources.WebSecurityGroup?.Properties.SecurityGroupIngress as Record<string, unknown>[];
    const ssh = ingress.find((r) => r.FromPort === 22);
    expect(ssh?.CidrIp).toEqual({ Ref: "MyIP" });
  });

  it("writes instances with their groups and stated addresses", () => {
    const t = jsonOf(example("http-server"));
    expect(t.Resources.WebInstance?.Properties).toMatchObject({
      SecurityGroupIds: [{ "Fn::GetAtt": ["WebSecurityGroup", "GroupId"] }],
      PrivateIpAddress: "10.0.1.10",
      Ipv6Addresses: [{ Ipv6Address: "2001:db8:1234:1::10" }],
    });
  });

  it("gives every kind of resource its type and its groups", () => {
    const d = design(newSecurityGroup({ id: "g", name: "g" }));
    const kinds = ["instance", "loadBalancer", "database", "function", "containerService", "endpoint"] as const;
    d.resources = kinds.map((kind) => ({
      id: kind,
      kind,
      name: kind,
      vpcId: "vpc",
      groupIds: ["g"],
      position: { x: 0, y: 0 },
    }));
    const t = jsonOf(d);
    expect(Object.values(t.Resources).map((r) => r.Type)).toEqual(
      expect.arrayContaining([
        "AWS::EC2::Instance",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::RDS::DBInstance",
        "AWS::Lambda::Function",
        "AWS::ECS::Service",
        "AWS::EC2::VPCEndpoint",
      ]),
    );
    const text = JSON.stringify(t);
    expect(text.match(/"Fn::GetAtt":\["GSecurityGroup","GroupId"\]/g)).toHaveLength(6 + 1); // six resources and the output
  });

  it("derives unique logical ids from names", () => {
    const t = jsonOf(
      design(
        newSecurityGroup({ id: "a", name: "web" }),
        newSecurityGroup({ id: "b", name: "Web!" }),
        newSecurityGroup({ id: "c", name: "9 lives" }),
      ),
    );
    const ids = ofType(t, "AWS::EC2::SecurityGroup").map(([id]) => id);
    expect(ids).toEqual(["WebSecurityGroup", "WebSecurityGroup2", "R9LivesSecurityGroup"]);
    for (const id of Object.keys(t.Resources)) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  it("writes the same YAML and JSON content", () => {
    const d = example("three-tier");
    expect(yamlOf(d)).toEqual(jsonOf(d));
  });

  it("is deterministic", () => {
    const d = example("three-tier");
    expect(toCloudFormation(d, "yaml").text).toBe(toCloudFormation(structuredClone(d), "yaml").text);
  });

  it.each([
    ["http-server", "yaml"],
    ["http-server", "json"],
    ["three-tier", "yaml"],
    ["three-tier", "json"],
  ] as const)("matches the golden file for %s (%s)", (name, format) => {
    const path = join(here, "golden", `${name}.${format}`);
    const { text } = toCloudFormation(example(name), format);
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(text).toBe(readFileSync(path, "utf8"));
  });
});

describe("exported templates against the resource schemas", () => {
  const schemas = JSON.parse(readFileSync(join(here, "fixtures/resource-schemas.json"), "utf8")) as {
    definitions: Record<string, unknown>;
    resources: Record<string, object>;
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = Object.fromEntries(
    Object.entries(schemas.resources).map(([type, schema]) => [
      type,
      ajv.compile({ ...schema, definitions: schemas.definitions }),
    ]),
  );
  // CloudFormation resolves intrinsic functions before it validates properties; so do we. A Ref to
  // a list parameter gives a list.
  const resolver = (t: Template) => {
    const resolved = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(resolved);
      if (typeof v !== "object" || v === null) return v;
      const keys = Object.keys(v);
      if (keys.length === 1 && (keys[0] === "Ref" || keys[0]?.startsWith("Fn::"))) {
        const type = String(t.Parameters?.[String((v as { Ref?: unknown }).Ref)]?.Type ?? "");
        return /^List<|^CommaDelimitedList$/.test(type) ? ["resolved-by-cloudformation"] : "resolved-by-cloudformation";
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolved(x)]));
    };
    return resolved;
  };

  it.each(DEPLOYABLE_CASES)("%s: every resource has every property AWS requires, and no other", (_, d, options) => {
    for (const format of ["json", "yaml"] as const) {
      const text = toCloudFormation(d, format, options).text;
      const t = (format === "json" ? JSON.parse(text) : load(text, { schema: CLOUDFORMATION_SCHEMA })) as Template;
      const resolved = resolver(t);
      const errors: string[] = [];
      for (const [id, r] of Object.entries(t.Resources)) {
        const validate = validators[r.Type];
        if (!validate) errors.push(`${id}: no schema excerpt for ${r.Type}`);
        else if (!validate(resolved(r.Properties)))
          errors.push(...(validate.errors ?? []).map((e) => `${id}${e.instancePath} ${e.message}`));
      }
      expect(errors).toEqual([]);
    }
  });

  it("a VPC that already exists is a parameter of its id, not a VPC without a block", () => {
    const imported = DEPLOYABLE_CASES.find(([name]) => name.startsWith("imported"))?.[1] as Design;
    expect(imported.vpcs.length).toBeGreaterThan(0);
    const t = jsonOf(imported);
    expect(ofType(t, "AWS::EC2::VPC")).toEqual([]);
    const vpc = imported.vpcs[0];
    const parameter = Object.values(t.Parameters ?? {}).find((p) => p.Default === vpc?.id);
    expect(parameter?.Type).toBe("AWS::EC2::VPC::Id");
  });

  it("groups without a VPC take the VpcId parameter when asked to", () => {
    const d = DEPLOYABLE_CASES.find(([name]) => name === "no VPC")?.[1] as Design;
    const without = ofType(jsonOf(d), "AWS::EC2::SecurityGroup")[0]?.[1].Properties;
    expect(without?.VpcId).toBeUndefined();
    const t = JSON.parse(toCloudFormation(d, "json", { vpcIdVariable: true }).text) as Template;
    expect(ofType(t, "AWS::EC2::SecurityGroup")[0]?.[1].Properties.VpcId).toEqual({ Ref: "VpcId" });
    expect(t.Parameters?.VpcId?.Type).toBe("AWS::EC2::VPC::Id");
  });

  it("the schema excerpt catches a wrong property (the check can fail)", () => {
    const validate = validators["AWS::EC2::SecurityGroup"];
    expect(
      validate?.({ GroupDescription: "x", SecurityGroupIngress: [{ IpProtocol: "tcp", FromPort: "80", Port: 1 }] }),
    ).toBe(false);
  });

  it("the schema excerpt catches a missing required property: a VPC without a block", () => {
    expect(validators["AWS::EC2::VPC"]?.({ Tags: [{ Key: "Name", Value: "main" }] })).toBe(false);
    expect(validators["AWS::EC2::VPCEndpoint"]?.({ ServiceName: "com.amazonaws.us-east-1.s3" })).toBe(false);
  });
});

describe("the design's names survive an export and an import", () => {
  it("a resource whose name a logical id cannot hold comes back by that name (Metadata Palisade.Name)", async () => {
    const { importCloudFormation } = await import("./import");
    const d = emptyDesign("names");
    d.vpcs = [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16" }];
    d.groups = [newSecurityGroup({ id: "sg-web", name: "web", vpcId: "vpc" })];
    d.resources = [
      {
        id: "n1",
        kind: "instance",
        name: "web server 1",
        vpcId: "vpc",
        groupIds: ["sg-web"],
        position: { x: 0, y: 0 },
      },
      { id: "n2", kind: "database", name: "orders-db", vpcId: "vpc", groupIds: ["sg-web"], position: { x: 0, y: 0 } },
    ];
    const again = importCloudFormation(toCloudFormation(d, "yaml")).design;
    expect(again.resources.map((r) => r.name).sort()).toEqual(["orders-db", "web server 1"]);
  });
});
