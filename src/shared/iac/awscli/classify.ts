// What stands behind a network interface. AWS creates interfaces for its managed services and
// marks them only by InterfaceType, RequesterId and a Description in a per-service format.
import type { ResourceKind } from "../../model/schema";
import type { Service } from "../../model/services";
import type { AwsNetworkInterface } from "./shapes";

export interface InterfaceOwner {
  kind: ResourceKind;
  /** The AWS service behind it where the kind has several (an ElastiCache cluster is a database). */
  service?: Service;
  /** Interfaces with the same key are one resource (an ALB has one interface per zone). */
  key: string;
  name: string;
}

const UUID = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The resource an interface belongs to, or a reason it is not one: interfaces of NAT and transit
 * gateways carry no security groups, and a detached interface carries no traffic.
 */
export function classifyInterface(eni: AwsNetworkInterface): InterfaceOwner | { skip: string } {
  const description = eni.Description?.trim() ?? "";
  const type = eni.InterfaceType ?? "interface";
  const requester = eni.RequesterId ?? "";
  const id = eni.NetworkInterfaceId;
  const instanceId = eni.Attachment?.InstanceId;
  if (instanceId) return { kind: "instance", key: instanceId, name: instanceId };

  // "ELB app/my-alb/50dc6c495c0c9188", "ELB net/my-nlb/...", or "ELB my-classic-elb".
  const elb = /^ELB (?:(?:app|net|gwy)\/)?([^/\s]+)/.exec(description);
  if (elb?.[1] || requester === "amazon-elb" || type === "network_load_balancer" || type === "gateway_load_balancer") {
    const lb = elb?.[1] ?? id;
    return { kind: "loadBalancer", key: `elb:${lb}`, name: lb };
  }
  if (type === "lambda" || description.startsWith("AWS Lambda VPC ENI")) {
    const fn = lambdaFunction(description, requester) ?? id;
    return { kind: "function", key: `lambda:${fn}`, name: fn };
  }
  if (type === "vpc_endpoint" || description.startsWith("VPC Endpoint Interface")) {
    const vpce = /vpce-[0-9a-f]+/.exec(description)?.[0] ?? id;
    return { kind: "endpoint", key: vpce, name: vpce };
  }
  const efs = /^EFS mount target for (fs-[0-9a-f]+)/.exec(description);
  if (efs?.[1]) return { kind: "endpoint", service: "efsMountTarget", key: `efs:${efs[1]}`, name: `EFS ${efs[1]}` };
  // "Amazon EKS my-cluster": the control plane's interfaces, one per subnet.
  const eks = /^Amazon EKS (\S+)/.exec(description);
  if (eks?.[1]) return { kind: "containerService", service: "eksCluster", key: `eks:${eks[1]}`, name: eks[1] };
  if (requester === "amazon-rds" || description === "RDSNetworkInterface")
    return { kind: "database", key: id, name: `RDS ${eni.PrivateIpAddress ?? id}` };
  const cache = /^ElastiCache (\S+)/.exec(description);
  if (cache?.[1] || requester === "amazon-elasticache") {
    const cluster = cache?.[1] ?? id;
    return { kind: "database", service: "elastiCache", key: `elasticache:${cluster}`, name: cluster };
  }
  const es = /^ES (\S+)/.exec(description);
  if (es?.[1] || requester === "amazon-elasticsearch") {
    const domain = es?.[1] ?? id;
    return { kind: "database", service: "openSearch", key: `es:${domain}`, name: domain };
  }
  if (description === "RedshiftNetworkInterface" || requester === "amazon-redshift")
    return { kind: "database", service: "redshift", key: id, name: `Redshift ${eni.PrivateIpAddress ?? id}` };
  if (description.startsWith("arn:aws:ecs:"))
    return { kind: "containerService", service: "ecsTask", key: id, name: `ECS task ${eni.PrivateIpAddress ?? id}` };
  // EKS's security groups for pods: each pod has a branch interface ("aws-k8s-branch-eni") of its own.
  if (description.startsWith("aws-k8s-branch"))
    return { kind: "containerService", key: id, name: `EKS pod ${eni.PrivateIpAddress ?? id}` };
  if (type === "branch" || type === "trunk")
    return { kind: "containerService", key: id, name: `task ${eni.PrivateIpAddress ?? id}` };
  if (["nat_gateway", "transit_gateway", "gateway_load_balancer_endpoint"].includes(type))
    return { skip: `a ${type.replace(/_/g, " ")} interface has no security groups` };
  if (eni.RequesterManaged)
    return { kind: "endpoint", key: id, name: description ? `${description}` : `${requester || "managed"} ${id}` };
  return { skip: "it is not attached to an instance or a managed service" };
}

/**
 * The function a Lambda interface serves, as AWS writes it. Hyperplane interfaces (since 2019):
 * "AWS Lambda VPC ENI-my-function-<uuid>", shared by functions with the same subnets and groups,
 * so the name is the first function's. Older per-function interfaces: "AWS Lambda VPC ENI: <uuid>",
 * created under the function's execution role with the function's name as the session name, so
 * RequesterId is "<role id>:my-function".
 */
function lambdaFunction(description: string, requester: string): string | undefined {
  const named = /^AWS Lambda VPC ENI-(.+)$/.exec(description)?.[1]?.replace(UUID, "");
  if (named) return named;
  const session = /^ARO[A-Z0-9]+:(.+)$/.exec(requester)?.[1];
  return session || undefined;
}
