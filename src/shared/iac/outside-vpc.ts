// Only what AWS puts in a VPC gets a network interface, and so security groups. A Lambda function
// without a VPC configuration runs in AWS's own network, and a gateway VPC endpoint (S3,
// DynamoDB) is a target in route tables: neither has an interface, so neither gets the VPC's
// default group, and neither is a node of the design.

/** Why a resource of this kind has no network interface, or undefined when it has one. */
export function outsideVpcReason(
  kind: "function" | "endpoint" | string,
  facts: { hasVpcConfig?: boolean; endpointType?: unknown },
): string | undefined {
  if (kind === "function" && facts.hasVpcConfig === false)
    return "is a Lambda function without a VPC configuration: it runs outside every VPC, with no network interface and no security group (it reaches the design from AWS's public addresses, as the Internet does); not a node of the design";
  if (kind === "endpoint" && typeof facts.endpointType === "string" && facts.endpointType.toLowerCase() === "gateway")
    return "is a gateway VPC endpoint: a target in route tables, with no network interface and no security group (rules reach S3 and DynamoDB through their prefix lists); not a node of the design";
  return undefined;
}
