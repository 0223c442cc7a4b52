// What a file names but cannot define before it runs (a Terraform data source or variable without
// a value, a CloudFormation import): kept in the design as a placeholder group named for what it
// waits on, so the rules that name it are kept, and a warning says what was assumed.
import type { SecurityGroup } from "../model/schema";

/** The tag that marks a placeholder, with what it stands for (`data.aws_security_group.default`). */
export const PLACEHOLDER_TAG = "palisade:placeholder";

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
