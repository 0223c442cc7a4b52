// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is Terraform's template syntax, on purpose
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyDesign, parseDesign } from "../../model/document";
import { newSecurityGroup } from "../../model/factory";
import type { Design, Rule } from "../../model/schema";
import { toTerraform } from "./export";

const here = import.meta.dirname;
const example = (name: string) =>
  parseDesign(readFileSync(join(here, "../../../../examples", `${name}.palisade.json`), "utf8"));
const single = (d: Design) => toTerraform(d, { layout: "single" })[0]?.text ?? "";
const design = (...groups: ReturnType<typeof newSecurityGroup>[]): Design => ({
  ...emptyDesign("t"),
  vpcs: [{ id: "vpc", name: "main", cidrIpv4: "10.0.0.0/16" }],
  groups,
});
const rule = (id: string, r: Omit<Rule, "id">): Rule => ({ id, ...r });
/** The body of `resource "type" "name" { ... }` in the text. */
const resource = (text: string, type: string, name: string) =>
  new RegExp(`resource "${type}" "${name}" \\{\\n([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? "";

describe("toTerraform", () => {
  it("writes AWS's default egress explicitly, because Terraform removes it", () => {
    const text = single(design(newSecurityGroup({ id: "sg-web", name: "web" })));
    expect(resource(text, "aws_vpc_security_group_egress_rule", "web_egress_all_v4")).toBe(
      [
        "  security_group_id = aws_security_group.web.id",
        '  ip_protocol       = "-1"',
        '  cidr_ipv4         = "0.0.0.0/0"',
      ].join("\n"),
    );
  });

  it("writes no egress rule for a group without egress, and says why", () => {
    const text = single(design(newSecurityGroup({ id: "sg-db", name: "db", egress: [] })));
    expect(text).not.toContain("aws_vpc_security_group_egress_rule");
    expect(resource(text, "aws_security_group", "db")).toContain(
      "# No egress: Terraform removes AWS's default allow-all egress rule",
    );
  });

  it.each([
    [
      "all traffic has no ports",
      rule("r", { protocol: "-1", peer: { kind: "cidr4", cidr: "10.0.0.0/8" } }),
      ['ip_protocol       = "-1"', 'cidr_ipv4         = "10.0.0.0/8"'],
    ],
    [
      "ICMP keeps type and code in the port fields",
      rule("r", { protocol: "icmp", fromPort: 3, toPort: 4, peer: { kind: "cidr4", cidr: "10.0.0.0/8" } }),
      ['ip_protocol       = "icmp"', "from_port         = 3", "to_port           = 4"],
    ],
    [
      "any ICMPv6 is -1/-1",
      rule("r", { protocol: "icmpv6", peer: { kind: "cidr6", cidr: "::/0" } }),
      ["from_port         = -1", "to_port           = -1", 'cidr_ipv6         = "::/0"'],
    ],
    [
      "a group peer",
      rule("r", { protocol: "tcp", fromPort: 5432, toPort: 5432, peer: { kind: "group", groupId: "g" } }),
      ["referenced_security_group_id = aws_security_group.g.id"],
    ],
  ])("%s", (_, r, lines) => {
    const body = resource(
      single(design(newSecurityGroup({ id: "g", name: "g", ingress: [r] }))),
      "aws_vpc_security_group_ingress_rule",
      "g_r",
    );
    for (const line of lines) expect(body).toContain(line);
    if (r.protocol === "-1") expect(body).not.toMatch(/from_port|to_port/);
  });

  it("writes one rule resource per rule, even when two groups reference each other", () => {
    const a = newSecurityGroup({
      id: "a",
      name: "a",
      ingress: [rule("from-b", { protocol: "tcp", fromPort: 1, toPort: 1, peer: { kind: "group", groupId: "b" } })],
    });
    const b = newSecurityGroup({
      id: "b",
      name: "b",
      ingress: [rule("from-a", { protocol: "tcp", fromPort: 1, toPort: 1, peer: { kind: "group", groupId: "a" } })],
    });
    const text = single(design(a, b));
    expect(text.match(/resource "aws_vpc_security_group_ingress_rule"/g)).toHaveLength(2);
    expect(resource(text, "aws_security_group", "a")).not.toMatch(/ingress|egress/);
  });

  it("declares the prefix lists rules reference", () => {
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
      { id: "pl", name: "partners", addressFamily: "IPv4", maxEntries: 5, entries: [{ cidr: "192.0.2.0/24" }] },
    ];
    const text = single(d);
    expect(resource(text, "aws_ec2_managed_prefix_list", "partners")).toBe(
      [
        '  name           = "partners"',
        '  address_family = "IPv4"',
        "  max_entries    = 5",
        "  entry {",
        '    cidr = "192.0.2.0/24"',
        "  }",
      ].join("\n"),
    );
    expect(text).toContain("prefix_list_id    = aws_ec2_managed_prefix_list.partners.id");
  });

  it("turns my IP and named CIDRs into variables with defaults", () => {
    const [, variables] = toTerraform(example("http-server"), { layout: "split" });
    expect(variables?.text).toContain(
      'variable "my_ip" {\n  description = "My IP"\n  type        = string\n  default     = "203.0.113.10/32"\n}',
    );
    expect(single(example("http-server"))).toContain("cidr_ipv4         = var.my_ip");
  });

  it("writes instances with their groups and stated addresses", () => {
    const body = resource(single(example("http-server")), "aws_instance", "web");
    expect(body).toContain("vpc_security_group_ids      = [aws_security_group.web.id]");
    expect(body).toContain('private_ip                  = "10.0.1.10"');
    expect(body).toContain('ipv6_addresses              = ["2001:db8:1234:1::10"]');
  });

  it("writes the design's addresses over a stale address tag (the fields are the truth)", () => {
    const d = example("http-server");
    const web = d.resources.find((r) => r.id === "web");
    if (!web) throw new Error("the example has a web server");
    d.resources = [
      {
        ...web,
        kind: "database",
        privateIpv4: "10.0.1.20",
        tags: { team: "web", "palisade:private-ipv4": "10.9.9.9", "palisade:public-ipv4": "203.0.113.9" },
      },
    ];
    const text = single(d);
    expect(text).toContain('"palisade:private-ipv4" = "10.0.1.20"');
    expect(text).toContain('team                    = "web"');
    expect(text).not.toContain("10.9.9.9");
    expect(text).not.toContain("203.0.113.9");
  });

  it("attaches groups to every kind of resource where that resource keeps them", () => {
    const d = design(newSecurityGroup({ id: "g", name: "g" }));
    const kinds = ["instance", "loadBalancer", "database", "function", "containerService", "endpoint"] as const;
    d.resources = kinds.map((kind) => ({
      id: kind,
      kind,
      name: kind.toLowerCase(),
      vpcId: "vpc",
      groupIds: ["g"],
      position: { x: 0, y: 0 },
    }));
    const text = single(d);
    expect(resource(text, "aws_instance", "instance")).toMatch(
      /vpc_security_group_ids = \[aws_security_group\.g\.id\]/,
    );
    expect(resource(text, "aws_lb", "loadbalancer")).toMatch(/security_groups\s+= \[aws_security_group\.g\.id\]/);
    expect(resource(text, "aws_db_instance", "database")).toMatch(
      /vpc_security_group_ids\s+= \[aws_security_group\.g\.id\]/,
    );
    expect(resource(text, "aws_lambda_function", "function")).toMatch(
      /vpc_config \{[\s\S]*security_group_ids = \[aws_security_group\.g\.id\]/,
    );
    expect(resource(text, "aws_ecs_service", "containerservice")).toMatch(
      /network_configuration \{[\s\S]*security_groups = \[aws_security_group\.g\.id\]/,
    );
    expect(resource(text, "aws_vpc_endpoint", "endpoint")).toMatch(
      /security_group_ids\s+= \[aws_security_group\.g\.id\]/,
    );
  });

  it("writes a VPC's default group as aws_default_security_group, which Terraform adopts", () => {
    const text = single(design(newSecurityGroup({ id: "sg-d", name: "default", vpcId: "vpc", isDefault: true })));
    expect(resource(text, "aws_default_security_group", "default")).toBe("  vpc_id = aws_vpc.main.id");
    expect(resource(text, "aws_vpc_security_group_ingress_rule", "default_ingress_self")).toContain(
      "referenced_security_group_id = aws_default_security_group.default.id",
    );
  });

  it("falls back to the name for an empty description, which AWS refuses", () => {
    expect(
      resource(single(design(newSecurityGroup({ id: "g", name: "g", description: "" }))), "aws_security_group", "g"),
    ).toContain('description = "g"');
  });

  it("derives unique, valid names from the design's names", () => {
    const text = single(
      design(
        newSecurityGroup({ id: "a", name: "web" }),
        newSecurityGroup({ id: "b", name: "Web!" }),
        newSecurityGroup({ id: "c", name: "9 lives" }),
      ),
    );
    expect([...text.matchAll(/resource "aws_security_group" "([^"]+)"/g)].map((m) => m[1])).toEqual([
      "web",
      "web_2",
      "sg_9_lives",
    ]);
    for (const m of text.matchAll(/resource "[^"]+" "([^"]+)"/g)) expect(m[1]).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
  });

  it("escapes text so that it never becomes a template", () => {
    const text = single(design(newSecurityGroup({ id: "g", name: "g", description: 'say "${hi}" and %{ok} \\ done' })));
    expect(text).toContain('description = "say \\"$${hi}\\" and %%{ok} \\\\ done"');
  });

  it("splits into main.tf, variables.tf and outputs.tf, or keeps one main.tf", () => {
    expect(toTerraform(example("three-tier"), { layout: "split" }).map((f) => f.name)).toEqual([
      "main.tf",
      "variables.tf",
      "outputs.tf",
    ]);
    expect(toTerraform(example("three-tier"), { layout: "single" }).map((f) => f.name)).toEqual(["main.tf"]);
  });

  it("is deterministic", () => {
    const d = example("three-tier");
    expect(toTerraform(d, { layout: "split" })).toEqual(toTerraform(structuredClone(d), { layout: "split" }));
  });

  it.each(["http-server", "three-tier"])("matches the golden files for %s", (name) => {
    for (const file of toTerraform(example(name), { layout: "split" })) {
      const path = join(here, "golden", name, file.name);
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, file.text);
      expect(file.text).toBe(readFileSync(path, "utf8"));
    }
  });
});

// `terraform fmt` is the judge of formatting where it is installed (it is not an npm package).
const terraform = (() => {
  try {
    execFileSync("terraform", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!terraform)("terraform fmt", () => {
  it("leaves exported files unchanged", () => {
    const dir = mkdtempSync(join(tmpdir(), "palisade-fmt-"));
    try {
      const d = example("three-tier");
      d.groups[0]!.tags = { "cost-centre": "web", Team: "edge" };
      d.prefixLists = [
        {
          id: "pl",
          name: "partners",
          addressFamily: "IPv4",
          maxEntries: 5,
          entries: [{ cidr: "192.0.2.0/24", description: "a" }],
        },
      ];
      d.resources.push({ id: "fn", kind: "function", name: "fn", groupIds: ["sg-app"], position: { x: 0, y: 0 } });
      for (const [i, design] of [example("http-server"), d].entries())
        for (const file of toTerraform(design, { layout: "split" }))
          writeFileSync(join(dir, `${i}-${file.name}`), file.text);
      // fmt -check lists the files it would change; none is the pass.
      const out = execFileSync("terraform", ["fmt", "-check", "-list=true", dir], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
      expect(out).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
