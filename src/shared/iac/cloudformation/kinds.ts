// The CloudFormation resource types that carry security groups, and where they keep them.
import type { ResourceKind } from "../../model/schema";

interface Kind {
  kind: ResourceKind;
  /** Property paths to group lists; "*" steps into every item of a list. */
  groups: string[][];
  /** The resource's own name property, used when it has no Name tag. */
  name?: string;
}

export const ATTACHABLE: Record<string, Kind> = {
  "AWS::EC2::Instance": {
    kind: "instance",
    groups: [["SecurityGroupIds"], ["SecurityGroups"], ["NetworkInterfaces", "*", "GroupSet"]],
  },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": { kind: "loadBalancer", groups: [["SecurityGroups"]], name: "Name" },
  "AWS::ElasticLoadBalancing::LoadBalancer": {
    kind: "loadBalancer",
    groups: [["SecurityGroups"]],
    name: "LoadBalancerName",
  },
  "AWS::RDS::DBInstance": { kind: "database", groups: [["VPCSecurityGroups"]], name: "DBInstanceIdentifier" },
  "AWS::RDS::DBCluster": { kind: "database", groups: [["VpcSecurityGroupIds"]], name: "DBClusterIdentifier" },
  "AWS::Lambda::Function": { kind: "function", groups: [["VpcConfig", "SecurityGroupIds"]], name: "FunctionName" },
  "AWS::ECS::Service": {
    kind: "containerService",
    groups: [["NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups"]],
    name: "ServiceName",
  },
  "AWS::EC2::VPCEndpoint": { kind: "endpoint", groups: [["SecurityGroupIds"]], name: "ServiceName" },
};

/** Types that hold no security group information: skipped without a warning. */
export const UNRELATED = [
  // Reachability Analyzer checks, as export --verify writes them: they observe, they open nothing.
  "AWS::EC2::NetworkInsightsPath",
  "AWS::EC2::NetworkInsightsAnalysis",
  "AWS::EC2::InternetGateway",
  "AWS::EC2::VPCGatewayAttachment",
  "AWS::EC2::EgressOnlyInternetGateway",
  "AWS::EC2::NatGateway",
  "AWS::EC2::EIP",
  "AWS::EC2::RouteTable",
  "AWS::EC2::Route",
  "AWS::EC2::SubnetRouteTableAssociation",
  "AWS::EC2::KeyPair",
  "AWS::RDS::DBSubnetGroup",
  "AWS::ElasticLoadBalancingV2::TargetGroup",
  "AWS::ElasticLoadBalancingV2::Listener",
  "AWS::ECS::Cluster",
  "AWS::ECS::TaskDefinition",
  "AWS::Logs::LogGroup",
];
