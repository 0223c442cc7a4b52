// The resources of the services beside each kind's default (see model/services.ts), written as
// the CloudFormation that creates them, so that an imported ElastiCache cluster or Auto Scaling
// group comes back as itself. Property names are the CloudFormation template reference's.
import type { Resource } from "../../model/schema";
import type { Service } from "../../model/services";
import { type Intrinsic, type Props, ref } from "./build";

export const SERVICE_TYPES: Record<Service, string> = {
  autoScalingGroup: "AWS::AutoScaling::AutoScalingGroup",
  eksNodeGroup: "AWS::EKS::Nodegroup",
  networkInterface: "AWS::EC2::NetworkInterface",
  classicLoadBalancer: "AWS::ElasticLoadBalancing::LoadBalancer",
  rdsCluster: "AWS::RDS::DBCluster",
  docDbCluster: "AWS::DocDB::DBCluster",
  neptuneCluster: "AWS::Neptune::DBCluster",
  elastiCache: "AWS::ElastiCache::ReplicationGroup",
  memoryDb: "AWS::MemoryDB::Cluster",
  redshift: "AWS::Redshift::Cluster",
  openSearch: "AWS::OpenSearchService::Domain",
  msk: "AWS::MSK::Cluster",
  mq: "AWS::AmazonMQ::Broker",
  eksCluster: "AWS::EKS::Cluster",
  ecsTask: "AWS::ECS::TaskSet",
  efsMountTarget: "AWS::EFS::MountTarget",
};

/** Logical id suffixes, as the kinds' own resources have ("WebInstance", "DbDatabase"). */
export const SERVICE_SUFFIXES: Record<Service, string> = {
  autoScalingGroup: "AutoScalingGroup",
  eksNodeGroup: "NodeGroup",
  networkInterface: "NetworkInterface",
  classicLoadBalancer: "LoadBalancer",
  rdsCluster: "DbCluster",
  docDbCluster: "DocDbCluster",
  neptuneCluster: "NeptuneCluster",
  elastiCache: "Cache",
  memoryDb: "MemoryDb",
  redshift: "Redshift",
  openSearch: "Domain",
  msk: "Kafka",
  mq: "Broker",
  eksCluster: "EksCluster",
  ecsTask: "TaskSet",
  efsMountTarget: "MountTarget",
};

/** Inputs these resources need to deploy that a design does not hold. */
export const SERVICE_INPUTS: Record<string, Props> = {
  EksClusterRoleArn: { Type: "String", Description: "IAM role of the EKS clusters" },
  EksNodeRoleArn: { Type: "String", Description: "IAM role of the EKS node groups' nodes" },
  EksClusterName: { Type: "String", Description: "EKS cluster of node groups whose cluster is not in the design" },
  EfsFileSystemId: { Type: "String", Description: "EFS file system of the mount targets" },
  EcsService: { Type: "String", Description: "ECS service of the task sets" },
};

export interface ServiceContext {
  groups: (Intrinsic | string)[];
  /** The references of the resource's groups but one (an EKS cluster's own group). */
  groupsBut: (groupId: string | undefined) => (Intrinsic | string)[];
  /** The logical id of the EKS cluster whose cluster security group the resource has, and that group's id. */
  clusterOf: (r: Resource) => { cluster: string; groupId: string } | undefined;
  input: (name: string) => Intrinsic;
  /** A logical id for a second resource (a launch template). */
  take: (text: string, suffix: string) => string;
  tags: Props[] | undefined;
}

const sizes = (r: Resource) => {
  const desired = r.capacity?.desired ?? r.capacity?.min ?? 1;
  return { desired, min: r.capacity?.min ?? Math.min(desired, 1), max: r.capacity?.max ?? Math.max(desired, 1) };
};

/** The resources (by logical id) of a resource of a service other than its kind's default. */
export function serviceResources(r: Resource & { service: Service }, id: string, c: ServiceContext): Props {
  const Type = SERVICE_TYPES[r.service];
  const one = (Properties: Props) => ({ [id]: { Type, Properties } });
  const Tags = c.tags;
  switch (r.service) {
    case "autoScalingGroup": {
      const template = c.take(r.name || r.id, "LaunchTemplate");
      const { desired, min, max } = sizes(r);
      return {
        [template]: {
          Type: "AWS::EC2::LaunchTemplate",
          Properties: {
            LaunchTemplateData: { ImageId: c.input("ImageId"), InstanceType: "t3.micro", SecurityGroupIds: c.groups },
          },
        },
        [id]: {
          Type,
          Properties: {
            AutoScalingGroupName: r.name,
            MinSize: String(min),
            MaxSize: String(max),
            DesiredCapacity: String(desired),
            VPCZoneIdentifier: c.input("SubnetIds"),
            LaunchTemplate: {
              LaunchTemplateId: ref(template),
              Version: { "Fn::GetAtt": [template, "LatestVersionNumber"] },
            },
            Tags: Tags?.map((t) => ({ ...t, PropagateAtLaunch: true })),
          },
        },
      };
    }
    case "eksNodeGroup": {
      const own = c.clusterOf(r);
      const others = c.groupsBut(own?.groupId);
      const { desired, min, max } = sizes(r);
      const out: Props = {};
      const props: Props = {
        ClusterName: own ? ref(own.cluster) : c.input("EksClusterName"),
        NodegroupName: r.name,
        NodeRole: c.input("EksNodeRoleArn"),
        Subnets: c.input("SubnetIds"),
        ScalingConfig: { DesiredSize: desired, MinSize: min, MaxSize: max },
      };
      // Nodes get the cluster's own group unless a launch template names groups; then only those.
      if (others.length > 0 || !own) {
        const template = c.take(r.name || r.id, "LaunchTemplate");
        out[template] = {
          Type: "AWS::EC2::LaunchTemplate",
          Properties: { LaunchTemplateData: { SecurityGroupIds: c.groups } },
        };
        props.LaunchTemplate = { Id: ref(template) };
      }
      // A node group's Tags are a map, not a list.
      if (Tags) props.Tags = Object.fromEntries(Tags.map((t) => [t.Key, t.Value]));
      out[id] = { Type, Properties: props };
      return out;
    }
    case "eksCluster": {
      // EKS adds its own group; the cluster names only the others.
      const own = c.clusterOf(r);
      return one({
        Name: r.name,
        RoleArn: c.input("EksClusterRoleArn"),
        ResourcesVpcConfig: {
          SubnetIds: c.input("SubnetIds"),
          SecurityGroupIds: c.groupsBut(own?.groupId),
        },
        Tags,
      });
    }
    case "networkInterface":
      return one({
        SubnetId: c.input("SubnetId"),
        GroupSet: c.groups,
        PrivateIpAddress: r.privateIpv4,
        Ipv6Addresses: r.ipv6 ? [{ Ipv6Address: r.ipv6 }] : undefined,
        Tags,
      });
    case "classicLoadBalancer":
      return one({
        LoadBalancerName: r.name,
        Subnets: c.input("SubnetIds"),
        SecurityGroups: c.groups,
        Listeners: [{ LoadBalancerPort: "80", InstancePort: "80", Protocol: "HTTP" }],
        Tags,
      });
    case "rdsCluster":
      return one({
        DBClusterIdentifier: r.name,
        Engine: "aurora-postgresql",
        MasterUsername: "dbadmin",
        ManageMasterUserPassword: true,
        VpcSecurityGroupIds: c.groups,
        Tags,
      });
    case "docDbCluster":
      return one({
        DBClusterIdentifier: r.name,
        MasterUsername: "dbadmin",
        ManageMasterUserPassword: true,
        VpcSecurityGroupIds: c.groups,
        Tags,
      });
    case "neptuneCluster":
      return one({ DBClusterIdentifier: r.name, VpcSecurityGroupIds: c.groups, Tags });
    case "elastiCache":
      return one({
        ReplicationGroupId: r.name,
        ReplicationGroupDescription: r.name,
        Engine: "redis",
        CacheNodeType: "cache.t3.micro",
        NumCacheClusters: 1,
        SecurityGroupIds: c.groups,
        Tags,
      });
    case "memoryDb":
      return one({
        ClusterName: r.name,
        ACLName: "open-access",
        NodeType: "db.t4g.small",
        SecurityGroupIds: c.groups,
        Tags,
      });
    case "redshift":
      return one({
        ClusterIdentifier: r.name,
        NodeType: "ra3.large",
        ClusterType: "single-node",
        DBName: "dev",
        MasterUsername: "dbadmin",
        ManageMasterPassword: true,
        VpcSecurityGroupIds: c.groups,
        Tags,
      });
    case "openSearch":
      return one({
        DomainName: r.name,
        VPCOptions: { SubnetIds: c.input("SubnetIds"), SecurityGroupIds: c.groups },
        Tags,
      });
    case "msk":
      return one({
        ClusterName: r.name,
        KafkaVersion: "3.6.0",
        NumberOfBrokerNodes: 3,
        BrokerNodeGroupInfo: {
          InstanceType: "kafka.t3.small",
          ClientSubnets: c.input("SubnetIds"),
          SecurityGroups: c.groups,
        },
        // MSK takes tags as a map.
        Tags: Tags ? Object.fromEntries(Tags.map((t) => [t.Key, t.Value])) : undefined,
      });
    case "mq":
      return one({
        BrokerName: r.name,
        EngineType: "RABBITMQ",
        EngineVersion: "3.13",
        HostInstanceType: "mq.t3.micro",
        DeploymentMode: "SINGLE_INSTANCE",
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: true,
        Users: [],
        SubnetIds: c.input("SubnetIds"),
        SecurityGroups: c.groups,
        Tags,
      });
    case "ecsTask":
      return one({
        Cluster: c.input("EcsCluster"),
        Service: c.input("EcsService"),
        TaskDefinition: c.input("EcsTaskDefinition"),
        NetworkConfiguration: { AwsVpcConfiguration: { SecurityGroups: c.groups, Subnets: c.input("SubnetIds") } },
      });
    case "efsMountTarget":
      return one({ FileSystemId: c.input("EfsFileSystemId"), SubnetId: c.input("SubnetId"), SecurityGroups: c.groups });
  }
}
