// The AWS service behind a resource, where its kind stands for more than one. A kind says what a
// node is on the canvas and to the engine (an instance, a database); the service says which AWS
// resource carries the groups, so that an export writes the same resource back. Absent, a node is
// its kind's first service: an EC2 instance, an application load balancer, an RDS DB instance, a
// Lambda function, an ECS service, an interface VPC endpoint.
import type { ResourceKind } from "./kinds";

export const SERVICES = {
  /** One node for all the instances the group launches; their groups come from its launch template or configuration. */
  autoScalingGroup: { kind: "instance", title: "Auto Scaling group" },
  /** An EKS managed node group: its nodes get the cluster security group unless a launch template names others. */
  eksNodeGroup: { kind: "instance", title: "EKS node group" },
  /** An interface of its own (aws_network_interface, AWS::EC2::NetworkInterface), not an instance's. */
  networkInterface: { kind: "instance", title: "Network interface" },
  classicLoadBalancer: { kind: "loadBalancer", title: "Classic load balancer" },
  rdsCluster: { kind: "database", title: "RDS / Aurora cluster" },
  docDbCluster: { kind: "database", title: "DocumentDB cluster" },
  neptuneCluster: { kind: "database", title: "Neptune cluster" },
  elastiCache: { kind: "database", title: "ElastiCache" },
  memoryDb: { kind: "database", title: "MemoryDB cluster" },
  redshift: { kind: "database", title: "Redshift cluster" },
  openSearch: { kind: "database", title: "OpenSearch domain" },
  msk: { kind: "database", title: "MSK (Kafka) cluster" },
  mq: { kind: "database", title: "Amazon MQ broker" },
  /** An EKS cluster's control plane interfaces; EKS also gives them a cluster security group of its own. */
  eksCluster: { kind: "containerService", title: "EKS cluster" },
  /** An ECS task in awsvpc mode (a task set, or a running task's interface). */
  ecsTask: { kind: "containerService", title: "ECS task" },
  efsMountTarget: { kind: "endpoint", title: "EFS mount target" },
} as const satisfies Record<string, { kind: ResourceKind; title: string }>;

export type Service = keyof typeof SERVICES;
export const SERVICE_NAMES = Object.keys(SERVICES) as [Service, ...Service[]];

/** Services a node of each kind may be; the first (no service) is the kind's default. */
export function servicesOf(kind: ResourceKind): Service[] {
  return SERVICE_NAMES.filter((s) => SERVICES[s].kind === kind);
}

/** What a service name is when its kind differs, for the schema's message. */
export function serviceKindProblem(kind: ResourceKind, service: Service): string | undefined {
  const of = SERVICES[service].kind;
  return of === kind ? undefined : `service ${service} is a kind of ${of}, not ${kind}`;
}

/**
 * What a node stands for, in words, where it is not its kind's default: "Auto Scaling group: 3
 * instances (2-6)". Undefined for the default.
 */
export function serviceSummary(r: {
  service?: Service;
  capacity?: { desired?: number; min?: number; max?: number };
}): string | undefined {
  if (!r.service) return undefined;
  const title = SERVICES[r.service].title;
  const c = r.capacity;
  if (!c) return title;
  const unit = SERVICES[r.service].kind === "instance" ? "instance" : "task";
  const count = c.desired ?? c.min ?? c.max;
  const range = c.min !== undefined && c.max !== undefined && c.min !== c.max ? ` (${c.min}–${c.max})` : "";
  return count === undefined ? title : `${title}: ${count} ${unit}${count === 1 ? "" : "s"}${range}`;
}
