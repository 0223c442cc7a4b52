// export --verify's Terraform, read back by the real HCL parser: the provider's argument names,
// a path and an analysis per check. (src/shared may not load hcl2json, so this lives here.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { parseAssertions } from "../shared/assertions";
import { toTerraform } from "../shared/iac/terraform";
import { verificationPlan } from "../shared/iac/verify";
import { parseDesign } from "../shared/model";
import type { Design } from "../shared/model/schema";
import { root } from "./testing/spawn";

function design(): Design {
  const d = parseDesign(readFileSync(join(root, "examples/three-tier.palisade.json"), "utf8"));
  d.externals.push({ id: "me", kind: "myIp", name: "My IP", cidrs: ["192.0.2.7/32"], position: { x: 0, y: 0 } });
  d.intents = [
    { id: "ssh-me", from: "me", to: "app-1", protocol: "tcp", port: 22 },
    { id: "ping", from: "app-1", to: "app-2", protocol: "icmp" },
  ];
  return d;
}

const assertions = parseAssertions(
  "- deny: {from: Internet, to: app-1, port: 22}\n- allow: {from: app-1, to: app-2, protocol: udp, port: 53}\n",
  "rules.yaml",
);

describe("export --verify to Terraform", () => {
  const plan = verificationPlan(design(), assertions);

  it("Terraform: verify.tf holds a path and an analysis per check, in the AWS provider's argument names", async () => {
    const file = toTerraform(design(), { verify: plan }).find((f) => f.name === "verify.tf");
    expect(file?.text).toMatch(/AWS bills each Reachability Analyzer analysis/);
    expect(file?.text).toMatch(/# Not verifiable this way: intent ping/);
    const parsed = (await parseHcl("verify.tf", file?.text ?? "")) as {
      resource: Record<string, Record<string, Record<string, unknown>[]>>;
      variable: Record<string, unknown>;
      output: Record<string, unknown>;
    };
    const paths = parsed.resource.aws_ec2_network_insights_path ?? {};
    const analyses = parsed.resource.aws_ec2_network_insights_analysis ?? {};
    expect(Object.keys(paths)).toHaveLength(3);
    expect(Object.keys(analyses)).toEqual(Object.keys(paths));
    const ssh = Object.entries(paths).find(([name]) => name.includes("ssh_me"))?.[1];
    expect(ssh?.[0]).toMatchObject({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform's interpolation, as the export writes it
      source: "${var.internet_gateway_id}",
      source_ip: "192.0.2.7",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform's interpolation, as the export writes it
      destination: "${aws_instance.app_1.id}",
      protocol: "tcp",
      destination_port: 22,
    });
    const [name, analysis] = Object.entries(analyses)[0] ?? [];
    expect(analysis?.[0]).toMatchObject({
      network_insights_path_id: `\${aws_ec2_network_insights_path.${name}.id}`,
      wait_for_completion: true,
    });
    expect(Object.keys(parsed.variable)).toEqual(["internet_gateway_id", "internet_source_ip"]);
    expect(parsed.output).toHaveProperty("verification");
  });
});
