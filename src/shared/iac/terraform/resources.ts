// The resources security groups sit on, written as the Terraform that creates them.
import type { Resource } from "../../model/schema";
import type { Service } from "../../model/services";
import { addressTags, withoutAddressTags } from "../draft";
import { attr, type Block, block, type Item, raw } from "./hcl";
import { interfaceBlocks } from "./interfaces";
import { groupRef, type Naming, sortedRecord, vpcRef } from "./naming";
import { SERVICE_INPUTS, SERVICE_TYPES, serviceBlocks } from "./services";

/** Inputs a resource needs to deploy that the design does not hold (subnets, images, roles). */
export const INPUTS: Record<string, { type: string; description: string }> = {
  vpc_id: { type: "string", description: "VPC of the security groups and endpoints the design places in no VPC" },
  subnet_id: { type: "string", description: "Subnet for the instances" },
  subnet_ids: { type: "list(string)", description: "Subnets for load balancers, functions, services and endpoints" },
  ami_id: { type: "string", description: "Image for the instances" },
  lambda_role_arn: { type: "string", description: "Execution role of the functions" },
  lambda_package: { type: "string", description: "Deployment package (zip) of the functions" },
  ecs_cluster_arn: { type: "string", description: "Cluster of the container services" },
  ecs_task_definition_arn: { type: "string", description: "Task definition of the container services" },
  region: { type: "string", description: "Region of the endpoints' services" },
  ...SERVICE_INPUTS,
};

/**
 * The blocks that create a resource: one, or two where the groups sit on a launch template.
 * `take` names a second resource of another type.
 */
export function resourceBlocks(
  r: Resource,
  name: string,
  n: Naming,
  inputs: Set<string>,
  take: (type: string, base: string) => string,
): Block[] {
  const use = (input: string) => {
    inputs.add(input);
    return raw(`var.${input}`);
  };
  if (!r.service)
    return [
      resourceBlock(r, name, n, inputs),
      ...(r.kind === "instance" && r.interfaces?.length
        ? interfaceBlocks(r, name, (id) => groupRef(n, id), use("subnet_id"), take)
        : []),
    ];
  return serviceBlocks(r as Resource & { service: Service }, name, {
    groups: r.groupIds.map((id) => groupRef(n, id)),
    groupsBut: (groupId) => r.groupIds.filter((id) => id !== groupId).map((id) => groupRef(n, id)),
    clusterGroupOf: (x) => {
      for (const id of x.groupIds) {
        const cluster = n.clusterGroup.get(id);
        if (cluster) return { cluster, groupId: id };
      }
      return undefined;
    },
    use,
    take,
    tags: {
      Name: r.name,
      ...addressTags(r, r.service === "networkInterface" ? { privateIpv4: true, ipv6: true } : {}),
      ...sortedRecord(r.tags ?? {}),
    },
  });
}

/** The Terraform type of a resource. */
export function resourceType(r: Resource): string {
  return r.service ? SERVICE_TYPES[r.service] : RESOURCE_TYPES[r.kind];
}

function resourceBlock(r: Resource, name: string, n: Naming, inputs: Set<string>): Block {
  const use = (input: string) => {
    inputs.add(input);
    return raw(`var.${input}`);
  };
  const groups = r.groupIds.map((id) => groupRef(n, id));
  // Addresses AWS chooses (all but an instance's private ones) travel as tags; see ADDRESS_TAGS.
  const native = r.kind === "instance" ? { privateIpv4: true, ipv6: true } : {};
  const tags = { Name: r.name, ...addressTags(r, native), ...sortedRecord(withoutAddressTags(r.tags) ?? {}) };
  switch (r.kind) {
    case "instance": {
      const body: Item[] = [
        attr("ami", use("ami_id")),
        attr("instance_type", "t3.micro"),
        attr("subnet_id", use("subnet_id")),
        attr("vpc_security_group_ids", groups),
      ];
      if (r.privateIpv4) body.push(attr("private_ip", r.privateIpv4));
      if (r.ipv6) body.push(attr("ipv6_addresses", [r.ipv6]));
      if (r.publicIpv4) body.push(attr("associate_public_ip_address", true));
      body.push(attr("tags", tags));
      return block("resource", ["aws_instance", name], body);
    }
    case "loadBalancer":
      return block(
        "resource",
        ["aws_lb", name],
        [
          attr("name", r.name),
          attr("load_balancer_type", "application"),
          attr("internal", false),
          attr("subnets", use("subnet_ids")),
          attr("security_groups", groups),
          attr("tags", tags),
        ],
      );
    case "database": {
      const body: Item[] = [
        attr("identifier", r.name),
        attr("engine", "postgres"),
        attr("instance_class", "db.t3.micro"),
        attr("allocated_storage", 20),
        attr("username", "dbadmin"),
        attr("manage_master_user_password", true),
        attr("skip_final_snapshot", true),
        attr("vpc_security_group_ids", groups),
      ];
      body.push(attr("tags", tags));
      return block("resource", ["aws_db_instance", name], body);
    }
    case "function":
      return block(
        "resource",
        ["aws_lambda_function", name],
        [
          attr("function_name", r.name),
          attr("role", use("lambda_role_arn")),
          attr("filename", use("lambda_package")),
          attr("handler", "index.handler"),
          attr("runtime", "nodejs20.x"),
          block("vpc_config", [], [attr("subnet_ids", use("subnet_ids")), attr("security_group_ids", groups)]),
          attr("tags", tags),
        ],
      );
    case "containerService":
      return block(
        "resource",
        ["aws_ecs_service", name],
        [
          attr("name", r.name),
          attr("cluster", use("ecs_cluster_arn")),
          attr("task_definition", use("ecs_task_definition_arn")),
          attr("launch_type", "FARGATE"),
          attr("desired_count", 1),
          block("network_configuration", [], [attr("subnets", use("subnet_ids")), attr("security_groups", groups)]),
          attr("tags", tags),
        ],
      );
    case "endpoint": {
      const body: Item[] = [];
      // AWS requires an endpoint's VPC: one the design does not name comes in as vpc_id.
      body.push(attr("vpc_id", r.vpcId ? vpcRef(n, r.vpcId) : use("vpc_id")));
      use("region");
      body.push(
        attr("service_name", raw(`"com.amazonaws.\${var.region}.${r.name.replace(/[^A-Za-z0-9.-]/g, "")}"`)),
        attr("vpc_endpoint_type", "Interface"),
        attr("subnet_ids", use("subnet_ids")),
        attr("security_group_ids", groups),
        attr("tags", tags),
      );
      return block("resource", ["aws_vpc_endpoint", name], body);
    }
  }
}

export const RESOURCE_TYPES: Record<Resource["kind"], string> = {
  instance: "aws_instance",
  loadBalancer: "aws_lb",
  database: "aws_db_instance",
  function: "aws_lambda_function",
  containerService: "aws_ecs_service",
  endpoint: "aws_vpc_endpoint",
};
