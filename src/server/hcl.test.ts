// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform's template syntax, on purpose
// Terraform import through the real HCL parser (@cdktf/hcl2json's wasm), as main and the CLI run it.
import { describe, expect, it } from "vitest";
import { formatProblem, InputError } from "../shared/model/problems";
import { importTerraformFiles, parseHcl } from "./hcl";

const tf = (text: string, name = "main.tf") => importTerraformFiles([{ name, text }]);
async function problemsOf(files: { name: string; text: string }[]): Promise<string[]> {
  try {
    await importTerraformFiles(files);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}
const sg = (name: string, body = "") => `resource "aws_security_group" "${name}" {\n  name = "${name}"\n${body}}\n`;

describe("parseHcl", () => {
  it("reports a syntax error at file:line:column", async () => {
    await expect(parseHcl("bad.tf", 'resource "a" "b" {\n  x = \n}\n')).rejects.toThrow(
      "bad.tf:2:7: Invalid expression: Expected the start of an expression, but found an invalid expression token.",
    );
  });

  it("reports every broken file together", async () => {
    const problems = await problemsOf([
      { name: "a.tf", text: "resource {\n" },
      { name: "b.tf", text: 'variable "x" {\n  default = [\n}\n' },
    ]);
    expect(problems.map((p) => p.split(":")[0])).toEqual(["a.tf", "b.tf"]);
  });
});

describe("Terraform JSON syntax (.tf.json)", () => {
  it("imports like HCL", async () => {
    const text = JSON.stringify({
      variable: { office: { default: "198.51.100.0/24" } },
      resource: {
        aws_security_group: {
          web: {
            name: "web",
            ingress: [{ from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["${var.office}"] }],
          },
        },
      },
    });
    const { design } = await tf(text, "main.tf.json");
    expect(design.groups[0]?.ingress.map((r) => r.peer)).toEqual([{ kind: "cidr4", cidr: "198.51.100.0/24" }]);
  });

  it("places problems in the JSON", async () => {
    const text = JSON.stringify(
      {
        resource: {
          aws_security_group: {
            web: { ingress: [{ from_port: 70000, to_port: 70000, protocol: "tcp", cidr_blocks: ["10.0.0.0/8"] }] },
          },
        },
      },
      null,
      2,
    );
    expect(await problemsOf([{ name: "main.tf.json", text }])).toEqual([
      "main.tf.json:7:13: from port 70000 is out of range: expected 0-65535 (-1 = any, for ICMP)",
    ]);
  });

  it("places a JSON syntax error", async () => {
    expect(await problemsOf([{ name: "main.tf.json", text: '{\n  "resource": [\n}' }])).toEqual([
      "main.tf.json:3:1: not valid JSON: expected a value",
    ]);
  });
});

describe("importTerraform: egress", () => {
  it("gives an aws_security_group with no egress no egress (Terraform removes AWS's default)", async () => {
    const { design } = await tf(sg("db"));
    expect(design.groups[0]?.egress).toEqual([]);
  });

  it("keeps the egress that is declared", async () => {
    const { design } = await tf(
      sg(
        "web",
        '  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n',
      ),
    );
    expect(design.groups[0]?.egress.map(({ id, ...r }) => r)).toEqual([
      { protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } },
    ]);
  });
});

describe("importTerraform: the default group", () => {
  it("reads aws_default_security_group as the VPC's default group, with only the rules declared", async () => {
    const { design } = await tf(
      'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_default_security_group" "d" {\n  vpc_id = aws_vpc.main.id\n}\n',
    );
    expect(design.groups).toEqual([
      expect.objectContaining({
        id: "sg-d",
        name: "default",
        isDefault: true,
        vpcId: "vpc-main",
        ingress: [],
        egress: [],
      }),
    ]);
  });
});

describe("importTerraform: the three ways to write a rule", () => {
  it("inline blocks, one rule per peer, self included", async () => {
    const body = [
      "  ingress {",
      "    from_port       = 443",
      "    to_port         = 443",
      '    protocol        = "tcp"',
      '    cidr_blocks     = ["10.0.0.0/8", "192.0.2.0/24"]',
      '    ipv6_cidr_blocks = ["2001:db8::/32"]',
      "    security_groups = [aws_security_group.lb.id]",
      "    self            = true",
      '    description     = "https"',
      "  }",
      "",
    ].join("\n");
    const { design } = await tf(sg("lb") + sg("app", body));
    const app = design.groups.find((g) => g.name === "app");
    expect(app?.ingress.map((r) => r.peer)).toEqual([
      { kind: "cidr4", cidr: "10.0.0.0/8" },
      { kind: "cidr4", cidr: "192.0.2.0/24" },
      { kind: "cidr6", cidr: "2001:db8::/32" },
      { kind: "group", groupId: "sg-lb" },
      { kind: "group", groupId: "sg-app" },
    ]);
    expect(new Set(app?.ingress.map((r) => `${r.protocol} ${r.fromPort}-${r.toPort} ${r.description}`))).toEqual(
      new Set(["tcp 443-443 https"]),
    );
  });

  it("aws_security_group_rule", async () => {
    const rule = [
      'resource "aws_security_group_rule" "db_from_app" {',
      '  type                     = "ingress"',
      "  security_group_id        = aws_security_group.db.id",
      "  source_security_group_id = aws_security_group.app.id",
      '  protocol                 = "tcp"',
      "  from_port                = 5432",
      "  to_port                  = 5432",
      "}",
      'resource "aws_security_group_rule" "db_out" {',
      '  type              = "egress"',
      "  security_group_id = aws_security_group.db.id",
      '  protocol          = "icmp"',
      "  from_port         = 8",
      "  to_port           = 0",
      '  cidr_blocks       = ["10.0.0.0/16"]',
      "}",
      "",
    ].join("\n");
    const { design } = await tf(sg("app") + sg("db") + rule);
    const db = design.groups.find((g) => g.name === "db");
    expect(db?.ingress).toEqual([
      { id: "db_from_app", protocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "group", groupId: "sg-app" } },
    ]);
    expect(db?.egress).toEqual([
      { id: "db_out", protocol: "icmp", fromPort: 8, toPort: 0, peer: { kind: "cidr4", cidr: "10.0.0.0/16" } },
    ]);
  });

  it("aws_vpc_security_group_ingress_rule and egress_rule, with prefix lists", async () => {
    const text = [
      'resource "aws_ec2_managed_prefix_list" "partners" {',
      '  name           = "partners"',
      '  address_family = "IPv4"',
      "  max_entries    = 5",
      "  entry {",
      '    cidr        = "192.0.2.0/24"',
      '    description = "a"',
      "  }",
      "}",
      sg("web"),
      'resource "aws_vpc_security_group_ingress_rule" "in" {',
      "  security_group_id = aws_security_group.web.id",
      '  ip_protocol       = "tcp"',
      "  from_port         = 443",
      "  to_port           = 443",
      "  prefix_list_id    = aws_ec2_managed_prefix_list.partners.id",
      "}",
      'resource "aws_vpc_security_group_egress_rule" "out" {',
      "  security_group_id = aws_security_group.web.id",
      '  ip_protocol       = "-1"',
      '  cidr_ipv6         = "::/0"',
      "}",
      "",
    ].join("\n");
    const { design } = await tf(text);
    expect(design.prefixLists).toEqual([
      {
        id: "pl-partners",
        name: "partners",
        addressFamily: "IPv4",
        maxEntries: 5,
        entries: [{ cidr: "192.0.2.0/24", description: "a" }],
      },
    ]);
    expect(design.groups[0]?.ingress).toEqual([
      {
        id: "in",
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        peer: { kind: "prefixList", prefixListId: "pl-partners" },
      },
    ]);
    expect(design.groups[0]?.egress).toEqual([{ id: "out", protocol: "-1", peer: { kind: "cidr6", cidr: "::/0" } }]);
  });

  it("resolves references across files, variables with defaults and locals", async () => {
    const vars =
      'variable "office" {\n  description = "Office"\n  default     = "198.51.100.0/24"\n}\nlocals {\n  https = 443\n}\n';
    const main = sg(
      "web",
      '  ingress {\n    from_port   = local.https\n    to_port     = local.https\n    protocol    = "tcp"\n    cidr_blocks = [var.office, "${var.office}"]\n  }\n',
    );
    const { design, warnings } = await importTerraformFiles([
      { name: "main.tf", text: main },
      { name: "variables.tf", text: vars },
    ]);
    expect(warnings).toEqual([]);
    expect(design.groups[0]?.ingress.map((r) => [r.fromPort, r.peer])).toEqual([
      [443, { kind: "cidr4", cidr: "198.51.100.0/24" }],
      [443, { kind: "cidr4", cidr: "198.51.100.0/24" }],
    ]);
    expect(design.externals).toEqual([
      expect.objectContaining({ kind: "cidr", name: "Office", cidrs: ["198.51.100.0/24"] }),
    ]);
  });

  it("keeps literal text that only looks like a template", async () => {
    const { design } = await tf(
      sg("web").replace('name = "web"', () => 'name = "web"\n  description = "$${not} a template"'),
    );
    expect(design.groups[0]?.description).toBe("${not} a template");
  });
});

describe("importTerraform: inline and separate rules on one group", () => {
  it("imports both and warns that Terraform would fight over them", async () => {
    const inline = sg(
      "web",
      '  ingress {\n    from_port   = 80\n    to_port     = 80\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n',
    );
    const separate =
      'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.web.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv4         = "10.0.0.0/8"\n}\n';
    const { design, warnings } = await tf(inline + separate);
    expect(design.groups[0]?.ingress.map((r) => r.fromPort)).toEqual([80, 22]);
    expect(warnings.map(formatProblem)).toEqual([
      "main.tf:10:1: warning: aws_vpc_security_group_ingress_rule.ssh adds a rule to aws_security_group.web, which also has inline ingress/egress blocks: Terraform will remove one or the other on each apply",
    ]);
  });
});

describe("importTerraform: what cannot be known is a warning at its file and line", () => {
  it.each([
    [
      "a variable without a default",
      'variable "cidr" {}\n',
      "var.cidr",
      /^main\.tf:8:5: warning: .*cidr_blocks: depends on var\.cidr, which has no value.*placeholder range/,
    ],
    [
      "a data source",
      "",
      "data.aws_vpc.main.cidr_block",
      /^main\.tf:7:5: warning: .*depends on data\.aws_vpc\.main, which is read from AWS when Terraform runs/,
    ],
    [
      "a module output",
      "",
      "module.net.cidr",
      /^main\.tf:7:5: warning: .*depends on module\.net, which is not declared in these files/,
    ],
  ])("%s", async (_, extra, expression, expected) => {
    const body = `  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [${expression}]\n  }\n`;
    const { design, warnings } = await tf(extra + sg("web", body));
    expect(warnings.map(formatProblem)).toEqual([expect.stringMatching(expected)]);
    // Kept, naming a placeholder range that stands for what it waits on (never a guess of the address).
    const placeholder = design.externals.find((e) => e.tags?.["palisade:placeholder"]);
    expect(placeholder?.name).toBe(
      expression.startsWith("var.") ? expression : expression.split(".").slice(0, -1).join("."),
    );
    expect(design.groups[0]?.ingress).toMatchObject([{ fromPort: 22, peer: { cidr: placeholder?.cidrs[0] } }]);
  });

  it("warns about a rule that names no peer", async () => {
    const { warnings } = await tf(
      sg(
        "web",
        '  ingress {\n    from_port   = 1\n    to_port     = 1\n    protocol    = "tcp"\n    cidr_blocks = []\n  }\n',
      ),
    );
    expect(warnings.map(formatProblem)).toEqual([
      "main.tf:3:3: warning: aws_security_group.web: an ingress rule that names no peer (cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, security_groups, self) allows nothing; not imported",
    ]);
  });

  it("warns about modules, unknown resource types and groups from elsewhere", async () => {
    const text = `module "net" {\n  source = "./net"\n}\nresource "aws_sqs_queue" "q" {}\nresource "aws_instance" "web" {\n  vpc_security_group_ids = ["sg-0123"]\n}\n`;
    const { warnings } = await tf(text);
    expect(warnings.map(formatProblem)).toEqual([
      'main.tf:1:1: warning: module "net" is not imported: it reads "./net" (net), which was not found; what uses its outputs is unknown (terraform show -json of a plan reads every module)',
      "main.tf:6:3: warning: aws_instance.web: sg-0123 is not a security group in these files; not attached",
      "main.tf:5:1: warning: aws_instance.web names no security group in these files, so AWS gives it its VPC's default group",
      "main.tf:4:1: warning: aws_sqs_queue.q: resource type aws_sqs_queue carries no security group; not drawn",
    ]);
  });
});

describe("importTerraform: count and for_each", () => {
  it("imports one group per count.index", async () => {
    const { design, warnings } = await tf(
      'resource "aws_security_group" "web" {\n  count = 3\n  name  = "web-${count.index}"\n}\n',
    );
    expect(design.groups.map((g) => g.name)).toEqual(["web-0", "web-1", "web-2"]);
    expect(warnings).toEqual([]);
  });

  it("says so when count depends on a variable without a value, instead of guessing", async () => {
    const { design, warnings } = await tf(
      'variable "n" {}\nresource "aws_security_group" "web" {\n  count = var.n\n}\n',
    );
    expect(design.groups).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([
      "main.tf:2:1: warning: aws_security_group.web: its count depends on var.n, which has no value, so how many there are is unknown; not imported",
    ]);
  });
});

describe("importTerraform: wrong values are errors at file:line:col", () => {
  const rule = (lines: string) => sg("web", `  ingress {\n${lines}  }\n`);
  it.each([
    [
      "an absurd port",
      '    from_port   = 70000\n    to_port     = 70000\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n',
      "main.tf:4:5: from port 70000 is out of range: expected 0-65535 (-1 = any, for ICMP)",
    ],
    [
      "a reversed range",
      '    from_port   = 90\n    to_port     = 80\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n',
      "main.tf:5:5: toPort: reversed port range 90-80: fromPort must not exceed toPort",
    ],
    [
      "a bad CIDR",
      '    from_port   = 1\n    to_port     = 1\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8", "10.0.0.300/24"]\n',
      'main.tf:7:34: peer.cidr: "10.0.0.300/24" is not a CIDR: "10.0.0.300" is not an IPv4 or IPv6 address',
    ],
    [
      "an IPv6 CIDR where IPv4 belongs",
      '    from_port   = 1\n    to_port     = 1\n    protocol    = "tcp"\n    cidr_blocks = ["::/0"]\n',
      'main.tf:7:20: peer.cidr: "::/0" is an IPv6 CIDR where an IPv4 CIDR is expected',
    ],
    [
      "a list that is a string",
      '    from_port   = 1\n    to_port     = 1\n    protocol    = "tcp"\n    cidr_blocks = "10.0.0.0/8"\n',
      'main.tf:7:5: cidr_blocks must be a list, e.g. ["10.0.0.0/16"]',
    ],
    [
      "a port that is not a number",
      '    from_port   = "http"\n    to_port     = 80\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n',
      'main.tf:4:5: from port "http" is not a whole number',
    ],
    [
      "an unknown protocol",
      '    from_port   = 1\n    to_port     = 1\n    protocol    = "tcpp"\n    cidr_blocks = ["10.0.0.0/8"]\n',
      'main.tf:6:5: protocol: "tcpp" is not a protocol: expected tcp, udp, icmp, icmpv6, -1 (all) or a number 0-255',
    ],
  ])("%s", async (_, lines, expected) => {
    expect(await problemsOf([{ name: "main.tf", text: rule(lines) }])).toEqual([expected]);
  });
});

describe("importTerraform: attachments", () => {
  it("reads every kind of resource with its groups, name and addresses", async () => {
    const text = [
      'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}',
      sg("g").replace("}\n", "  vpc_id = aws_vpc.main.id\n}\n"),
      'resource "aws_instance" "web" {\n  vpc_security_group_ids = [aws_security_group.g.id]\n  private_ip = "10.0.1.5"\n  ipv6_addresses = ["2001:db8::5"]\n  tags = { Name = "web-1" }\n}',
      'resource "aws_lb" "front" {\n  name = "front-lb"\n  security_groups = [aws_security_group.g.id]\n}',
      'resource "aws_db_instance" "db" {\n  identifier = "orders"\n  vpc_security_group_ids = [aws_security_group.g.id]\n}',
      'resource "aws_lambda_function" "fn" {\n  function_name = "resize"\n  vpc_config {\n    security_group_ids = [aws_security_group.g.id]\n    subnet_ids = []\n  }\n}',
      'resource "aws_ecs_service" "svc" {\n  name = "api"\n  network_configuration {\n    security_groups = [aws_security_group.g.id]\n    subnets = []\n  }\n}',
      'resource "aws_vpc_endpoint" "s3" {\n  vpc_id = aws_vpc.main.id\n  service_name = "com.amazonaws.us-east-1.s3"\n  security_group_ids = [aws_security_group.g.id]\n}',
      "",
    ].join("\n");
    const { design, warnings } = await tf(text);
    expect(warnings).toEqual([]);
    expect(
      design.resources.map(({ id, kind, name, groupIds, vpcId, privateIpv4, ipv6 }) => ({
        id,
        kind,
        name,
        groupIds,
        vpcId,
        privateIpv4,
        ipv6,
      })),
    ).toEqual([
      {
        id: "web",
        kind: "instance",
        name: "web-1",
        groupIds: ["sg-g"],
        vpcId: "vpc-main",
        privateIpv4: "10.0.1.5",
        ipv6: "2001:db8::5",
      },
      {
        id: "front",
        kind: "loadBalancer",
        name: "front-lb",
        groupIds: ["sg-g"],
        vpcId: "vpc-main",
        privateIpv4: undefined,
        ipv6: undefined,
      },
      {
        id: "db",
        kind: "database",
        name: "orders",
        groupIds: ["sg-g"],
        vpcId: "vpc-main",
        privateIpv4: undefined,
        ipv6: undefined,
      },
      {
        id: "fn",
        kind: "function",
        name: "resize",
        groupIds: ["sg-g"],
        vpcId: "vpc-main",
        privateIpv4: undefined,
        ipv6: undefined,
      },
      {
        id: "svc",
        kind: "containerService",
        name: "api",
        groupIds: ["sg-g"],
        vpcId: "vpc-main",
        privateIpv4: undefined,
        ipv6: undefined,
      },
      {
        id: "s3",
        kind: "endpoint",
        name: "s3",
        groupIds: ["sg-g"],
        vpcId: "vpc-main",
        privateIpv4: undefined,
        ipv6: undefined,
      },
    ]);
  });
});
