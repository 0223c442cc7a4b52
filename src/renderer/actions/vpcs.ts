// VPCs of a design: where its resources and groups live.
import { freshId, usedIds } from "../../shared/model/ids";
import { cidrProblem } from "../../shared/net/address";
import { ActionRefused, defineAction } from "./types";

/** Adds a VPC by name, with an IPv4 block when one is given (a sketch may leave it out). */
export const addVpc = defineAction<{ name: string; cidrIpv4?: string }>({
  name: "addVpc",
  label: "Add VPC",
  perform(design, args) {
    const name = args.name.trim();
    if (name === "") throw new ActionRefused("a VPC needs a name");
    const cidr = args.cidrIpv4?.trim() ?? "";
    // AWS refuses a VPC block it cannot read; a host-bit block would be stored as its network, which the field says.
    const problem = cidr ? cidrProblem(cidr, 4) : undefined;
    if (problem) throw new ActionRefused(`IPv4 CIDR ${cidr}: ${problem}`);
    const vpc = { id: freshId(`vpc-${name}`, usedIds(design)), name, ...(cidr ? { cidrIpv4: cidr } : {}) };
    return { ...design, vpcs: [...design.vpcs, vpc] };
  },
});
