// The corpus's Terraform modules that make groups and rules but no resource to carry them: their
// rules one by one, read in place through their local module sources and variables' defaults, as
// their authors wrote them (the corpus harness checks their flows at group level). Skipped where
// ../shared is absent.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Design, Rule } from "../shared/model";
import { loadPaths } from "./load";

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/terraform");
const present = existsSync(CORPUS);

function rulesOf(design: Design, group: string, direction: "ingress" | "egress"): string[] {
  const g = design.groups.find((x) => x.name === group);
  if (!g) throw new Error(`no group ${group}: ${design.groups.map((x) => x.name).join(", ")}`);
  const name = (id: string) => design.groups.find((x) => x.id === id)?.name ?? id;
  const peer = ({ peer: p }: Rule) => {
    if (p.kind === "group") return `group ${name(p.groupId)}`;
    if (p.kind === "prefixList") return `prefix list ${design.prefixLists.find((x) => x.id === p.prefixListId)?.name}`;
    return "cidr" in p ? p.cidr : `external ${p.kind === "external" ? p.externalId : ""}`;
  };
  return g[direction].map((r) => `${r.protocol} ${r.fromPort ?? ""}-${r.toPort ?? ""} ${peer(r)}`);
}

describe.skipIf(!present)('terraform-aws-security-group\'s examples, through source = "../../"', () => {
  it("complete: the module's rules table, lists of rules and computed rules", async () => {
    const { design } = await loadPaths([join(CORPUS, "terraform-aws-security-group/examples/complete")]);
    expect(design.groups.map((g) => g.name).sort()).toEqual([
      "complete-sg-",
      "data.aws_security_group.default",
      "fixed-name-sg",
      "ipv4-ipv6-example-",
      "main-sg-",
      "pl-sg-",
      "prefix-list-sg",
    ]);
    // main_sg: ingress_rules = ["https-443-tcp"] from ingress_cidr_blocks.
    expect(rulesOf(design, "main-sg-", "ingress")).toEqual(["tcp 443-443 10.10.0.0/16"]);
    expect(rulesOf(design, "main-sg-", "egress")).toEqual([]);
    const ingress = rulesOf(design, "complete-sg-", "ingress");
    // ingress_rules and computed_ingress_rules, for each of the IPv4 and IPv6 defaults.
    expect(ingress).toEqual(
      expect.arrayContaining([
        "tcp 443-443 10.10.0.0/16",
        "tcp 443-443 2001:db8::/64",
        "tcp 22-22 10.10.0.0/16",
        "tcp 22-22 2001:db8::/64",
        // ingress_with_cidr_blocks: a rule name, "0.0.0.0/0,2.2.2.2/32" split, and explicit ports.
        "tcp 5432-5432 0.0.0.0/0",
        "tcp 5432-5432 2.2.2.2/32",
        "tcp 5432-5432 30.30.30.30/32",
        "tcp 10-20 10.10.0.0/20",
        // from the data source: a placeholder group named for it.
        "tcp 3306-3306 group data.aws_security_group.default",
        // computed_ingress_with_source_security_group_id: module.main_sg's output.
        "tcp 5432-5432 group main-sg-",
        "tcp 23-23 group main-sg-",
        // ingress_with_self: all-all and two port ranges.
        "-1 - group complete-sg-",
        "tcp 30-40 group complete-sg-",
        "tcp 41-51 group complete-sg-",
      ]),
    );
    // cidr_blocks with module.vpc's CIDR (a registry module) are not guessed: a placeholder range.
    const vpc = design.externals.find((e) => e.name === "module.vpc");
    expect(vpc?.tags).toEqual({ "palisade:placeholder": "module.vpc" });
    expect(ingress.filter((r) => r.startsWith("tcp 15-25"))).toEqual([`tcp 15-25 ${vpc?.cidrs[0]}`]);
    expect(rulesOf(design, "ipv4-ipv6-example-", "egress")).toEqual([
      "tcp 8090-8100 0.0.0.0/0",
      "tcp 8090-8100 2001:db8::/64",
    ]);
    expect(rulesOf(design, "prefix-list-sg", "ingress")).toEqual([
      "tcp 80-80 prefix list prefix-list-sg-example",
      "tcp 443-443 prefix list prefix-list-sg-example",
    ]);
  });

  it("rules-only: each group admits http from the other, through the module with create_sg = false", async () => {
    const { design } = await loadPaths([join(CORPUS, "terraform-aws-security-group/examples/rules-only")]);
    expect(rulesOf(design, "service_one", "ingress")).toEqual(["tcp 80-80 group service_two"]);
    expect(rulesOf(design, "service_two", "ingress")).toEqual(["tcp 80-80 group service_one"]);
  });
});

describe.skipIf(!present)("consul-sg-rules, with its variables' defaults", () => {
  it("puts the rules from self on a placeholder for var.security_group_id, and says so", async () => {
    const { design, warnings } = await loadPaths([join(CORPUS, "consul-sg-rules")]);
    expect(rulesOf(design, "var.security_group_id", "ingress")).toEqual([
      "tcp 8300-8300 group var.security_group_id",
      "tcp 8400-8400 group var.security_group_id",
      "tcp 8302-8302 group var.security_group_id",
      "udp 8302-8302 group var.security_group_id",
      "tcp 8500-8500 group var.security_group_id",
      "tcp 8600-8600 group var.security_group_id",
      "udp 8600-8600 group var.security_group_id",
    ]);
    expect(warnings.some((w) => w.message.includes("depends on var.security_group_id, which has no value"))).toBe(true);
  });

  it("adds the CIDR rules once allowed_inbound_cidr_blocks is given (--var reads a list)", async () => {
    const { design } = await loadPaths([join(CORPUS, "consul-sg-rules")], {
      vars: { allowed_inbound_cidr_blocks: '["10.0.0.0/8"]' },
    });
    const ingress = rulesOf(design, "var.security_group_id", "ingress");
    expect(ingress).toEqual(
      expect.arrayContaining([
        "tcp 8300-8300 10.0.0.0/8",
        "tcp 8400-8400 10.0.0.0/8",
        "udp 8302-8302 10.0.0.0/8",
        "tcp 8500-8500 10.0.0.0/8",
      ]),
    );
    // https_api_port only when enable_https_port, which defaults to false.
    expect(ingress.some((r) => r.startsWith("tcp 8501-"))).toBe(false);
  });
});

describe.skipIf(!present)(
  "cloudposse-sg-module, whose every resource hangs on the registry module cloudposse/label/null",
  () => {
    it("with the defaults, makes the create-before-destroy group with only its allow-all egress, and says module.this is modelled", async () => {
      const { design, warnings, inputs } = await loadPaths([join(CORPUS, "cloudposse-sg-module")]);
      expect(design.groups.map((g) => g.name)).toEqual(["cbd[0]"]);
      expect(rulesOf(design, "cbd[0]", "ingress")).toEqual([]);
      expect(rulesOf(design, "cbd[0]", "egress")).toEqual(["-1 - 0.0.0.0/0", "-1 - ::/0"]);
      const placed = warnings.map((w) => `${w.file?.split("/").pop()}:${w.line}: ${w.message}`);
      expect(placed).toContainEqual(
        expect.stringMatching(
          /^context\.tf:23: module "this": its outputs are Palisade's model of the registry module cloudposse\/label\/null \(0\.25\.x\)/,
        ),
      );
      expect(placed).toContainEqual(
        expect.stringMatching(/^main\.tf:135: aws_security_group\.cbd\[0\] name_prefix: holds random_id\./),
      );
      expect(inputs.map((i) => i.name)).toEqual(["vpc_id"]);
    });

    it("with create_before_destroy = false and labels given, names the other group by the label's id and tags it", async () => {
      const { design } = await loadPaths([join(CORPUS, "cloudposse-sg-module")], {
        vars: {
          create_before_destroy: "false",
          namespace: "eg",
          stage: "Prod",
          name: "app!",
          rules:
            '[{ type = "ingress", from_port = 443, to_port = 443, protocol = "tcp", cidr_blocks = ["10.0.0.0/8"] }]',
        },
      });
      // id: namespace-stage-name, lower case, without what regex_replace_chars strips.
      expect(design.groups.map((g) => g.name)).toEqual(["eg-prod-app"]);
      expect(design.groups[0]?.tags).toEqual({ Name: "eg-prod-app", Namespace: "eg", Stage: "prod" });
      expect(rulesOf(design, "eg-prod-app", "ingress")).toEqual(["tcp 443-443 10.0.0.0/8"]);
    });

    it("with enabled = false, makes nothing", async () => {
      const { design } = await loadPaths([join(CORPUS, "cloudposse-sg-module")], { vars: { enabled: "false" } });
      expect(design.groups).toEqual([]);
    });
  },
);
