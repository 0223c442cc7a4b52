// The resources of the services beside each kind's default (see model/services.ts), written as
// the Terraform that creates them, so that an imported ElastiCache cluster or Auto Scaling group
// comes back as itself. Attribute names are the AWS provider's.
import type { Resource } from "../../model/schema";
import type { Service } from "../../model/services";
import { attr, type Block, block, type Item, raw, type Value } from "./hcl";

export const SERVICE_TYPES: Record<Service, string> = {
  autoScalingGroup: "aws_autoscaling_group",
  eksNodeGroup: "aws_eks_node_group",
  networkInterface: "aws_network_interface",
  classicLoadBalancer: "aws_elb",
  rdsCluster: "aws_rds_cluster",
  docDbCluster: "aws_docdb_cluster",
  neptuneCluster: "aws_neptune_cluster",
  elastiCache: "aws_elasticache_replication_group",
  memoryDb: "aws_memorydb_cluster",
  redshift: "aws_redshift_cluster",
  openSearch: "aws_opensearch_domain",
  msk: "aws_msk_cluster",
  mq: "aws_mq_broker",
  eksCluster: "aws_eks_cluster",
  ecsTask: "aws_ecs_task_set",
  efsMountTarget: "aws_efs_mount_target",
};

/**
 * Types that take no tags, so no Name tag carries the design's name: the resource's label is all
 * an import reads it from, and the export keeps the name there as written where Terraform allows.
 */
export const UNTAGGED_TYPES: ReadonlySet<string> = new Set(["aws_efs_mount_target"]);

/** Inputs these resources need to deploy that a design does not hold. */
export const SERVICE_INPUTS: Record<string, { type: string; description: string }> = {
  eks_cluster_role_arn: { type: "string", description: "IAM role of the EKS clusters" },
  eks_node_role_arn: { type: "string", description: "IAM role of the EKS node groups' nodes" },
  eks_cluster_name: { type: "string", description: "EKS cluster of node groups whose cluster is not in the design" },
  efs_file_system_id: { type: "string", description: "EFS file system of the mount targets" },
  ecs_service_arn: { type: "string", description: "ECS service of the task sets" },
};

export interface ServiceContext {
  /** The Terraform expressions of the resource's groups, in order. */
  groups: Value[];
  /** The expression of each of the resource's groups but one (an EKS cluster's own group). */
  groupsBut: (groupId: string | undefined) => Value[];
  /** The EKS cluster (its Terraform name) whose cluster security group the resource has, and that group's id. */
  clusterGroupOf: (r: Resource) => { cluster: string; groupId: string } | undefined;
  use: (input: string) => Value;
  /** A name for a second resource of another type (a launch template), unique in that type. */
  take: (type: string, base: string) => string;
  tags: Record<string, string>;
}

/** The `tag` blocks an Auto Scaling group takes instead of a tags map. */
function tagBlocks(tags: Record<string, string>): Block[] {
  return Object.entries(tags).map(([key, value]) =>
    block("tag", [], [attr("key", key), attr("value", value), attr("propagate_at_launch", true)]),
  );
}

const sizes = (r: Resource) => {
  const desired = r.capacity?.desired ?? r.capacity?.min ?? 1;
  return { desired, min: r.capacity?.min ?? Math.min(desired, 1), max: r.capacity?.max ?? Math.max(desired, 1) };
};

/** The blocks of a resource of a service other than its kind's default; `name` is its Terraform name. */
export function serviceBlocks(r: Resource & { service: Service }, name: string, c: ServiceContext): Block[] {
  const type = SERVICE_TYPES[r.service];
  const tags = attr("tags", c.tags);
  const one = (body: Item[]) => [block("resource", [type, name], body)];
  switch (r.service) {
    case "autoScalingGroup": {
      const template = c.take("aws_launch_template", name);
      const { desired, min, max } = sizes(r);
      return [
        block(
          "resource",
          ["aws_launch_template", template],
          [
            attr("name_prefix", `${r.name}-`),
            attr("image_id", c.use("ami_id")),
            attr("instance_type", "t3.micro"),
            attr("vpc_security_group_ids", c.groups),
          ],
        ),
        block(
          "resource",
          [type, name],
          [
            attr("name", r.name),
            attr("min_size", min),
            attr("max_size", max),
            attr("desired_capacity", desired),
            attr("vpc_zone_identifier", c.use("subnet_ids")),
            block(
              "launch_template",
              [],
              [attr("id", raw(`aws_launch_template.${template}.id`)), attr("version", "$Latest")],
            ),
            ...tagBlocks(c.tags),
          ],
        ),
      ];
    }
    case "eksNodeGroup": {
      const own = c.clusterGroupOf(r);
      const others = c.groupsBut(own?.groupId);
      const { desired, min, max } = sizes(r);
      const blocks: Block[] = [];
      const body: Item[] = [
        attr("cluster_name", own ? raw(`aws_eks_cluster.${own.cluster}.name`) : c.use("eks_cluster_name")),
        attr("node_group_name", r.name),
        attr("node_role_arn", c.use("eks_node_role_arn")),
        attr("subnet_ids", c.use("subnet_ids")),
        block("scaling_config", [], [attr("desired_size", desired), attr("min_size", min), attr("max_size", max)]),
      ];
      // Nodes get the cluster's own group unless a launch template names groups; then only those.
      if (others.length > 0 || !own) {
        const template = c.take("aws_launch_template", name);
        blocks.push(
          block(
            "resource",
            ["aws_launch_template", template],
            [attr("name_prefix", `${r.name}-`), attr("vpc_security_group_ids", c.groups)],
          ),
        );
        body.push(
          block(
            "launch_template",
            [],
            [
              attr("id", raw(`aws_launch_template.${template}.id`)),
              attr("version", raw(`aws_launch_template.${template}.latest_version`)),
            ],
          ),
        );
      }
      body.push(tags);
      return [...blocks, block("resource", [type, name], body)];
    }
    case "eksCluster": {
      // EKS adds its own group; the cluster names only the others.
      const named = c.groupsBut(c.clusterGroupOf(r)?.groupId);
      return one([
        attr("name", r.name),
        attr("role_arn", c.use("eks_cluster_role_arn")),
        block("vpc_config", [], [attr("subnet_ids", c.use("subnet_ids")), attr("security_group_ids", named)]),
        tags,
      ]);
    }
    case "networkInterface": {
      const body: Item[] = [attr("subnet_id", c.use("subnet_id")), attr("security_groups", c.groups)];
      if (r.privateIpv4) body.push(attr("private_ips", [r.privateIpv4]));
      if (r.ipv6) body.push(attr("ipv6_addresses", [r.ipv6]));
      return one([...body, tags]);
    }
    case "classicLoadBalancer":
      return one([
        attr("name", r.name),
        attr("subnets", c.use("subnet_ids")),
        attr("security_groups", c.groups),
        block(
          "listener",
          [],
          [
            attr("instance_port", 80),
            attr("instance_protocol", "http"),
            attr("lb_port", 80),
            attr("lb_protocol", "http"),
          ],
        ),
        tags,
      ]);
    case "rdsCluster":
      return one([
        attr("cluster_identifier", r.name),
        attr("engine", "aurora-postgresql"),
        attr("master_username", "dbadmin"),
        attr("manage_master_user_password", true),
        attr("skip_final_snapshot", true),
        attr("vpc_security_group_ids", c.groups),
        tags,
      ]);
    case "docDbCluster":
      return one([
        attr("cluster_identifier", r.name),
        attr("master_username", "dbadmin"),
        attr("manage_master_user_password", true),
        attr("skip_final_snapshot", true),
        attr("vpc_security_group_ids", c.groups),
        tags,
      ]);
    case "neptuneCluster":
      return one([
        attr("cluster_identifier", r.name),
        attr("skip_final_snapshot", true),
        attr("vpc_security_group_ids", c.groups),
        tags,
      ]);
    case "elastiCache":
      return one([
        attr("replication_group_id", r.name),
        attr("description", r.name),
        attr("engine", "redis"),
        attr("node_type", "cache.t3.micro"),
        attr("num_cache_clusters", 1),
        attr("security_group_ids", c.groups),
        tags,
      ]);
    case "memoryDb":
      return one([
        attr("name", r.name),
        attr("acl_name", "open-access"),
        attr("node_type", "db.t4g.small"),
        attr("security_group_ids", c.groups),
        tags,
      ]);
    case "redshift":
      return one([
        attr("cluster_identifier", r.name),
        attr("node_type", "ra3.large"),
        attr("master_username", "dbadmin"),
        attr("manage_master_password", true),
        attr("skip_final_snapshot", true),
        attr("vpc_security_group_ids", c.groups),
        tags,
      ]);
    case "openSearch":
      return one([
        attr("domain_name", r.name),
        block("vpc_options", [], [attr("subnet_ids", c.use("subnet_ids")), attr("security_group_ids", c.groups)]),
        tags,
      ]);
    case "msk":
      return one([
        attr("cluster_name", r.name),
        attr("kafka_version", "3.6.0"),
        attr("number_of_broker_nodes", 3),
        block(
          "broker_node_group_info",
          [],
          [
            attr("instance_type", "kafka.t3.small"),
            attr("client_subnets", c.use("subnet_ids")),
            attr("security_groups", c.groups),
          ],
        ),
        tags,
      ]);
    case "mq":
      return one([
        attr("broker_name", r.name),
        attr("engine_type", "RabbitMQ"),
        attr("engine_version", "3.13"),
        attr("host_instance_type", "mq.t3.micro"),
        attr("subnet_ids", c.use("subnet_ids")),
        attr("security_groups", c.groups),
        tags,
      ]);
    case "ecsTask":
      return one([
        attr("cluster", c.use("ecs_cluster_arn")),
        attr("service", c.use("ecs_service_arn")),
        attr("task_definition", c.use("ecs_task_definition_arn")),
        block("network_configuration", [], [attr("subnets", c.use("subnet_ids")), attr("security_groups", c.groups)]),
        tags,
      ]);
    case "efsMountTarget":
      return one([
        attr("file_system_id", c.use("efs_file_system_id")),
        attr("subnet_id", c.use("subnet_id")),
        attr("security_groups", c.groups),
      ]);
  }
}
