// export --verify: which intents and assertions become Reachability Analyzer paths, and how the
// template holds them (the Terraform, read back by the real HCL parser: src/cli/verify.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, parseDesign } from "../model";
import type { Design } from "../model/schema";
import { toCloudFormation } from "./cloudformation";
import { toTerraform } from "./terraform";
import { type AssertionToVerify, INTERNET_SOURCE_IP, verificationPlan } from "./verify";

const root = join(__dirname, "../../..");

function design(): Design {
  const d = parseDesign(readFileSync(join(root, "examples/three-tier.palisade.json"), "utf8"));
  d.externals.push({ id: "me", kind: "myIp", name: "My IP", cidrs: ["192.0.2.7/32"], position: { x: 0, y: 0 } });
  d.intents = [
    { id: "ssh-me", from: "me", to: "app-1", protocol: "tcp", port: 22 },
    { id: "app-db", from: "app-1", to: "db", protocol: "tcp", port: 5432 },
    { id: "ping", from: "app-1", to: "app-2", protocol: "icmp" },
    { id: "all", from: "app-1", to: "app-2", protocol: "-1" },
    { id: "office", from: "office", to: "app-1", protocol: "tcp", port: 22 },
  ];
  return d;
}

// As shared/assertions parses "- deny: {from: Internet, to: app-1, port: 22}" and so on.
const assertions: AssertionToVerify[] = [
  { expect: "deny", from: "Internet", to: "app-1", protocol: "tcp", port: 22, file: "rules.yaml", line: 1 },
  { expect: "allow", from: "app-1", to: "app-2", protocol: "udp", port: 53, file: "rules.yaml", line: 2 },
];

describe("verificationPlan", () => {
  const plan = verificationPlan(design(), assertions);

  it("a path per tcp/udp intent and assertion between AWS resources, with what it expects", () => {
    expect(plan.paths.map((p) => [p.name, p.expect, p.protocol, p.port])).toEqual([
      ["intent ssh-me: My IP -> app-1 tcp 22", "allow", "tcp", 22],
      ["deny Internet -> app-1 tcp 22", "deny", "tcp", 22],
      ["allow app-1 -> app-2 udp 53", "allow", "udp", 53],
    ]);
  });

  it("from the Internet or My IP, a path starts at the internet gateway with the address as SourceIp", () => {
    expect(plan.paths[0]?.source).toEqual({ internetGateway: true, ip: "192.0.2.7", label: "My IP" });
    expect(plan.paths[1]?.source).toMatchObject({ internetGateway: true, ip: INTERNET_SOURCE_IP });
    expect(plan.needsInternetGateway).toBe(true);
  });

  it("lists ICMP, all traffic, ends Reachability Analyzer does not take and CIDRs, each with why", () => {
    const reasons = Object.fromEntries(plan.unverifiable.map((u) => [u.name.split(":")[0], u.reason]));
    expect(reasons["intent ping"]).toMatch(/^ICMP: .* tcp or udp only/);
    expect(reasons["intent all"]).toMatch(/^all traffic: .* tcp or udp only/);
    expect(reasons["intent app-db"]).toMatch(/db is an RDS database, which Reachability Analyzer does not take/);
    expect(reasons["intent office"]).toMatch(/Office is a CIDR outside AWS/);
  });

  it("an assertion naming no node is an error at the assertion's line", () => {
    const bad: AssertionToVerify[] = [
      { expect: "allow", from: "app-1", to: "app-2", protocol: "tcp", port: 22, file: "r.yaml", line: 1 },
      { expect: "deny", from: "nosuch", to: "db", protocol: "tcp", port: 1, file: "r.yaml", line: 2 },
    ];
    try {
      verificationPlan(design(), bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems[0]).toMatchObject({ file: "r.yaml", line: 2 });
    }
  });
});

describe("written out", () => {
  const plan = verificationPlan(design(), assertions);

  it("without --verify, no verify.tf", () => {
    expect(toTerraform(design()).map((f) => f.name)).not.toContain("verify.tf");
  });

  it("CloudFormation: NetworkInsightsPath and NetworkInsightsAnalysis resources, their results as outputs", () => {
    const yaml = toCloudFormation(design(), "yaml", { verify: plan }).text;
    expect(yaml.match(/Type: AWS::EC2::NetworkInsightsPath$/gm)).toHaveLength(3);
    const json = JSON.parse(toCloudFormation(design(), "json", { verify: plan }).text) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
      Outputs: Record<string, { Value: unknown }>;
      Parameters: Record<string, unknown>;
      Metadata: { PalisadeVerify: { Billing: string; NotVerifiable: unknown[] } };
    };
    const of = (type: string) => Object.entries(json.Resources).filter(([, r]) => r.Type === type);
    const paths = of("AWS::EC2::NetworkInsightsPath");
    expect(paths).toHaveLength(3);
    expect(paths[1]?.[1].Properties).toMatchObject({
      Source: { Ref: "InternetGatewayId" },
      SourceIp: { Ref: "InternetSourceIp" },
      Destination: { Ref: "App1Instance" },
      Protocol: "tcp",
      DestinationPort: 22,
    });
    const analyses = of("AWS::EC2::NetworkInsightsAnalysis");
    expect(analyses.map(([, r]) => r.Properties.NetworkInsightsPathId)).toEqual(paths.map(([id]) => ({ Ref: id })));
    expect(Object.values(json.Outputs)).toContainEqual(
      expect.objectContaining({ Value: { "Fn::GetAtt": [analyses[0]?.[0], "NetworkPathFound"] } }),
    );
    expect(json.Parameters).toHaveProperty("InternetGatewayId");
    expect(json.Metadata.PalisadeVerify.Billing).toMatch(/AWS bills each/);
    expect(json.Metadata.PalisadeVerify.NotVerifiable).toHaveLength(4);
  });
});
