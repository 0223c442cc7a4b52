// EKS creates a security group of its own for every cluster (the "cluster security group"): it
// sits on the control plane's interfaces and, unless a launch template names other groups, on
// every node of a managed node group. No template declares it, yet rules refer to it
// (aws_eks_cluster.x.vpc_config[0].cluster_security_group_id, !GetAtt X.ClusterSecurityGroupId),
// so an import adds it as a placeholder with the rules EKS gives it, whose eksCluster field says
// which cluster it belongs to. Exports refer to the cluster's attribute instead of creating it.
import type { Rule, SecurityGroup } from "../model/schema";

/**
 * The cluster security group of a cluster (id: the design id to give the group). EKS's rules: all
 * traffic in from the group itself, all traffic out.
 */
export function eksClusterGroup(
  id: string,
  cluster: { id: string; name: string },
  vpcId: string | undefined,
): SecurityGroup {
  return {
    id,
    // AWS names it eks-cluster-sg-<cluster>-<number>; the number is only known once it exists.
    name: `eks-cluster-sg-${cluster.name}`.slice(0, 255),
    description: `EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.`,
    ...(vpcId ? { vpcId } : {}),
    ingress: [{ id: `${id}-self`, protocol: "-1", peer: { kind: "group", groupId: id } }],
    egress: [{ id: `${id}-all`, protocol: "-1", peer: { kind: "cidr4", cidr: "0.0.0.0/0" } }],
    eksCluster: cluster.id,
  };
}

/** The design id of the cluster a group is the cluster security group of, if it is one. */
export function eksClusterOf(group: Pick<SecurityGroup, "eksCluster">): string | undefined {
  return group.eksCluster;
}

/** A rule EKS gives its cluster security group itself: all traffic in from the group, all traffic out. */
export function isEksDefault(groupId: string, direction: "ingress" | "egress", rule: Rule): boolean {
  if (rule.protocol !== "-1") return false;
  const p = rule.peer;
  if (direction === "ingress") return p.kind === "group" && p.groupId === groupId;
  return (p.kind === "cidr4" && p.cidr === "0.0.0.0/0") || (p.kind === "cidr6" && p.cidr === "::/0");
}
