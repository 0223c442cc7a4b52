// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${Name} here is CloudFormation's Fn::Sub syntax, on purpose
import { describe, expect, it } from "vitest";
import { formatProblem, InputError } from "../../model/problems";
import { importCloudFormation } from "./import";

const template = (resources: string, extra = "") =>
  `AWSTemplateFormatVersion: "2010-09-09"\n${extra}Resources:\n${resources}`;
const read = (text: string, name = "t.yaml") => importCloudFormation({ name, text });
const problemsOf = (text: string, name = "t.yaml"): string[] => {
  try {
    read(text, name);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
};
const group = (name: string, body = "") =>
  `  ${name}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupName: ${name.toLowerCase()}\n      GroupDescription: d\n${body}`;

describe("importCloudFormation: egress", () => {
  it("keeps AWS's default egress when the group declares none", () => {
    const { design } = read(template(group("Web")));
    expect(design.groups[0]?.egress).toEqual([
      expect.objectContaining({ protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }),
    ]);
  });

  it("keeps the default egress, IPv6 too, in a VPC with an Amazon-provided IPv6 block", () => {
    const vpc = `  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  V6:\n    Type: AWS::EC2::VPCCidrBlock\n    Properties:\n      VpcId: !Ref Vpc\n      AmazonProvidedIpv6CidrBlock: true\n`;
    const { design } = read(template(vpc + group("Web", "      VpcId: !Ref Vpc\n")));
    expect(design.groups[0]?.egress.map((r) => r.peer)).toEqual([
      { kind: "cidr4", cidr: "0.0.0.0/0" },
      { kind: "cidr6", cidr: "::/0" },
    ]);
  });

  it("replaces the default with the egress the group declares", () => {
    const body =
      "      SecurityGroupEgress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 0.0.0.0/0\n";
    const { design } = read(template(group("Web", body)));
    expect(design.groups[0]?.egress).toEqual([
      expect.objectContaining({ protocol: "tcp", fromPort: 443, toPort: 443 }),
    ]);
  });

  it("reads the blocking rule (all to 127.0.0.1/32) back as no egress", () => {
    const body = "      SecurityGroupEgress:\n        - IpProtocol: '-1'\n          CidrIp: 127.0.0.1/32\n";
    const { design, warnings } = read(template(group("Db", body)));
    expect(design.groups[0]?.egress).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("adds standalone egress to the default, which they do not remove", () => {
    const rule =
      "  Out:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: !GetAtt Web.GroupId\n      IpProtocol: udp\n      FromPort: 53\n      ToPort: 53\n      CidrIp: 10.0.0.2/32\n";
    const { design } = read(template(group("Web") + rule));
    expect(design.groups[0]?.egress.map((r) => r.protocol)).toEqual(["-1", "udp"]);
  });
});

describe("importCloudFormation: rules", () => {
  it("reads inline rules, one per peer, with ports, ICMP type/code and no ports for -1", () => {
    const body = [
      "      SecurityGroupIngress:",
      "        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }",
      "        - { IpProtocol: icmp, FromPort: 8, ToPort: 0, CidrIp: 10.0.0.0/8 }",
      "        - { IpProtocol: -1, FromPort: -1, ToPort: -1, CidrIpv6: '::/0' }",
      "        - { IpProtocol: 6, FromPort: '22', ToPort: '22', CidrIp: 192.0.2.0/24, Description: ssh }",
      "",
    ].join("\n");
    const { design } = read(template(group("Web", body)));
    expect(design.groups[0]?.ingress.map(({ id, ...r }) => r)).toEqual([
      { protocol: "tcp", fromPort: 80, toPort: 80, peer: { kind: "cidr4", cidr: "0.0.0.0/0" } },
      { protocol: "icmp", fromPort: 8, toPort: 0, peer: { kind: "cidr4", cidr: "10.0.0.0/8" } },
      { protocol: "-1", peer: { kind: "cidr6", cidr: "::/0" } },
      { protocol: "tcp", fromPort: 22, toPort: 22, peer: { kind: "cidr4", cidr: "192.0.2.0/24" }, description: "ssh" },
    ]);
  });

  it("resolves group references written as !Ref, !GetAtt and long forms", () => {
    const rules = ["!Ref App", "!GetAtt App.GroupId", "{ Ref: App }", "{ 'Fn::GetAtt': [App, GroupId] }"]
      .map(
        (peer, i) =>
          `  R${i}:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Db\n      IpProtocol: tcp\n      FromPort: 5432\n      ToPort: 5432\n      SourceSecurityGroupId: ${peer}\n`,
      )
      .join("");
    const { design } = read(template(group("App") + group("Db") + rules));
    const db = design.groups.find((g) => g.name === "db");
    expect(db?.ingress.map((r) => r.peer)).toEqual(Array(4).fill({ kind: "group", groupId: "App" }));
  });

  it("resolves parameters with defaults and makes them named externals", () => {
    const params =
      "Parameters:\n  OfficeCidr:\n    Type: String\n    Description: Office\n    Default: 198.51.100.0/24\n  MyIp:\n    Type: String\n    Default: 203.0.113.7/32\n";
    const body =
      "      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref OfficeCidr }\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref MyIp }\n";
    const { design } = read(template(group("Web", body), params));
    const named = design.externals.filter((e) => e.kind !== "internet");
    expect(named.map(({ kind, name, cidrs }) => ({ kind, name, cidrs }))).toEqual([
      { kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"] },
      { kind: "myIp", name: "MyIp", cidrs: ["203.0.113.7/32"] },
    ]);
  });

  it("evaluates Sub, Join, Select, Split and FindInMap over known values", () => {
    const extra =
      "Parameters:\n  Net:\n    Type: String\n    Default: '10.1'\n  Cidrs:\n    Type: CommaDelimitedList\n    Default: 192.0.2.0/24,198.51.100.0/24\nMappings:\n  Ports:\n    Web:\n      Https: 443\n";
    const body = [
      "      SecurityGroupIngress:",
      "        - IpProtocol: tcp",
      "          FromPort: !FindInMap [Ports, Web, Https]",
      "          ToPort: !FindInMap [Ports, Web, Https]",
      "          CidrIp: !Sub '${Net}.0.0/16'",
      "        - { IpProtocol: tcp, FromPort: 1, ToPort: 1, CidrIp: !Select [1, !Ref Cidrs] }",
      "        - { IpProtocol: tcp, FromPort: 1, ToPort: 1, CidrIp: !Join ['/', ['10.9.0.0', '16']] }",
      "        - { IpProtocol: tcp, FromPort: 1, ToPort: 1, CidrIp: !Select [0, !Split [',', '10.8.0.0/16,x']] }",
      "",
    ].join("\n");
    const { design, warnings } = read(template(group("Web", body), extra));
    expect(warnings).toEqual([]);
    expect(design.groups[0]?.ingress.map((r) => [r.fromPort, "cidr" in r.peer ? r.peer.cidr : ""])).toEqual([
      [443, "10.1.0.0/16"],
      [1, "198.51.100.0/24"],
      [1, "10.9.0.0/16"],
      [1, "10.8.0.0/16"],
    ]);
  });

  it("reads prefix lists and rules that use them", () => {
    const pl =
      "  Partners:\n    Type: AWS::EC2::PrefixList\n    Properties:\n      PrefixListName: partners\n      AddressFamily: IPv4\n      MaxEntries: 10\n      Entries:\n        - Cidr: 192.0.2.0/24\n          Description: a\n";
    const body =
      "      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, SourcePrefixListId: !Ref Partners }\n";
    const { design } = read(template(pl + group("Web", body)));
    expect(design.prefixLists).toEqual([
      {
        id: "Partners",
        name: "partners",
        addressFamily: "IPv4",
        maxEntries: 10,
        entries: [{ cidr: "192.0.2.0/24", description: "a" }],
      },
    ]);
    expect(design.groups[0]?.ingress[0]?.peer).toEqual({ kind: "prefixList", prefixListId: "Partners" });
  });
});

describe("importCloudFormation: what cannot be known is a warning at its line", () => {
  it.each([
    ["an imported value", "", "CidrIp: !ImportValue shared-cidr", /^t\.yaml:12:11: warning: .*ImportValue/],
    ["a condition", "", "CidrIp: !If [Prod, 10.0.0.0/8, 10.1.0.0/16]", /^t\.yaml:12:11: warning: .*condition/],
    ["the stack's id", "", "CidrIp: !Ref AWS::StackId", /^t\.yaml:12:11: warning: .*AWS::StackId/],
  ])("%s", (_, extra, peer, expected) => {
    const body = `      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 1\n          ToPort: 1\n          ${peer}\n`;
    const { design, warnings } = read(template(group("Web", body), extra));
    expect(warnings.map(formatProblem)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    expect(design.groups[0]?.ingress).toEqual([]);
  });

  it("keeps a rule whose CIDR is a parameter without a default, for a placeholder range named for it", () => {
    const body =
      "      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 1\n          ToPort: 1\n          CidrIp: !Ref Cidr\n";
    const { design, warnings } = read(template(group("Web", body), "Parameters:\n  Cidr:\n    Type: String\n"));
    expect(warnings.map(formatProblem)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^t\.yaml:15:11: warning: .*parameter Cidr has no value.*placeholder range "Cidr"/),
      ]),
    );
    const range = design.externals.find((e) => e.name === "Cidr");
    expect(range?.tags).toEqual({ "palisade:placeholder": "Cidr" });
    expect(design.groups[0]?.ingress.map((r) => r.peer)).toEqual([{ kind: "cidr4", cidr: range?.cidrs[0] }]);
  });

  it("warns about unknown resource types, and makes a group from outside the template a placeholder", () => {
    const other =
      "  Queue:\n    Type: AWS::SQS::Queue\n  Rule:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-0123456789abcdef0\n      IpProtocol: tcp\n      FromPort: 1\n      ToPort: 1\n      CidrIp: 10.0.0.0/8\n";
    const { warnings } = read(template(group("Web") + other));
    expect(warnings.map(formatProblem)).toEqual([
      "t.yaml:13:7: warning: Rule: sg-0123456789abcdef0 is a group this template does not declare; the placeholder group sg-0123456789abcdef0 stands for it",
      "t.yaml:8:3: warning: Queue: resource type AWS::SQS::Queue carries no security group; not drawn",
    ]);
  });
});

describe("importCloudFormation: wrong values are errors at file:line:col", () => {
  const rule = (fields: string) =>
    template(group("Web", `      SecurityGroupIngress:\n        - IpProtocol: tcp\n${fields}`));
  it.each([
    [
      "an absurd port",
      "          FromPort: 70000\n          ToPort: 70000\n          CidrIp: 10.0.0.0/8\n",
      "t.yaml:10:11: from port 70000 is out of range: expected 0-65535 (-1 = any, for ICMP)",
    ],
    [
      "a reversed range",
      "          FromPort: 90\n          ToPort: 80\n          CidrIp: 10.0.0.0/8\n",
      "t.yaml:11:11: toPort: reversed port range 90-80: fromPort must not exceed toPort",
    ],
    [
      "a bad CIDR",
      "          FromPort: 1\n          ToPort: 1\n          CidrIp: 10.0.0.300/24\n",
      't.yaml:12:11: peer.cidr: "10.0.0.300/24" is not a CIDR: "10.0.0.300" is not an IPv4 or IPv6 address',
    ],
    [
      "a port that is not a number",
      "          FromPort: eighty\n          ToPort: 80\n          CidrIp: 10.0.0.0/8\n",
      't.yaml:10:11: from port "eighty" is not a whole number',
    ],
    [
      "a CIDR of the wrong type",
      "          FromPort: 1\n          ToPort: 1\n          CidrIp: [10.0.0.0/8]\n",
      't.yaml:12:11: CidrIp must be a CIDR such as "10.0.0.0/16"',
    ],
  ])("%s", (_, fields, expected) => {
    expect(problemsOf(rule(fields))).toEqual([expected]);
  });

  it("a CIDR with host bits is imported as AWS stores it, with a warning at the CIDR that says what it became", () => {
    const { design, warnings } = read(
      rule("          FromPort: 22\n          ToPort: 22\n          CidrIp: 192.168.1.0/0\n"),
    );
    expect(design.groups[0]?.ingress[0]?.peer).toEqual({ kind: "cidr4", cidr: "0.0.0.0/0" });
    expect(warnings.map(formatProblem)).toEqual([
      "t.yaml:12:11: warning: 192.168.1.0/0 has host bits set; AWS stores it as 0.0.0.0/0: open to the world",
    ]);
  });

  it("a rule list that is not a list", () => {
    expect(problemsOf(template(group("Web", "      SecurityGroupIngress: tcp\n")))).toEqual([
      "t.yaml:8:7: SecurityGroupIngress must be a list of rules",
    ]);
  });

  it("a YAML syntax error", () => {
    expect(problemsOf("Resources:\n  A: [\n")).toEqual([expect.stringMatching(/^t\.yaml:3:\d+: not valid YAML: /)]);
  });

  it("a JSON template, placed in the JSON", () => {
    const json = JSON.stringify(
      {
        Resources: {
          Web: {
            Type: "AWS::EC2::SecurityGroup",
            Properties: {
              GroupDescription: "d",
              SecurityGroupIngress: [{ IpProtocol: "tcp", FromPort: 1, ToPort: 99999, CidrIp: "0.0.0.0/0" }],
            },
          },
        },
      },
      null,
      2,
    );
    expect(problemsOf(json, "t.json")).toEqual([
      "t.json:11:13: to port 99999 is out of range: expected 0-65535 (-1 = any, for ICMP)",
    ]);
  });

  it("a file that is not a template", () => {
    expect(problemsOf("just: text\n")).toEqual([
      "t.yaml:1:1: not a CloudFormation template: expected a Resources section",
    ]);
  });
});

describe("importCloudFormation: attachments", () => {
  it("attaches groups to every kind of resource, with stated addresses", () => {
    const res = [
      "  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      SecurityGroupIds: [!GetAtt G.GroupId]\n      PrivateIpAddress: 10.0.1.5\n      Ipv6Addresses: [{ Ipv6Address: '2001:db8::5' }]\n      Tags: [{ Key: Name, Value: web-1 }]\n",
      "  Eni:\n    Type: AWS::EC2::Instance\n    Properties:\n      NetworkInterfaces:\n        - DeviceIndex: '0'\n          GroupSet: [!Ref G]\n",
      "  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Name: front\n      SecurityGroups: [!Ref G]\n",
      "  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBInstanceIdentifier: orders\n      VPCSecurityGroups: [!GetAtt G.GroupId]\n",
      "  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SecurityGroupIds: [!Ref G]\n",
      "  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          SecurityGroups: [!Ref G]\n",
      "  Ep:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      SecurityGroupIds: [!Ref G]\n",
    ].join("");
    const { design, warnings } = read(template(group("G") + res));
    expect(warnings).toEqual([]);
    expect(
      design.resources.map(({ id, kind, name, groupIds, privateIpv4, ipv6 }) => ({
        id,
        kind,
        name,
        groupIds,
        privateIpv4,
        ipv6,
      })),
    ).toEqual([
      { id: "Web", kind: "instance", name: "web-1", groupIds: ["G"], privateIpv4: "10.0.1.5", ipv6: "2001:db8::5" },
      { id: "Eni", kind: "instance", name: "Eni", groupIds: ["G"], privateIpv4: undefined, ipv6: undefined },
      { id: "Lb", kind: "loadBalancer", name: "front", groupIds: ["G"], privateIpv4: undefined, ipv6: undefined },
      { id: "Db", kind: "database", name: "orders", groupIds: ["G"], privateIpv4: undefined, ipv6: undefined },
      { id: "Fn", kind: "function", name: "Fn", groupIds: ["G"], privateIpv4: undefined, ipv6: undefined },
      { id: "Svc", kind: "containerService", name: "Svc", groupIds: ["G"], privateIpv4: undefined, ipv6: undefined },
      { id: "Ep", kind: "endpoint", name: "Ep", groupIds: ["G"], privateIpv4: undefined, ipv6: undefined },
    ]);
  });

  it("lays imported nodes out in tiers, outside parties first", () => {
    const body =
      "      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n";
    const res =
      "  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      SecurityGroups: [!Ref Front]\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      VPCSecurityGroups: [!Ref Back]\n  In:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Back\n      IpProtocol: tcp\n      FromPort: 5432\n      ToPort: 5432\n      SourceSecurityGroupId: !Ref Front\n";
    const { design } = read(template(group("Front", body) + group("Back") + res));
    const x = (id: string) => [...design.resources, ...design.externals].find((n) => n.id === id)?.position.x ?? -1;
    expect(x("internet")).toBeLessThan(x("Lb"));
    expect(x("Lb")).toBeLessThan(x("Db"));
  });
});
