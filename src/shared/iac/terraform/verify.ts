// The verification paths of an export as Terraform (verify.tf): an aws_ec2_network_insights_path
// per intent and assertion and an aws_ec2_network_insights_analysis of each, whose path_found the
// output compares with what the design expects.
import { BILLING_NOTE, INTERNET_SOURCE_IP, type PathEnd, type VerifyPlan } from "../verify";
import { attr, block, comment, type Item, raw, renderFile } from "./hcl";
import { Names } from "./names";

const IGW = "internet_gateway_id";
const INTERNET_IP = "internet_source_ip";

/** verify.tf: `addressOf` gives a design resource's Terraform address (aws_instance.web). */
export function verifyFile(
  plan: VerifyPlan,
  addressOf: (resourceId: string) => string,
): { name: string; text: string } {
  const names = new Names();
  const items: Item[] = [
    comment("Reachability Analyzer checks, after deploy, what the design promises (palisade export --verify)."),
    comment(BILLING_NOTE),
    comment("Read the results with: terraform output verification"),
  ];
  for (const u of plan.unverifiable) items.push(comment(`Not verifiable this way: ${u.name}: ${u.reason}.`));
  if (plan.needsInternetGateway)
    items.push(
      block(
        "variable",
        [IGW],
        [
          attr("description", "Internet gateway of the VPC: where paths from or to the Internet start or end"),
          attr("type", raw("string")),
        ],
      ),
      block(
        "variable",
        [INTERNET_IP],
        [
          attr(
            "description",
            "An address on the Internet, standing for anyone there (any public address takes the same route)",
          ),
          attr("type", raw("string")),
          attr("default", INTERNET_SOURCE_IP),
        ],
      ),
    );
  const results: Record<string, ReturnType<typeof raw> | Record<string, ReturnType<typeof raw> | string>> = {};
  for (const path of plan.paths) {
    const name = names.take(`verify_${path.name}`, "verify");
    const end = (e: PathEnd) => ("resource" in e ? raw(`${addressOf(e.resource.id)}.id`) : raw(`var.${IGW}`));
    const ip = (e: PathEnd) =>
      "internetGateway" in e ? (e.ip === INTERNET_SOURCE_IP ? raw(`var.${INTERNET_IP}`) : e.ip) : undefined;
    const sourceIp = ip(path.source);
    const destinationIp = ip(path.destination);
    items.push(
      block(
        "resource",
        ["aws_ec2_network_insights_path", name],
        [
          attr("source", end(path.source)),
          ...(sourceIp ? [attr("source_ip", sourceIp)] : []),
          attr("destination", end(path.destination)),
          ...(destinationIp ? [attr("destination_ip", destinationIp)] : []),
          attr("protocol", path.protocol),
          ...(path.port !== undefined ? [attr("destination_port", path.port)] : []),
          attr("tags", { Name: path.name, "palisade:expect": path.expect }),
        ],
      ),
      block(
        "resource",
        ["aws_ec2_network_insights_analysis", name],
        [
          attr("network_insights_path_id", raw(`aws_ec2_network_insights_path.${name}.id`)),
          attr("wait_for_completion", true),
        ],
      ),
    );
    results[name] = {
      check: path.name,
      expect: path.expect,
      path_found: raw(`aws_ec2_network_insights_analysis.${name}.path_found`),
    };
  }
  if (plan.paths.length > 0)
    items.push(
      block(
        "output",
        ["verification"],
        [
          attr("description", "Each check: what the design expects (allow = a path is found) and what AWS found"),
          attr("value", results),
        ],
      ),
    );
  return { name: "verify.tf", text: renderFile(items) };
}
