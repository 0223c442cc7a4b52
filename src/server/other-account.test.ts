// Groups of other AWS accounts through Terraform, read by the real HCL parser: each reference
// becomes one clearly named placeholder and a warning at its place, and the exports (Terraform,
// CloudFormation) write the cross-account reference back, which imports again the same.
import { beforeAll, describe, expect, it } from "vitest";
import { importCloudFormation, toCloudFormation } from "../shared/iac/cloudformation";
import { toTerraform } from "../shared/iac/terraform";
import type { Problem } from "../shared/model/problems";
import type { Design } from "../shared/model/schema";
import { importTerraformFiles } from "./hcl";

const PEER = "sg-0123456789abcdef0";
const main = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = ["210987654321/${PEER}"]
  }
}

resource "aws_security_group_rule" "to_reports" {
  type                     = "egress"
  security_group_id        = aws_security_group.app.id
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = "210987654321/${PEER}"
}

resource "aws_vpc_security_group_ingress_rule" "from_scanner" {
  security_group_id            = aws_security_group.app.id
  ip_protocol                  = "-1"
  referenced_security_group_id = "111122223333/sg-0aaaaaaaaaaaaaaaa"
}
`;

/** The rules of a design by group name, peers by name: what a round trip must keep. */
function shape(d: Design) {
  const name = (id: string) => d.groups.find((g) => g.id === id)?.name ?? `?${id}`;
  return Object.fromEntries(
    d.groups.map((g) => [
      g.name,
      {
        tags: g.tags,
        otherAccount: g.otherAccount,
        rules: (["ingress", "egress"] as const).flatMap((dir) =>
          g[dir]
            .map(
              (r) =>
                `${dir} ${r.protocol} ${r.fromPort ?? ""} ${r.peer.kind === "group" ? name(r.peer.groupId) : "cidr" in r.peer ? r.peer.cidr : "prefixListId" in r.peer ? r.peer.prefixListId : r.peer.externalId}`,
            )
            .sort(),
        ),
      },
    ]),
  );
}

describe("Terraform: groups of other accounts", () => {
  let design: Design;
  let warnings: Problem[];
  beforeAll(async () => {
    ({ design, warnings } = await importTerraformFiles([{ name: "main.tf", text: main }]));
  });
  const placeholder = (groupId: string) => design.groups.find((g) => g.otherAccount?.groupId === groupId);

  it("each account/group becomes one placeholder named for it, with no members, rules or VPC of this design", () => {
    expect(placeholder(PEER)).toEqual({
      id: PEER,
      name: `${PEER} in account 210987654321`,
      description:
        "Lives in another AWS account, 210987654321: its members are not in this design, so flows with them are not shown",
      ingress: [],
      egress: [],
      otherAccount: { account: "210987654321", groupId: PEER },
    });
    expect(placeholder("sg-0aaaaaaaaaaaaaaaa")?.name).toBe("sg-0aaaaaaaaaaaaaaaa in account 111122223333");
    expect(design.groups).toHaveLength(3);
    expect(design.resources.some((r) => r.groupIds.includes(PEER))).toBe(false);
    const app = design.groups.find((g) => g.name === "app");
    expect(app?.ingress.map((r) => r.peer)).toEqual([
      { kind: "group", groupId: PEER },
      { kind: "group", groupId: "sg-0aaaaaaaaaaaaaaaa" },
    ]);
    expect(app?.egress.map((r) => [r.protocol, r.fromPort, r.peer])).toContainEqual([
      "tcp",
      5432,
      { kind: "group", groupId: PEER },
    ]);
  });

  it("warns at each reference's file, line and column, naming the place and what was done", () => {
    const other = warnings.filter((w) => w.message.includes("another AWS account"));
    expect(other.map((w) => [w.file, w.line, w.column, w.message])).toEqual([
      [
        "main.tf",
        13,
        24,
        `aws_security_group.app security_groups names security group ${PEER} of another AWS account (210987654321); it was added as the placeholder group "${PEER} in account 210987654321", which has no members in this design, so traffic from that account's members is not shown`,
      ],
      [
        "main.tf",
        23,
        30,
        `aws_security_group_rule.to_reports source_security_group_id names security group ${PEER} of another AWS account (210987654321); it was added as the placeholder group "${PEER} in account 210987654321", which has no members in this design, so traffic to that account's members is not shown`,
      ],
      [
        "main.tf",
        29,
        34,
        `aws_vpc_security_group_ingress_rule.from_scanner referenced_security_group_id names security group sg-0aaaaaaaaaaaaaaaa of another AWS account (111122223333); it was added as the placeholder group "sg-0aaaaaaaaaaaaaaaa in account 111122223333", which has no members in this design, so traffic from that account's members is not shown`,
      ],
    ]);
  });

  it("exports to Terraform as account/group references, without creating the group here", () => {
    const [tf] = toTerraform(design, { layout: "single" });
    const text = tf?.text ?? "";
    expect(text).toContain(`referenced_security_group_id = "210987654321/${PEER}"`);
    expect(text).toContain('referenced_security_group_id = "111122223333/sg-0aaaaaaaaaaaaaaaa"');
    expect(text.match(/resource "aws_security_group" /g)).toHaveLength(1);
    expect(text).toContain(
      `# ${PEER} of AWS account 210987654321 is that account's: referenced by id, not managed here.`,
    );
    expect(text).not.toMatch(/in_account_210987654321/);
  });

  it("round-trips through Terraform (the real parser) and CloudFormation to the same groups and rules", async () => {
    const [tf] = toTerraform(design, { layout: "single" });
    const again = await importTerraformFiles([{ name: "main.tf", text: tf?.text ?? "" }]);
    expect(shape(again.design)).toEqual(shape(design));
    for (const format of ["yaml", "json"] as const) {
      const cfn = toCloudFormation(design, format);
      const back = importCloudFormation(cfn);
      expect(shape(back.design)).toEqual(shape(design));
      expect(back.warnings.filter((w) => w.message.includes("another AWS account"))).toHaveLength(3);
    }
  });
});
