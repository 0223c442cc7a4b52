// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} strings are Terraform and CloudFormation syntax, on purpose
// Importers meet whatever a user drops on the window: they must answer with a design or with
// InputError problems, never with a crash. `npm run fuzz` raises the number of runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../model/problems";
import { importCloudFormation } from "./cloudformation";
import { importTerraform } from "./terraform";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

function settles(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const p of e.problems) expect(p.message.length).toBeGreaterThan(0);
  }
}

// Values shaped like templates, so the fuzzer reaches past the first check.
const scalar = fc.oneof(
  fc.string(),
  fc.integer({ min: -2, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("tcp", "-1", "10.0.0.0/8", "::/0", "sg-1", "Web"),
);
const intrinsic = fc.oneof(
  fc.record({ Ref: fc.constantFrom("Web", "P", "AWS::Region", "Nope") }),
  fc.record({
    "Fn::GetAtt": fc.constantFrom(["Web", "GroupId"], "Web.GroupId", [], ["Nope"]) as fc.Arbitrary<unknown>,
  }),
  fc.record({ "Fn::Select": fc.tuple(fc.integer({ min: -1, max: 3 }), fc.anything()) }),
  fc.record({ "Fn::Sub": fc.oneof(fc.string(), fc.constant("${P}"), fc.constant("${!x}")) }),
  fc.record({ "Fn::Join": fc.anything() }),
  fc.record({ "Fn::FindInMap": fc.anything() }),
);
const value = fc.oneof(
  { depthSize: "small" },
  scalar,
  intrinsic,
  fc.array(fc.oneof(scalar, intrinsic), { maxLength: 3 }),
  fc.anything(),
);
const rule = fc.dictionary(
  fc.constantFrom(
    "IpProtocol",
    "FromPort",
    "ToPort",
    "CidrIp",
    "CidrIpv6",
    "SourceSecurityGroupId",
    "DestinationPrefixListId",
    "GroupId",
    "Description",
  ),
  value,
);
const resource = fc.record({
  Type: fc.constantFrom(
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    "AWS::EC2::Instance",
    "AWS::EC2::PrefixList",
    "AWS::EC2::VPC",
    "AWS::Lambda::Function",
    "AWS::X::Y",
  ),
  Properties: fc.oneof(
    fc.record(
      {
        GroupDescription: value,
        VpcId: value,
        SecurityGroupIngress: fc.oneof(fc.array(rule, { maxLength: 3 }), value),
        SecurityGroupEgress: fc.oneof(fc.array(rule, { maxLength: 3 }), value),
        Tags: value,
      },
      { requiredKeys: [] },
    ),
    rule,
    fc.record(
      {
        SecurityGroupIds: value,
        PrivateIpAddress: value,
        Tags: value,
        AddressFamily: value,
        MaxEntries: value,
        Entries: value,
        CidrBlock: value,
      },
      { requiredKeys: [] },
    ),
    value,
  ),
});
const template = fc.record({
  Parameters: fc.oneof(
    fc.constant(undefined),
    fc.record({
      P: fc.record({ Type: fc.constantFrom("String", "CommaDelimitedList"), Default: value }, { requiredKeys: [] }),
    }),
  ),
  Mappings: fc.oneof(fc.constant(undefined), fc.anything()),
  Resources: fc.dictionary(fc.constantFrom("Web", "App", "Rule", "Vpc", "Pl", "I"), resource, { maxKeys: 5 }),
});

describe("importCloudFormation never crashes", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => settles(() => importCloudFormation({ name: "t.yaml", text }))),
      { numRuns: RUNS },
    );
  });
  it("on template-shaped JSON", () => {
    fc.assert(
      fc.property(template, (t) => settles(() => importCloudFormation({ name: "t.json", text: JSON.stringify(t) }))),
      { numRuns: RUNS },
    );
  });
});

describe("importTerraform never crashes", () => {
  const body = fc.dictionary(
    fc.constantFrom(
      "name",
      "vpc_id",
      "ingress",
      "egress",
      "from_port",
      "to_port",
      "protocol",
      "ip_protocol",
      "cidr_blocks",
      "cidr_ipv4",
      "security_group_id",
      "type",
      "tags",
      "vpc_security_group_ids",
      "security_groups",
      "self",
      "count",
    ),
    fc.oneof(
      value,
      fc.constantFrom("${var.v}", "${aws_security_group.web.id}", "${local.l}", "${data.x.y.z}", "x${var.v}y", "$${z}"),
    ),
  );
  const hcl = fc.record({
    variable: fc.oneof(
      fc.constant(undefined),
      fc.record({ v: fc.array(fc.record({ default: value }, { requiredKeys: [] }), { maxLength: 1 }) }),
    ),
    locals: fc.oneof(fc.constant(undefined), fc.array(fc.dictionary(fc.constantFrom("l"), value), { maxLength: 1 })),
    resource: fc.dictionary(
      fc.constantFrom(
        "aws_security_group",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_instance",
        "aws_ec2_managed_prefix_list",
        "aws_vpc",
        "aws_lambda_function",
        "x",
      ),
      fc.dictionary(fc.constantFrom("web", "app"), fc.oneof(fc.array(fc.oneof(body, value), { maxLength: 2 }), value)),
    ),
  });
  it("on arbitrary parser output", () => {
    fc.assert(
      fc.property(fc.oneof(hcl, fc.anything()), fc.string(), (parsed, text) =>
        settles(() => importTerraform([{ name: "main.tf", text, hcl: parsed }])),
      ),
      { numRuns: RUNS },
    );
  });
});
