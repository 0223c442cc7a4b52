// The CloudFormation resource types that carry security groups, and where they keep them (names
// from the CloudFormation template reference). One table, so that a new type is one line.
import type { ResourceKind } from "../../model/schema";
import type { Service } from "../../model/services";

export interface Kind {
  kind: ResourceKind;
  service?: Service;
  /** Property paths to group lists; "*" steps into every item of a list. */
  groups: string[][];
  /** The resource's own name property, used when it has no Name tag. */
  name?: string;
  /**
   * Property paths to the launch template or launch configuration whose groups its instances get
   * (an Auto Scaling group, an EKS node group), not in the resource itself.
   */
  launched?: string[][];
  /** Property paths to how many instances or tasks the node stands for. */
  capacity?: { desired?: string[]; min?: string[]; max?: string[] };
}

export const ATTACHABLE: Record<string, Kind> = {
  "AWS::EC2::Instance": {
    kind: "instance",
    // NetworkInterfaces are read per interface (interfaces.ts), not as one list of groups.
    groups: [["SecurityGroupIds"], ["SecurityGroups"]],
  },
  "AWS::EC2::NetworkInterface": { kind: "instance", service: "networkInterface", groups: [["GroupSet"]] },
  "AWS::AutoScaling::AutoScalingGroup": {
    kind: "instance",
    service: "autoScalingGroup",
    groups: [],
    name: "AutoScalingGroupName",
    launched: [
      ["LaunchConfigurationName"],
      ["LaunchTemplate", "LaunchTemplateId"],
      ["LaunchTemplate", "LaunchTemplateName"],
      ["MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification", "LaunchTemplateId"],
      ["MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification", "LaunchTemplateName"],
    ],
    capacity: { desired: ["DesiredCapacity"], min: ["MinSize"], max: ["MaxSize"] },
  },
  "AWS::EKS::Nodegroup": {
    kind: "instance",
    service: "eksNodeGroup",
    groups: [],
    name: "NodegroupName",
    launched: [
      ["LaunchTemplate", "Id"],
      ["LaunchTemplate", "Name"],
    ],
    capacity: {
      desired: ["ScalingConfig", "DesiredSize"],
      min: ["ScalingConfig", "MinSize"],
      max: ["ScalingConfig", "MaxSize"],
    },
  },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": { kind: "loadBalancer", groups: [["SecurityGroups"]], name: "Name" },
  "AWS::ElasticLoadBalancing::LoadBalancer": {
    kind: "loadBalancer",
    service: "classicLoadBalancer",
    groups: [["SecurityGroups"]],
    name: "LoadBalancerName",
  },
  "AWS::RDS::DBInstance": { kind: "database", groups: [["VPCSecurityGroups"]], name: "DBInstanceIdentifier" },
  "AWS::RDS::DBCluster": {
    kind: "database",
    service: "rdsCluster",
    groups: [["VpcSecurityGroupIds"]],
    name: "DBClusterIdentifier",
  },
  "AWS::DocDB::DBCluster": {
    kind: "database",
    service: "docDbCluster",
    groups: [["VpcSecurityGroupIds"]],
    name: "DBClusterIdentifier",
  },
  "AWS::DocDBElastic::Cluster": {
    kind: "database",
    service: "docDbCluster",
    groups: [["VpcSecurityGroupIds"]],
    name: "ClusterName",
  },
  "AWS::Neptune::DBCluster": {
    kind: "database",
    service: "neptuneCluster",
    groups: [["VpcSecurityGroupIds"]],
    name: "DBClusterIdentifier",
  },
  "AWS::ElastiCache::CacheCluster": {
    kind: "database",
    service: "elastiCache",
    groups: [["VpcSecurityGroupIds"]],
    name: "ClusterName",
  },
  "AWS::ElastiCache::ReplicationGroup": {
    kind: "database",
    service: "elastiCache",
    groups: [["SecurityGroupIds"]],
    name: "ReplicationGroupId",
  },
  "AWS::ElastiCache::ServerlessCache": {
    kind: "database",
    service: "elastiCache",
    groups: [["SecurityGroupIds"]],
    name: "ServerlessCacheName",
  },
  "AWS::MemoryDB::Cluster": {
    kind: "database",
    service: "memoryDb",
    groups: [["SecurityGroupIds"]],
    name: "ClusterName",
  },
  "AWS::Redshift::Cluster": {
    kind: "database",
    service: "redshift",
    groups: [["VpcSecurityGroupIds"]],
    name: "ClusterIdentifier",
  },
  "AWS::RedshiftServerless::Workgroup": {
    kind: "database",
    service: "redshift",
    groups: [["SecurityGroupIds"]],
    name: "WorkgroupName",
  },
  "AWS::OpenSearchService::Domain": {
    kind: "database",
    service: "openSearch",
    groups: [["VPCOptions", "SecurityGroupIds"]],
    name: "DomainName",
  },
  "AWS::Elasticsearch::Domain": {
    kind: "database",
    service: "openSearch",
    groups: [["VPCOptions", "SecurityGroupIds"]],
    name: "DomainName",
  },
  "AWS::MSK::Cluster": {
    kind: "database",
    service: "msk",
    groups: [["BrokerNodeGroupInfo", "SecurityGroups"]],
    name: "ClusterName",
  },
  "AWS::AmazonMQ::Broker": { kind: "database", service: "mq", groups: [["SecurityGroups"]], name: "BrokerName" },
  "AWS::Lambda::Function": { kind: "function", groups: [["VpcConfig", "SecurityGroupIds"]], name: "FunctionName" },
  "AWS::ECS::Service": {
    kind: "containerService",
    groups: [["NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups"]],
    name: "ServiceName",
    capacity: { desired: ["DesiredCount"] },
  },
  // A task set spells it AwsVpcConfiguration, a service AwsvpcConfiguration.
  "AWS::ECS::TaskSet": {
    kind: "containerService",
    service: "ecsTask",
    groups: [["NetworkConfiguration", "AwsVpcConfiguration", "SecurityGroups"]],
  },
  "AWS::EKS::Cluster": {
    kind: "containerService",
    service: "eksCluster",
    groups: [["ResourcesVpcConfig", "SecurityGroupIds"]],
    name: "Name",
  },
  "AWS::EC2::VPCEndpoint": { kind: "endpoint", groups: [["SecurityGroupIds"]], name: "ServiceName" },
  "AWS::EFS::MountTarget": { kind: "endpoint", service: "efsMountTarget", groups: [["SecurityGroups"]] },
};

/** Where a launch template or launch configuration keeps the groups of the instances it launches. */
export const LAUNCH_SOURCES: Record<string, string[][]> = {
  "AWS::EC2::LaunchTemplate": [
    ["LaunchTemplateData", "SecurityGroupIds"],
    ["LaunchTemplateData", "SecurityGroups"],
    ["LaunchTemplateData", "NetworkInterfaces", "*", "Groups"],
  ],
  "AWS::AutoScaling::LaunchConfiguration": [["SecurityGroups"]],
};

/** Types that hold no security group information: skipped without a warning. */
export const UNRELATED = [
  // CDK's report of the library's version (`cdk synth` adds it to every stack).
  "AWS::CDK::Metadata",
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
  "AWS::AutoScaling::ScalingPolicy",
  "AWS::AutoScaling::ScheduledAction",
  "AWS::AutoScaling::LifecycleHook",
  "AWS::EFS::FileSystem",
  "AWS::ElastiCache::SubnetGroup",
  "AWS::DocDB::DBInstance",
  "AWS::DocDB::DBSubnetGroup",
  "AWS::Neptune::DBInstance",
  "AWS::Redshift::ClusterSubnetGroup",
  "AWS::MSK::Configuration",
  "AWS::AmazonMQ::Configuration",
  "AWS::EKS::Addon",
  ...Object.keys(LAUNCH_SOURCES),
];
