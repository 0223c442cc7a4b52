// The Terraform resource types that carry security groups, and where each keeps them (names from
// the AWS provider's documentation). One table, so that a new type is one line.
import type { ResourceKind } from "../../model/schema";
import type { Service } from "../../model/services";

/** An attribute, or an attribute inside a nested block. */
export type Place = [block: string | undefined, attribute: string];

export interface Kind {
  kind: ResourceKind;
  service?: Service;
  /** Where the groups are, tried in order. */
  groups: Place[];
  /** The resource's own name attribute (identifier, function_name...), after the Name tag. */
  name?: string;
  /**
   * Its instances' groups are in the launch template or launch configuration it names (an Auto
   * Scaling group, an EKS node group), not in the resource itself.
   */
  launched?: true;
  /** How many instances or tasks the node stands for. */
  capacity?: { desired?: Place; min?: Place; max?: Place };
}

const at = (attribute: string): Place => [undefined, attribute];

export const ATTACHABLE: Record<string, Kind> = {
  aws_instance: { kind: "instance", groups: [at("vpc_security_group_ids"), at("security_groups")] },
  aws_network_interface: { kind: "instance", service: "networkInterface", groups: [at("security_groups")] },
  aws_autoscaling_group: {
    kind: "instance",
    service: "autoScalingGroup",
    groups: [],
    name: "name",
    launched: true,
    capacity: { desired: at("desired_capacity"), min: at("min_size"), max: at("max_size") },
  },
  aws_eks_node_group: {
    kind: "instance",
    service: "eksNodeGroup",
    groups: [],
    name: "node_group_name",
    launched: true,
    capacity: {
      desired: ["scaling_config", "desired_size"],
      min: ["scaling_config", "min_size"],
      max: ["scaling_config", "max_size"],
    },
  },
  aws_lb: { kind: "loadBalancer", groups: [at("security_groups")], name: "name" },
  aws_alb: { kind: "loadBalancer", groups: [at("security_groups")], name: "name" },
  aws_elb: { kind: "loadBalancer", service: "classicLoadBalancer", groups: [at("security_groups")], name: "name" },
  aws_db_instance: { kind: "database", groups: [at("vpc_security_group_ids")], name: "identifier" },
  aws_rds_cluster: {
    kind: "database",
    service: "rdsCluster",
    groups: [at("vpc_security_group_ids")],
    name: "cluster_identifier",
  },
  aws_docdb_cluster: {
    kind: "database",
    service: "docDbCluster",
    groups: [at("vpc_security_group_ids")],
    name: "cluster_identifier",
  },
  aws_neptune_cluster: {
    kind: "database",
    service: "neptuneCluster",
    groups: [at("vpc_security_group_ids")],
    name: "cluster_identifier",
  },
  aws_elasticache_cluster: {
    kind: "database",
    service: "elastiCache",
    groups: [at("security_group_ids")],
    name: "cluster_id",
  },
  aws_elasticache_replication_group: {
    kind: "database",
    service: "elastiCache",
    groups: [at("security_group_ids")],
    name: "replication_group_id",
  },
  aws_elasticache_serverless_cache: {
    kind: "database",
    service: "elastiCache",
    groups: [at("security_group_ids")],
    name: "name",
  },
  aws_memorydb_cluster: { kind: "database", service: "memoryDb", groups: [at("security_group_ids")], name: "name" },
  aws_redshift_cluster: {
    kind: "database",
    service: "redshift",
    groups: [at("vpc_security_group_ids")],
    name: "cluster_identifier",
  },
  aws_redshiftserverless_workgroup: {
    kind: "database",
    service: "redshift",
    groups: [at("security_group_ids")],
    name: "workgroup_name",
  },
  aws_opensearch_domain: {
    kind: "database",
    service: "openSearch",
    groups: [["vpc_options", "security_group_ids"]],
    name: "domain_name",
  },
  aws_elasticsearch_domain: {
    kind: "database",
    service: "openSearch",
    groups: [["vpc_options", "security_group_ids"]],
    name: "domain_name",
  },
  aws_msk_cluster: {
    kind: "database",
    service: "msk",
    groups: [["broker_node_group_info", "security_groups"]],
    name: "cluster_name",
  },
  aws_mq_broker: { kind: "database", service: "mq", groups: [at("security_groups")], name: "broker_name" },
  aws_lambda_function: { kind: "function", groups: [["vpc_config", "security_group_ids"]], name: "function_name" },
  aws_ecs_service: {
    kind: "containerService",
    groups: [["network_configuration", "security_groups"]],
    name: "name",
    capacity: { desired: at("desired_count") },
  },
  aws_ecs_task_set: {
    kind: "containerService",
    service: "ecsTask",
    groups: [["network_configuration", "security_groups"]],
  },
  aws_eks_cluster: {
    kind: "containerService",
    service: "eksCluster",
    groups: [["vpc_config", "security_group_ids"]],
    name: "name",
  },
  aws_vpc_endpoint: { kind: "endpoint", groups: [at("security_group_ids")] },
  aws_efs_mount_target: { kind: "endpoint", service: "efsMountTarget", groups: [at("security_groups")] },
};

/** Where a launch template or launch configuration keeps the groups of the instances it launches. */
export const LAUNCH_SOURCES: Record<string, Place[]> = {
  aws_launch_template: [
    at("vpc_security_group_ids"),
    at("security_group_names"),
    ["network_interfaces", "security_groups"],
  ],
  aws_launch_configuration: [at("security_groups")],
};

/** Types beside those above that carry no security group: skipped without a warning. */
export const NO_GROUPS = new Set([
  "aws_autoscaling_attachment",
  "aws_autoscaling_policy",
  "aws_autoscaling_schedule",
  "aws_autoscaling_lifecycle_hook",
  "aws_efs_file_system",
  "aws_elasticache_subnet_group",
  "aws_elasticache_parameter_group",
  "aws_rds_cluster_instance",
  "aws_docdb_cluster_instance",
  "aws_docdb_subnet_group",
  "aws_neptune_cluster_instance",
  "aws_redshift_subnet_group",
  "aws_msk_configuration",
  "aws_mq_configuration",
  "aws_eks_addon",
  "aws_eks_access_entry",
]);
