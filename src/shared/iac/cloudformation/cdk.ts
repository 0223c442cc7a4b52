// AWS CDK's output is a CloudFormation template with CDK's habits: logical ids are hashed
// (`WebInstanceSecurityGroup350E09E3`), each resource's construct path is in its Metadata
// (`aws:cdk:path`, written by `cdk synth`), and a group with `allowAllOutbound: false` carries one
// marker egress rule so that CloudFormation drops AWS's default egress. Read here so that a CDK
// stack imports with the names its author wrote and without a rule that was never meant as one.
import type { Problem } from "../../model/problems";
import { isRecord, type Props } from "./context";

const PATH_KEY = "aws:cdk:path";

/** The construct path of a resource, where `cdk synth` wrote it. */
export function cdkPathOf(metadata: unknown): string | undefined {
  if (!isRecord(metadata)) return undefined;
  const path = metadata[PATH_KEY];
  return typeof path === "string" && path.length > 0 ? path : undefined;
}

/**
 * Readable names for a CDK template's resources, by logical id: the construct path without the
 * stack's own path (the segments every resource shares: `ShopStack`, or `Prod/ShopStack` in a
 * stage) and without CDK's `/Resource`, the default child an L2 construct wraps:
 * `ShopStack/Web/InstanceSecurityGroup/Resource` -> `Web/InstanceSecurityGroup`. Empty for a
 * template that is not CDK's.
 */
export function cdkNames(resources: readonly (readonly [string, unknown])[]): Map<string, string> {
  const paths: [string, string[]][] = [];
  for (const [id, r] of resources) {
    const path = isRecord(r) ? cdkPathOf(r.Metadata) : undefined;
    if (path) paths.push([id, path.split("/")]);
  }
  const names = new Map<string, string>();
  if (paths.length === 0) return names;
  // The stack's path: the leading segments all paths share, leaving every path at least one of its own.
  let stack = Math.min(...paths.map(([, p]) => p.length - 1));
  const first = (paths[0] as [string, string[]])[1];
  for (const [, p] of paths)
    for (let n = 0; n < stack; n++)
      if (p[n] !== first[n]) {
        stack = n;
        break;
      }
  // A lone resource still has its stack's name in front of it.
  if (paths.length === 1) stack = Math.min(1, first.length - 1);
  for (const [id, p] of paths) {
    const own = p.slice(stack);
    if (own.length > 1 && own[own.length - 1] === "Resource") own.pop();
    names.set(id, own.join("/"));
  }
  return names;
}

/**
 * Messages name resources as the template does, by logical id; in CDK's output that is a hash a
 * person never wrote (`WebInstanceRole1878C71A`). Rewrites each problem's message to name them by
 * construct path, as the nodes are named (`Web/InstanceRole`); the place (file:line) stays, and
 * leads to the logical id in the template. A logical id is letters and digits only, so a match
 * is a whole id: not part of a longer one.
 */
export function nameByConstructPath(problems: Problem[], names: ReadonlyMap<string, string>): void {
  const renamed = [...names].filter(([id, name]) => id !== name).map(([id]) => id);
  if (renamed.length === 0) return;
  // Longest first, so that of two ids where one begins the other the longer one is taken.
  renamed.sort((a, b) => b.length - a.length);
  const ids = new RegExp(`(?<![A-Za-z0-9])(?:${renamed.join("|")})(?![A-Za-z0-9])`, "g");
  for (const p of problems) p.message = p.message.replace(ids, (id) => names.get(id) ?? id);
}

/**
 * CDK's "Disallow all traffic" rule (`allowAllOutbound: false` with no other egress rule): to
 * 255.255.255.255/32, ICMP type 252 code 86, which no packet matches. It stands for "no egress at
 * all": read as no rule, the group keeps no egress, which is what its author asked for.
 */
export function isCdkNoTrafficRule(rule: Props): boolean {
  return (
    rule.CidrIp === "255.255.255.255/32" &&
    (rule.IpProtocol === "icmp" || rule.IpProtocol === "1" || rule.IpProtocol === 1) &&
    Number(rule.FromPort) === 252 &&
    Number(rule.ToPort) === 86
  );
}
