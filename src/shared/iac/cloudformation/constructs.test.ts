// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${Identifier} here is CloudFormation's Fn::ForEach syntax, on purpose
// CloudFormation as people write it (issue 12): one small template per construct, in
// fixtures/constructs/, each read as `palisade` reads it, with the flows it must and must not permit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateFlow, resolveEndpoint } from "../../engine";
import { type Design, formatProblem, InputError } from "../../model";
import { PLACEHOLDER_TAG } from "../placeholder";
import { importCloudFormation } from "./import";

const FIXTURES = join(import.meta.dirname, "fixtures", "constructs");

function read(name: string, params?: Record<string, string>) {
  const file = { name, text: readFileSync(join(FIXTURES, name), "utf8") };
  const result = importCloudFormation(file, undefined, params ? { params } : {});
  return { ...result, said: result.warnings.map(formatProblem) };
}

function refused(name: string, params: Record<string, string>): string[] {
  try {
    read(name, params);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

type Flow = [from: string, to: string, protocol: string, port?: number];

/** Each flow that does not go as expected, with the engine's reason: empty when all do. */
function misses(design: Design, permitted: Flow[], denied: Flow[] = []): string[] {
  const out: string[] = [];
  for (const [list, wanted] of [
    [permitted, true],
    [denied, false],
  ] as const)
    for (const [from, to, protocol, port] of list) {
      const verdict = evaluateFlow(design, {
        from: resolveEndpoint(design, from, "from"),
        to: resolveEndpoint(design, to, "to"),
        protocol,
        ...(port !== undefined ? { port } : {}),
      });
      if (verdict.permitted !== wanted)
        out.push(`${from} -> ${to} ${protocol} ${port ?? ""}: ${verdict.explanation.split("\n")[0]}`);
    }
  return out;
}

describe("CloudFormation parameters", () => {
  it("take their Default, and report a parameter without one as an input at its line", () => {
    const { design, inputs, said } = read("parameters.yaml");
    expect(inputs).toEqual([
      {
        kind: "parameter",
        name: "AdminCidr",
        description: "The range administrators connect from",
        type: "String",
        file: "parameters.yaml",
        line: 8,
        affects: true,
      },
    ]);
    expect(said).toContain(
      'parameters.yaml:28:11: warning: Web ingress rule: parameter AdminCidr has no value (no Default); the rule names the placeholder range "AdminCidr" until it is known',
    );
    // The rule is kept for the range the parameter will name, and no real address gets it.
    expect(
      misses(
        design,
        [
          ["internet", "Server", "tcp", 443],
          ["AdminCidr", "Server", "tcp", 22],
        ],
        [["198.51.100.7", "Server", "tcp", 22]],
      ),
    ).toEqual([]);
    expect(design.externals.find((e) => e.name === "AdminCidr")?.tags).toEqual({ "palisade:placeholder": "AdminCidr" });
  });

  it("place an input by the text alone in a template too large to place every value", () => {
    const text = `${readFileSync(join(FIXTURES, "parameters.yaml"), "utf8")}# ${"x".repeat(1_000_000)}\n`;
    const { inputs } = importCloudFormation({ name: "big.yaml", text });
    expect(inputs.map((i) => [i.name, i.file, i.line])).toEqual([["AdminCidr", "big.yaml", 8]]);
  });

  it("take a given value over the Default, and then ask for nothing", () => {
    const { design, inputs, said } = read("parameters.yaml", { AdminCidr: "198.51.100.0/24", WebPort: "8443" });
    expect(inputs).toEqual([]);
    expect(said).toEqual([]);
    expect(
      misses(
        design,
        [
          ["internet", "Server", "tcp", 8443],
          ["198.51.100.7", "Server", "tcp", 22],
        ],
        [
          ["internet", "Server", "tcp", 443],
          ["203.0.113.7", "Server", "tcp", 22],
        ],
      ),
    ).toEqual([]);
  });

  it("refuse a given value outside AllowedValues, as CloudFormation does, at the parameter", () => {
    expect(refused("parameters.yaml", { Env: "qa" })).toEqual([
      "parameters.yaml:14:5: --param Env=qa: expected one of prod, dev",
    ]);
  });

  it("warn of a value given for a parameter the template does not have", () => {
    const { said } = read("parameters.yaml", { AdminCidr: "10.0.0.0/8", Nope: "1" });
    expect(said).toEqual(["parameters.yaml:4:1: warning: --param Nope: the template has no parameter Nope; ignored"]);
  });
});

describe("parameters without a value, and whether something drawn waits on them", () => {
  const affects = (name: string, params?: Record<string, string>) =>
    Object.fromEntries(read(name, params).inputs.map((i) => [i.name, i.affects]));

  it("a parameter deciding a group's Condition, or a rule's peer, affects the design; KeyName and ImageId do not", () => {
    expect(affects("inputs-affect.yaml")).toEqual({
      Env: true,
      AdminCidr: true,
      KeyName: false,
      ImageId: false,
      // It decides only a bucket, which Palisade does not draw.
      LogsEnv: false,
    });
  });

  it("a condition decided by a value given leaves nothing waiting on the others", () => {
    expect(affects("inputs-affect.yaml", { Env: "dev", AdminCidr: "10.0.0.0/8" })).toEqual({
      KeyName: false,
      ImageId: false,
      LogsEnv: false,
    });
  });

  it("a Condition on a group, an instance and a rule, and an Fn::If in a group's rules, wait on Env", () => {
    expect(affects("condition-unknown.yaml")).toEqual({ Env: true });
  });
});

describe("CloudFormation pseudo parameters", () => {
  it("read us-east-1 and AWS's documentation account unless told, and say so at the first use", () => {
    const { design, said } = read("pseudo-parameters.yaml");
    expect(said).toEqual([
      "pseudo-parameters.yaml:11:26: warning: the stack's region and account are not known before it is deployed: read AWS::StackName as stack, AWS::AccountId as 123456789012, AWS::Region as us-east-1 (give them with --param AWS::StackName=... --param AWS::AccountId=... --param AWS::Region=...)",
    ]);
    expect(design.groups[0]?.name).toBe("stack-app-123456789012");
    expect(design.groups[0]?.description).toBe("app in us-east-1 (aws, amazonaws.com)");
    expect(misses(design, [["10.1.2.3", "AppServer", "tcp", 443]], [["10.2.2.3", "AppServer", "tcp", 443]])).toEqual(
      [],
    );
  });

  it("read the region and account given, which decide the Mappings lookup", () => {
    const { design, said } = read("pseudo-parameters.yaml", {
      "AWS::Region": "eu-west-1",
      "AWS::AccountId": "210987654321",
      "AWS::StackName": "shop",
    });
    expect(said).toEqual([]);
    expect(design.groups[0]?.name).toBe("shop-app-210987654321");
    expect(misses(design, [["10.2.2.3", "AppServer", "tcp", 443]], [["10.1.2.3", "AppServer", "tcp", 443]])).toEqual(
      [],
    );
  });

  it("derive the partition and URL suffix from the region", () => {
    const { design } = read("pseudo-parameters.yaml", { "AWS::Region": "cn-north-1" });
    expect(design.groups[0]?.description).toBe("app in cn-north-1 (aws-cn, amazonaws.com.cn)");
  });
});

describe("CloudFormation conditions", () => {
  it("decide a group's Condition key, an Fn::If in its rules and the instance's groups alike (Env=prod)", () => {
    const { design } = read("conditions.yaml", { "AWS::Region": "us-east-1" });
    expect(design.groups.map((g) => g.name)).toEqual(["App"]);
    expect(
      misses(
        design,
        [["internet", "AppServer", "tcp", 443]],
        [
          ["internet", "AppServer", "tcp", 8080],
          ["10.1.1.1", "AppServer", "tcp", 22],
          ["internet", "AppServer", "tcp", 9000],
        ],
      ),
    ).toEqual([]);
  });

  it("decide them the other way when the parameter says so (Env=dev: Fn::Not)", () => {
    const { design } = read("conditions.yaml", { Env: "dev", "AWS::Region": "us-east-1" });
    expect(design.groups.map((g) => g.name)).toEqual(["App", "Debug"]);
    expect(
      misses(
        design,
        [
          ["internet", "AppServer", "tcp", 8080],
          ["10.1.1.1", "AppServer", "tcp", 22],
        ],
        [["internet", "AppServer", "tcp", 443]],
      ),
    ).toEqual([]);
  });

  it("combine with Fn::And and Fn::Or over the region (a standalone rule's Condition key)", () => {
    const { design } = read("conditions.yaml", { "AWS::Region": "eu-central-1" });
    expect(misses(design, [["internet", "AppServer", "tcp", 9000]])).toEqual([]);
  });

  it("make a reference to a resource they do not create an unknown that says why", () => {
    const text = readFileSync(join(FIXTURES, "conditions.yaml"), "utf8").replace(
      "SecurityGroupIds: !If [IsDev, [!Ref App, !Ref Debug], [!Ref App]]",
      "SecurityGroupIds: [!Ref App, !Ref Debug]",
    );
    const { design, warnings } = importCloudFormation({ name: "c.yaml", text });
    expect(warnings.map(formatProblem)).toContain(
      "c.yaml:43:7: warning: AppServer: Debug is not created: its condition IsDev does not hold; not attached",
    );
    expect(design.resources[0]?.groupIds).toHaveLength(1);
  });

  it("refuse an output's Condition that names no condition, as CloudFormation does", () => {
    const text = `${readFileSync(join(FIXTURES, "conditions.yaml"), "utf8")}Outputs:\n  Url:\n    Condition: IsStaging\n    Value: x\n`;
    expect(() => importCloudFormation({ name: "c.yaml", text })).toThrow(
      /c\.yaml:46:5: output Url: Condition must name a condition of the Conditions section, not IsStaging/,
    );
  });

  it("refuse a Condition key that names no condition", () => {
    const text = readFileSync(join(FIXTURES, "conditions.yaml"), "utf8").replace(
      "Condition: IsDev\n",
      "Condition: IsTest\n",
    );
    expect(() => importCloudFormation({ name: "c.yaml", text })).toThrow(
      /c\.yaml:26:5: Debug: Condition must name a condition of the Conditions section, not IsTest/,
    );
  });
});

describe("CloudFormation conditions on a parameter without a value", () => {
  it("ask for the parameter, and make what they decide placeholders that say so", () => {
    const { design, inputs, said } = read("condition-unknown.yaml");
    expect(inputs.map((i) => [i.name, i.line])).toEqual([["Env", 6]]);
    const unknown = (id: string, line: number) =>
      `condition-unknown.yaml:${line}:5: warning: ${id} exists only when condition IsDev holds, which is unknown: parameter Env has no value (no Default); imported as a placeholder until that value is given`;
    expect(said).toEqual([
      unknown("Debug", 21),
      unknown("DebugServer", 32),
      unknown("DevHttp", 37),
      "condition-unknown.yaml:18:11: warning: App ingress rule: Fn::If [IsDev, ...]: parameter Env has no value (no Default); not imported",
    ]);
    const debug = design.groups.find((g) => g.name === "Debug");
    expect(debug?.tags?.[PLACEHOLDER_TAG]).toBe("condition IsDev");
    expect(design.resources.find((r) => r.name === "DebugServer")?.tags?.[PLACEHOLDER_TAG]).toBe("condition IsDev");
    expect(design.resources.find((r) => r.name === "AppServer")?.tags?.[PLACEHOLDER_TAG]).toBeUndefined();
    // A rule has no tags: its description says it.
    expect(design.groups.find((g) => g.name === "App")?.ingress.map((r) => r.description)).toEqual([
      undefined,
      "Placeholder: only if condition IsDev holds; the dev server",
    ]);
    // What does not depend on Env is read; what does is not guessed either way.
    expect(misses(design, [["internet", "AppServer", "tcp", 443]], [["internet", "AppServer", "tcp", 8080]])).toEqual(
      [],
    );
  });

  it("read them once the value is given", () => {
    const { design, inputs, said } = read("condition-unknown.yaml", { Env: "prod" });
    expect(inputs).toEqual([]);
    expect(said).toEqual([]);
    expect(design.groups.map((g) => g.name)).toEqual(["App"]);
    expect(design.resources.map((r) => r.name)).toEqual(["AppServer"]);
  });
});

describe("CloudFormation Mappings and text functions", () => {
  it("make ports and ranges with FindInMap, Sub (both forms), Join, Select and Split", () => {
    const { design, said } = read("mappings-and-text.yaml");
    expect(said).toEqual([]);
    expect(
      misses(
        design,
        [
          ["198.51.100.9", "AppServer", "tcp", 443],
          ["172.16.3.4", "AppServer", "tcp", 22],
          ["192.168.5.20", "AppServer", "tcp", 873],
          ["10.9.1.1", "AppServer", "tcp", 5432],
          ["10.7.1.1", "AppServer", "udp", 53],
        ],
        [
          ["203.0.113.9", "AppServer", "tcp", 443],
          ["172.17.3.4", "AppServer", "tcp", 22],
          ["192.168.6.20", "AppServer", "tcp", 873],
          ["10.8.1.1", "AppServer", "udp", 53],
        ],
      ),
    ).toEqual([]);
  });
});

describe("CloudFormation Fn::Cidr and Fn::GetAZs", () => {
  it("cut blocks as CloudFormation does (IPv4 and IPv6), and say which zones were assumed", () => {
    const { design, said } = read("getazs-and-cidr.yaml");
    expect(said).toEqual([
      "getazs-and-cidr.yaml:12:38: warning: the stack's region and account are not known before it is deployed: read AWS::Region as us-east-1, Fn::GetAZs as us-east-1a, us-east-1b, us-east-1c (give them with --param AWS::Region=...)",
    ]);
    expect(design.groups[0]?.description).toBe("us-east-1a, us-east-1b, us-east-1c");
    expect(design.groups[0]?.ingress.map((r) => ("cidr" in r.peer ? r.peer.cidr : ""))).toEqual([
      "10.0.2.0/24",
      "2001:db8:0:1::/64",
    ]);
    expect(misses(design, [["10.0.2.5", "AppServer", "tcp", 443]], [["10.0.3.5", "AppServer", "tcp", 443]])).toEqual(
      [],
    );
  });

  it("refuse nothing but say what is wrong with an Fn::Cidr that cannot be cut", () => {
    const text = readFileSync(join(FIXTURES, "getazs-and-cidr.yaml"), "utf8").replace(
      'CidrIp: !Select [2, !Cidr ["10.0.0.0/16", 4, 8]]',
      'CidrIp: !Select [2, !Cidr ["10.0.0.0/16", 4, 20]]',
    );
    const { warnings } = importCloudFormation({ name: "c.yaml", text });
    expect(warnings.map(formatProblem)).toContain(
      "c.yaml:23:11: warning: App ingress rule: Fn::Cidr: cidrBits must be 1 to 16 for 10.0.0.0/16, not 20",
    );
  });
});

describe("CloudFormation AWS::NoValue", () => {
  it("removes the list item and the property it stands in", () => {
    const { design, said } = read("no-value.yaml");
    expect(said).toEqual([]);
    const web = design.resources.find((r) => r.name === "WebServer");
    expect(web?.groupIds.map((id) => design.groups.find((g) => g.id === id)?.name)).toEqual(["Web"]);
    expect(design.groups[0]?.ingress[1]).not.toHaveProperty("description");
    expect(misses(design, [["internet", "WebServer", "tcp", 80]], [["10.1.1.1", "WebServer", "tcp", 514]])).toEqual([]);
  });

  it("gives way to the other branch when the condition holds", () => {
    const { design } = read("no-value.yaml", { WithAudit: "true" });
    expect(design.groups[0]?.ingress[1]?.description).toBe("audited http");
    expect(misses(design, [["10.1.1.1", "WebServer", "tcp", 514]])).toEqual([]);
  });
});

describe("CloudFormation Fn::ForEach", () => {
  it("makes a copy per item, named by ${Identifier} and &{Identifier} in the logical id", () => {
    const { design, said } = read("for-each.yaml");
    expect(said).toEqual([]);
    expect(design.groups.map((g) => [g.name, g.description])).toEqual([
      ["WebGroup", "Web tier"],
      ["AppGroup", "App tier"],
    ]);
    expect(design.resources.map((r) => [r.name, r.privateIpv4])).toEqual([
      ["WebHost", "10.0.1.10"],
      ["AppHost", "10.0.2.10"],
    ]);
    expect(design.groups[1]?.ingress.map((r) => r.id)).toEqual([
      "AppGroup-ingress-1",
      "Office1010016",
      "Office1020016",
    ]);
    expect(
      misses(
        design,
        [
          ["internet", "WebHost", "tcp", 443],
          ["WebHost", "AppHost", "tcp", 8080],
          ["10.2.0.9", "AppHost", "tcp", 22],
        ],
        [
          ["internet", "AppHost", "tcp", 8080],
          ["10.3.0.9", "AppHost", "tcp", 22],
        ],
      ),
    ).toEqual([]);
  });

  it("places a problem in a copy at the line of the fragment it was copied from", () => {
    const text = readFileSync(join(FIXTURES, "for-each.yaml"), "utf8").replace(
      "CidrIp: !Ref Cidr",
      "CidrIp: !Ref Missing",
    );
    const { warnings } = importCloudFormation({ name: "f.yaml", text });
    expect(warnings.map(formatProblem)).toContain(
      "f.yaml:44:11: warning: Office1010016 ingress rule: !Ref Missing names no parameter or resource of this template",
    );
  });

  it("refuses a loop over what is not a list", () => {
    const text = readFileSync(join(FIXTURES, "for-each.yaml"), "utf8").replace("    - [Web, App]", "    - Web");
    expect(() => importCloudFormation({ name: "f.yaml", text })).toThrow(
      /f\.yaml:19:7: Fn::ForEach::Tiers: the collection must be a list known from the template: Web/,
    );
  });

  it("in Conditions makes a condition per item, which a property's Fn::If and a resource's Condition name", () => {
    const { design, said } = read("for-each-conditions.yaml");
    expect(said).toEqual([]);
    expect(
      misses(
        design,
        [
          ["internet", "WebHost", "tcp", 443],
          ["10.0.1.5", "AdminHost", "tcp", 443],
        ],
        [
          ["internet", "AdminHost", "tcp", 443],
          ["203.0.113.9", "AdminHost", "tcp", 22],
        ],
      ),
    ).toEqual([]);
    const test = read("for-each-conditions.yaml", { Environment: "test" }).design;
    expect(
      misses(test, [
        ["internet", "AdminHost", "tcp", 443],
        ["203.0.113.9", "AdminHost", "tcp", 22],
      ]),
    ).toEqual([]);
  });

  it("in Outputs makes an output per item, whose Condition (a !Sub) names a condition a loop made", () => {
    const { design, said } = read("for-each-outputs.yaml");
    expect(said).toEqual([]);
    expect(design.groups.map((g) => g.name)).toEqual(["WebGroup", "AppGroup"]);
    expect(
      misses(
        design,
        [
          ["internet", "WebHost", "tcp", 443],
          ["10.0.0.9", "AppHost", "tcp", 8080],
        ],
        [["internet", "AppHost", "tcp", 8080]],
      ),
    ).toEqual([]);
    // A copy's Condition naming no condition is refused at the line of the fragment it came from.
    const text = readFileSync(join(FIXTURES, "for-each-outputs.yaml"), "utf8").replace(
      'Condition: !Sub "Export${Tier}"',
      'Condition: !Sub "Exported${Tier}"',
    );
    expect(() => importCloudFormation({ name: "o.yaml", text })).toThrow(
      "o.yaml:44:9: output WebGroupId: Condition must name a condition of the Conditions section, not ExportedWeb",
    );
  });

  it("inside a loop's fragment makes a copy per item of both, the inner collection read with the outer item", () => {
    const { design, said } = read("for-each-nested.yaml");
    expect(said).toEqual([]);
    expect(design.groups.map((g) => [g.name, g.ingress.map((r) => r.id)])).toEqual([
      ["WebGroup", ["WebPort80", "WebPort443"]],
      ["AppGroup", ["AppPort8080"]],
    ]);
    expect(
      misses(
        design,
        [
          ["internet", "WebHost", "tcp", 80],
          ["internet", "WebHost", "tcp", 443],
          ["10.0.0.9", "AppHost", "tcp", 8080],
        ],
        [
          ["internet", "WebHost", "tcp", 8080],
          ["internet", "AppHost", "tcp", 8080],
          ["10.0.0.9", "AppHost", "tcp", 80],
        ],
      ),
    ).toEqual([]);
  });

  it("places a problem in an inner loop's copies at the line of the inner fragment, said once", () => {
    const text = readFileSync(join(FIXTURES, "for-each-nested.yaml"), "utf8").replace(
      "ToPort: !Ref Port",
      "ToPort: 99999",
    );
    expect(() => importCloudFormation({ name: "n.yaml", text })).toThrow(
      /^n\.yaml:31:15: to port 99999 is out of range: expected 0-65535 \(-1 = any, for ICMP\) \(in each of 3 copies\)$/,
    );
  });

  it("in a resource's properties makes a property per item", () => {
    const { design, said } = read("for-each-properties.yaml");
    expect(said).toEqual([]);
    expect(
      misses(
        design,
        [
          ["10.0.3.3", "Db", "tcp", 5432],
          ["Db", "10.1.2.3", "tcp", 443],
        ],
        [
          ["10.2.0.1", "Db", "tcp", 5432],
          ["Db", "8.8.8.8", "tcp", 443],
        ],
      ),
    ).toEqual([]);
  });

  const HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::LanguageExtensions\n';
  const GROUP = "        Type: AWS::EC2::SecurityGroup\n        Properties: { GroupDescription: tier }\n";
  it.each([
    [
      "a loop that is not [Identifier, Collection, fragment]",
      `Resources:\n  Fn::ForEach::Tiers:\n    - Tier\n    - [Web, App]\n`,
      "f.yaml:4:3: Fn::ForEach::Tiers: expected [Identifier, Collection, { OutputKey: OutputValue }]",
    ],
    [
      "an Identifier that is not a name",
      `Resources:\n  Fn::ForEach::Tiers:\n    - Tier Name\n    - [Web, App]\n    - \${Tier}Group:\n${GROUP}`,
      "f.yaml:5:7: Fn::ForEach::Tiers: the Identifier must be a name of letters and digits, not Tier Name",
    ],
    [
      "a key without the identifier, which every copy would share",
      `Resources:\n  Fn::ForEach::Tiers:\n    - Tier\n    - [Web, App]\n    - Group:\n${GROUP}`,
      "f.yaml:7:7: Fn::ForEach::Tiers: the key Group must contain ${Tier} or &{Tier}, so that each copy has its own",
    ],
    [
      "an inner loop with its outer loop's identifier",
      `Resources:\n  Fn::ForEach::Tiers:\n    - Tier\n    - [Web, App]\n    - Fn::ForEach::Again:\n        - Tier\n        - [A]\n        - \${Tier}Group:\n    ${GROUP.replace(/\n(?=.)/, "\n    ")}`,
      "f.yaml:8:11: Fn::ForEach::Again: the Identifier Tier is already an enclosing loop's; each loop needs its own",
    ],
    [
      "two copies with one key",
      `Resources:\n  WebGroup:\n${GROUP.replace(/^ {4}/gm, "")}  Fn::ForEach::Tiers:\n    - Tier\n    - [Web, App]\n    - \${Tier}Group:\n${GROUP}`,
      "f.yaml:10:7: Fn::ForEach makes WebGroup, which is already there",
    ],
    [
      "a loop in a section where AWS allows none",
      `Mappings:\n  Fn::ForEach::Tiers:\n    - Tier\n    - [Web, App]\n    - \${Tier}: { Port: 443 }\nResources:\n  Web:\n${GROUP.replace(/^ {4}/gm, "")}`,
      "f.yaml:3:1: Fn::ForEach is not allowed in the Mappings section: only in Conditions, Outputs, Resources (resource properties included)",
    ],
  ])("refuses %s, at its line", (_, body, message) => {
    expect(() => importCloudFormation({ name: "f.yaml", text: HEAD + body })).toThrow(message);
  });
});

describe("CloudFormation: what another stack defines", () => {
  it("makes Fn::ImportValue and a nested stack's output named placeholder groups, with warnings at their lines", () => {
    const { design, said } = read("outside-the-template.yaml");
    expect(said).toEqual([
      "outside-the-template.yaml:5:3: warning: Network is a nested stack: its template (TemplateURL) is not imported; where this template names its outputs (!GetAtt Network.Outputs.X), a placeholder stands for each",
      "outside-the-template.yaml:17:11: warning: App ingress rule: Fn::ImportValue shared-bastion-group reads another stack's export, known only where it is deployed; the placeholder group ImportValue shared-bastion-group stands for it",
      "outside-the-template.yaml:21:11: warning: App ingress rule: Network.Outputs.LoadBalancerGroupId is an output of the nested stack Network, which is not imported; the placeholder group Network.Outputs.LoadBalancerGroupId stands for it",
      "outside-the-template.yaml:25:7: warning: AppServer: Fn::ImportValue shared-monitoring-group reads another stack's export, known only where it is deployed; the placeholder group ImportValue shared-monitoring-group stands for it",
    ]);
    const placeholders = design.groups.filter((g) => g.tags?.[PLACEHOLDER_TAG]).map((g) => g.name);
    expect(placeholders).toEqual([
      "ImportValue shared-bastion-group",
      "Network.Outputs.LoadBalancerGroupId",
      "ImportValue shared-monitoring-group",
    ]);
    const server = design.resources.find((r) => r.name === "AppServer");
    expect(server?.groupIds).toHaveLength(2);
    // The rules are kept: a member of the placeholder is admitted inbound; nothing else is.
    expect(design.groups.find((g) => g.name === "App")?.ingress).toHaveLength(2);
    expect(misses(design, [], [["internet", "AppServer", "tcp", 22]])).toEqual([]);
  });
});

describe("CloudFormation: the SAM transform", () => {
  it("warns that it is not applied, at its line, and reads the rest", () => {
    const { design, said } = read("sam.yaml");
    expect(said).toEqual([
      "sam.yaml:4:1: warning: the SAM transform (AWS::Serverless-2016-10-31) is not applied: AWS::Serverless::* resources, and the groups SAM would attach, are not imported (sam build writes the template it deploys: import that)",
      "sam.yaml:6:3: warning: Api: resource type AWS::Serverless::Function names security groups (SecurityGroupIds), but Palisade does not model it: it is not drawn, and flows to and from it are not listed",
    ]);
    expect(design.groups.map((g) => g.name)).toEqual(["FunctionGroup"]);
  });
});

describe("CloudFormation: a classic load balancer without groups", () => {
  it("gets the default_elb group ELB gives it, which SourceSecurityGroup.GroupName names", () => {
    const { design, said } = read("classic-load-balancer.yaml");
    expect(said).toContain(
      "classic-load-balancer.yaml:5:3: warning: Balancer is a classic load balancer without SecurityGroups or Subnets, so in the default VPC ELB gives it the group default_elb_<id>, allowing tcp 80 from anywhere: imported as the group default_elb",
    );
    const elb = design.groups.find((g) => g.name === "default_elb");
    expect(design.resources.find((r) => r.name === "Balancer")?.groupIds).toEqual([elb?.id]);
    expect(
      misses(
        design,
        [
          ["internet", "Balancer", "tcp", 80],
          ["Balancer", "Server", "tcp", 8080],
        ],
        [
          ["internet", "Server", "tcp", 8080],
          ["internet", "Balancer", "tcp", 443],
        ],
      ),
    ).toEqual([]);
  });
});
