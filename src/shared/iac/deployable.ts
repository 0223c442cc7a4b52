// What an export would write that AWS would not deploy as the design means it, said before the
// files are written, with the fix the exporters can apply themselves where there is one.
import type { Design, Vpc } from "../model/schema";
import { isPlaceholderCidr } from "../net/documentation";

/** Choices the user makes in the export dialog (or on the command line). */
export interface ExportOptions {
  /**
   * Groups the design places in no VPC take a `vpc_id` variable (a `VpcId` parameter), so that
   * they land in the VPC of the subnets the instances get rather than the region's default VPC.
   */
  vpcIdVariable?: boolean;
}

export type ExportFix = "vpcIdVariable";

export interface ExportWarning {
  code: "groups-without-vpc" | "placeholder-address" | "existing-vpc";
  /** "warning": would deploy wrong or not at all; "note": how the export handles something. */
  severity: "warning" | "note";
  message: string;
  /** What the exporters can do about it, offered by the export dialog. */
  fix?: { option: ExportFix; label: string };
}

const AWS_VPC_ID = /^vpc-[0-9a-f]{8,17}$/;

/**
 * A VPC that exists already: one the design knows by its AWS id, or without an IPv4 block (AWS
 * CLI's describe-security-groups names a VPC but not its block). Created again it would be a
 * second VPC, and AWS::EC2::VPC / aws_vpc cannot be created without a block: the exports
 * reference it by id instead.
 */
export function isExistingVpc(v: Vpc): boolean {
  return !v.cidrIpv4 || AWS_VPC_ID.test(v.id);
}

/** The VPC's AWS id, when the design knows it (a default for the input that references it). */
export function awsVpcId(v: Vpc): string | undefined {
  return AWS_VPC_ID.test(v.id) ? v.id : undefined;
}

const list = (names: string[]) =>
  names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;

export function exportWarnings(design: Design, options: ExportOptions = {}): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  const homeless = design.groups.filter((g) => !g.vpcId && !g.otherAccount);
  if (homeless.length > 0 && design.resources.length > 0 && !options.vpcIdVariable)
    warnings.push({
      code: "groups-without-vpc",
      severity: "warning",
      message:
        `${homeless.length === 1 ? "Security group" : `${homeless.length} security groups`} ${list(homeless.map((g) => g.name))} ` +
        `${homeless.length === 1 ? "has" : "have"} no VPC: AWS would create ${homeless.length === 1 ? "it" : "them"} in the region's default VPC, ` +
        "while the resources go into the subnets given at deploy time. A group cannot be attached across VPCs, " +
        "and an account without a default VPC refuses the group.",
      fix: { option: "vpcIdVariable", label: "Add a vpc_id variable" },
    });

  const placeholders = new Map<string, string>();
  for (const e of design.externals)
    for (const c of e.cidrs) if (isPlaceholderCidr(c) && !placeholders.has(c)) placeholders.set(c, e.name);
  for (const g of design.groups)
    for (const r of [...g.ingress, ...g.egress])
      if (
        (r.peer.kind === "cidr4" || r.peer.kind === "cidr6") &&
        isPlaceholderCidr(r.peer.cidr) &&
        !placeholders.has(r.peer.cidr)
      )
        placeholders.set(r.peer.cidr, `a rule of ${g.name}`);
  for (const [cidr, owner] of placeholders)
    warnings.push({
      code: "placeholder-address",
      severity: "warning",
      message:
        `${owner} is ${cidr}, an address reserved for documentation that no real host has: ` +
        "rules that name it admit nobody. Enter the real address before deploying.",
    });

  for (const v of design.vpcs)
    if (isExistingVpc(v))
      warnings.push({
        code: "existing-vpc",
        severity: "note",
        message: `VPC ${v.name} ${v.cidrIpv4 ? "exists already" : "has no IPv4 block in the design"}: it is referenced by its id (an input${awsVpcId(v) ? `, ${awsVpcId(v)} by default` : ""}), not created again.`,
      });
  return warnings;
}
