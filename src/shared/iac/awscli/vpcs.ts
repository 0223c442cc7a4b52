// describe-vpcs: each VPC with its IPv4 and IPv6 blocks and its Name tag.
import { cidrProblem } from "../../net/address";
import type { Context } from "./context";
import { nameTag } from "./shapes";

export function readVpcs(ctx: Context): void {
  for (const { file, output } of ctx.outputs)
    output.Vpcs?.forEach((v, i) => {
      const ipv6 = v.Ipv6CidrBlockAssociationSet?.find((a) => a.Ipv6CidrBlock)?.Ipv6CidrBlock;
      // A VPC's ranges decide which rule CIDRs are outside it: a broken one is an error, placed.
      const bad = [
        { path: ["Vpcs", i, "CidrBlock"], problem: v.CidrBlock && cidrProblem(v.CidrBlock, 4) },
        { path: ["Vpcs", i, "Ipv6CidrBlockAssociationSet"], problem: ipv6 && cidrProblem(ipv6, 6) },
      ].filter((b) => b.problem);
      for (const b of bad) ctx.fail(file, b.path, b.problem as string);
      if (bad.length > 0) return;
      if (ctx.vpcs.has(v.VpcId)) {
        ctx.warn(file, ["Vpcs", i], `VPC ${v.VpcId} appears twice; the first is kept`);
        return;
      }
      ctx.vpcs.set(v.VpcId, {
        id: v.VpcId,
        name: nameTag(v.Tags) ?? v.VpcId,
        ...(v.CidrBlock ? { cidrIpv4: v.CidrBlock } : {}),
        ...(ipv6 ? { cidrIpv6: ipv6 } : {}),
      });
    });
}
