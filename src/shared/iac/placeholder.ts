// What a file names but cannot define before it runs (a Terraform data source or variable without
// a value, a CloudFormation import): kept in the design as a placeholder group named for what it
// waits on, so the rules that name it are kept, and a warning says what was assumed.
import type { SecurityGroup } from "../model/schema";

import { PLACEHOLDER_TAG } from "../model/unknowns";

export { PLACEHOLDER_TAG };

/** A group that stands for `name` until its value is known (`why`: what it waits on). */
export function placeholderGroup(id: string, name: string, why: string): SecurityGroup {
  return {
    id,
    name: name.slice(0, 255),
    description: `Placeholder: ${name} ${why}`.slice(0, 255),
    ingress: [],
    egress: [],
    tags: { [PLACEHOLDER_TAG]: name },
  };
}

/**
 * What a Terraform import's placeholder group stands for, when it is a group that exists outside
 * the files (`var.x`, `data.aws_security_group.x`, `module.m.local.x`, `module.m`): an export
 * references it (a variable, a data source, a Parameter) rather than creating a group. Other
 * placeholders (a resource that exists only under a condition, ELB's own group) are not these.
 */
export function externalGroupOf(group: SecurityGroup): string | undefined {
  const stands = group.tags?.[PLACEHOLDER_TAG];
  if (stands === undefined || group.otherAccount || stands !== group.name) return undefined;
  return EXTERNAL_GROUP.test(stands) ? stands : undefined;
}

const EXTERNAL_GROUP = /^(module\.\S+\.)?(var|data|local)\.\S+$|^module\.\S+$/;

/**
 * The description an export gives the input it references a placeholder group through (a
 * Terraform variable, a CloudFormation Parameter). A variable's name cannot hold every
 * placeholder's (`local.security_group_id` is written as the variable local_security_group_id),
 * and Terraform takes no other argument in a variable block: the description carries the name,
 * and placeholderOfInput reads it back, so that an import of the export names the same placeholder.
 */
export function placeholderInputDescription(stands: string): string {
  return `Id of the existing security group ${stands} (a placeholder in the design)`;
}

/** The placeholder an input stands for, when its description is the one placeholderInputDescription wrote. */
export function placeholderOfInput(description: unknown): string | undefined {
  if (typeof description !== "string") return undefined;
  const stands = /^Id of the existing security group (\S+) \(a placeholder in the design\)$/.exec(description)?.[1];
  return stands !== undefined && EXTERNAL_GROUP.test(stands) ? stands : undefined;
}

/**
 * The stand-in CIDR of the n-th placeholder range (a CIDR variable with no value): a range no
 * address of a design or of the Internet holds (IPv4 240.0.0.0/4, reserved; IPv6 100::/64, RFC
 * 6666's discard prefix), one per placeholder, so that the engine finds exactly the flows of the
 * rules that name it. Never exported as an address: the export names the variable again.
 */
export function placeholderCidr(family: 4 | 6, n: number): string {
  return family === 4 ? `240.${(n >> 8) & 255}.${n & 255}.0/24` : `100::${n.toString(16)}:0:0/96`;
}
