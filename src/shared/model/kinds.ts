// What a node is on the canvas and to the engine: a resource inside a VPC (its network interface
// carries groups) or a party outside AWS. A file of its own, so that services.ts, which the schema
// uses, can name the kinds without importing the schema.
export const RESOURCE_KINDS = [
  "instance",
  "loadBalancer",
  "database",
  "function",
  "containerService",
  "endpoint",
] as const;
export const EXTERNAL_KINDS = ["internet", "myIp", "cidr"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];
