// Terraform's name for every part of a design, decided once so that every reference agrees,
// and the variables that stand for the design's named CIDRs.
import type { Design, External, SecurityGroup } from "../../model/schema";
import { placeholderRange } from "../../model/unknowns";
import { awsVpcId, isExistingVpc } from "../deployable";
import { externalGroupOf, placeholderInputDescription } from "../placeholder";
import { attr, type Block, block, raw, type Value } from "./hcl";
import { Names } from "./names";

/** Terraform's name for each thing in the design, decided once so that references agree. */
export interface Naming {
  vpc: Map<string, string>;
  /** VPCs that exist already: referenced through a variable of their id (named here), not created. */
  existingVpc: Map<string, string>;
  group: Map<string, { type: string; name: string }>;
  /** Placeholders of groups of other accounts: not resources here, referenced as "account/sg-…". */
  otherAccount: Map<string, string>;
  /**
   * Placeholders of groups a file named but could not define (var.x, data.aws_security_group.x):
   * groups that exist outside the design, referenced through a variable or a data source, never
   * created (a new group there would be another group).
   */
  placeholder: Map<string, Raw>;
  /** The variables and data sources those placeholders are referenced through. */
  placeholderVariables: Block[];
  placeholderData: Block[];
  prefixList: Map<string, string>;
  /** Cluster security groups EKS creates: group id -> the Terraform name of its aws_eks_cluster. */
  clusterGroup: Map<string, string>;
  cidr: Map<string, Value>;
  variables: Block[];
}

export function cidrVariables(externals: External[], names: Names): Pick<Naming, "cidr" | "variables"> {
  const cidr = new Map<string, Value>();
  const variables: Block[] = [];
  for (const e of externals) {
    // The Internet is 0.0.0.0/0 and ::/0 and nothing else; it needs no variable.
    if (e.kind === "internet") continue;
    // A placeholder range (var.admin_cidr had no value): the variable again, still without one.
    const stands = placeholderRange(e);
    if (stands) {
      const name = names.take(stands.replace(/^var\./, ""), "cidr");
      variables.push(block("variable", [name], [attr("description", stands), attr("type", raw("string"))]));
      for (const c of e.cidrs) if (!cidr.has(c)) cidr.set(c, raw(`var.${name}`));
      continue;
    }
    const name = names.take(e.kind === "myIp" ? "my_ip" : `${e.name}_cidr`, "cidr");
    const single = e.cidrs.length === 1;
    variables.push(
      block(
        "variable",
        [name],
        [
          attr("description", e.name),
          attr("type", raw(single ? "string" : "list(string)")),
          attr("default", single ? (e.cidrs[0] as string) : e.cidrs),
        ],
      ),
    );
    e.cidrs.forEach((c, i) => {
      if (!cidr.has(c)) cidr.set(c, raw(single ? `var.${name}` : `var.${name}[${i}]`));
    });
  }
  return { cidr, variables };
}

/**
 * The design's groups named for Terraform. `clusterOf`: the Terraform name of the aws_eks_cluster
 * whose cluster security group a group is, where it is one: referred to, not created.
 */
export function naming(
  design: Design,
  variableNames: Names,
  clusterOf: (g: SecurityGroup) => string | undefined = () => undefined,
): Naming {
  const vpcNames = new Names();
  const groupNames = new Names();
  const plNames = new Names();
  const vpc = new Map(design.vpcs.map((v) => [v.id, vpcNames.take(v.name || v.id, "vpc")]));
  const existingVpc = new Map<string, string>();
  const vpcVariables: Block[] = [];
  for (const v of design.vpcs) {
    if (!isExistingVpc(v)) continue;
    const name = variableNames.take(`${vpc.get(v.id)}_vpc_id`, "vpc");
    existingVpc.set(v.id, name);
    const known = awsVpcId(v);
    vpcVariables.push(
      block(
        "variable",
        [name],
        [
          attr("description", `Id of the existing VPC ${v.name}`),
          attr("type", raw("string")),
          ...(known ? [attr("default", known)] : []),
        ],
      ),
    );
  }
  const cidrs = cidrVariables(design.externals, variableNames);
  const placeholders = placeholderReferences(design, variableNames);
  return {
    vpc,
    existingVpc,
    group: new Map(
      design.groups
        .filter((g) => !g.otherAccount && !clusterOf(g) && !placeholders.placeholder.has(g.id))
        .map((g) => [
          g.id,
          {
            type: g.isDefault ? "aws_default_security_group" : "aws_security_group",
            name: groupNames.take(g.name, "sg"),
          },
        ]),
    ),
    otherAccount: new Map(
      design.groups.flatMap((g) => {
        const other = g.otherAccount;
        return other ? [[g.id, `${other.account}/${other.groupId}`] as const] : [];
      }),
    ),
    clusterGroup: new Map(
      design.groups.flatMap((g) => {
        const cluster = clusterOf(g);
        return cluster ? [[g.id, cluster] as const] : [];
      }),
    ),
    placeholder: placeholders.placeholder,
    placeholderVariables: placeholders.variables,
    placeholderData: placeholders.data,
    prefixList: new Map(design.prefixLists.map((p) => [p.id, plNames.take(p.name || p.id, "pl")])),
    cidr: cidrs.cidr,
    variables: [...vpcVariables, ...cidrs.variables],
  };
}

const DATA_GROUP = /^data\.aws_security_group\.([A-Za-z_][\w-]*)$/;

/**
 * A variable for each placeholder group (`var.peer_group_id` stays that variable; any other
 * unknown, such as a module's local, gets one named for it, whose description carries the
 * placeholder's name for an import to read back), and a data source for a group a data source
 * read (looked up by the id given in a variable, so that an import of the export names the same
 * data source again).
 */
function placeholderReferences(
  design: Design,
  variableNames: Names,
): { placeholder: Map<string, Raw>; variables: Block[]; data: Block[] } {
  const placeholder = new Map<string, Raw>();
  const variables: Block[] = [];
  const data: Block[] = [];
  const dataNames = new Names();
  for (const g of design.groups) {
    const stands = externalGroupOf(g);
    if (stands === undefined) continue;
    const read = DATA_GROUP.exec(stands);
    const lone = /^var\.([A-Za-z_][\w-]*)$/.exec(stands);
    const variable = variableNames.take(
      read ? `${read[1]}_security_group_id` : lone ? (lone[1] as string) : stands.replace(/^.*\bvar\./, ""),
      "group_id",
    );
    variables.push(
      block(
        "variable",
        [variable],
        [attr("description", placeholderInputDescription(stands)), attr("type", raw("string"))],
      ),
    );
    if (read) {
      const name = dataNames.take(read[1] as string, "group");
      data.push(block("data", ["aws_security_group", name], [attr("id", raw(`var.${variable}`))]));
      placeholder.set(g.id, raw(`data.aws_security_group.${name}.id`));
    } else placeholder.set(g.id, raw(`var.${variable}`));
  }
  return { placeholder, variables, data };
}

/** The id of a design VPC: the variable of one that exists, else the VPC this export creates. */
export const vpcRef = (n: Naming, id: string): Raw => {
  const existing = n.existingVpc.get(id);
  return raw(existing ? `var.${existing}` : `aws_vpc.${n.vpc.get(id)}.id`);
};

export const groupRef = (n: Naming, id: string): Raw => {
  const placeholder = n.placeholder.get(id);
  if (placeholder) return placeholder;
  const cluster = n.clusterGroup.get(id);
  if (cluster) return raw(`aws_eks_cluster.${cluster}.vpc_config[0].cluster_security_group_id`);
  const g = n.group.get(id);
  return raw(g ? `${g.type}.${g.name}.id` : JSON.stringify(n.otherAccount.get(id) ?? id));
};
export type Raw = ReturnType<typeof raw>;

export function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
