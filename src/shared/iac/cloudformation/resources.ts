// The resources security groups sit on, written as the CloudFormation that creates them.
import type { Resource } from "../../model/schema";
import type { Service } from "../../model/services";
import { addressTags, withoutAddressTags } from "../draft";
import { Intrinsic, type LogicalIds, type Props, ref, tagList } from "./build";
import { SERVICE_INPUTS, SERVICE_SUFFIXES, serviceResources } from "./services";

/** Inputs the resources need to deploy that a design does not hold. */
export const INPUTS: Record<string, Props> = {
  VpcId: {
    Type: "AWS::EC2::VPC::Id",
    Description: "VPC of the security groups and endpoints the design places in no VPC",
  },
  SubnetId: { Type: "AWS::EC2::Subnet::Id", Description: "Subnet for the instances" },
  SubnetIds: {
    Type: "List<AWS::EC2::Subnet::Id>",
    Description: "Subnets for load balancers, functions, services and endpoints",
  },
  ImageId: {
    Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
    Description: "Image for the instances",
    Default: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  },
  LambdaRoleArn: { Type: "String", Description: "Execution role of the functions" },
  EcsCluster: { Type: "String", Description: "Cluster of the container services" },
  EcsTaskDefinition: { Type: "String", Description: "Task definition of the container services" },
  ...SERVICE_INPUTS,
};

/**
 * Addresses AWS chooses (all but an instance's private ones), which travel as tags (see
 * ADDRESS_TAGS), or in the resource's Metadata where its type takes no Tags.
 */
export function ownAddressTags(r: Resource): Record<string, string> {
  const native = r.kind === "instance" && (!r.service || r.service === "networkInterface");
  return addressTags(r, native ? { privateIpv4: true, ipv6: true } : {});
}

/** The logical id a resource's own resource gets; decided before any is written, as groups may refer to it. */
export function logicalIdOf(r: Resource, ids: LogicalIds): string {
  const suffix = r.service ? SERVICE_SUFFIXES[r.service] : SUFFIXES[r.kind];
  return ids.take(r.name || r.id, suffix);
}

const SUFFIXES: Record<Resource["kind"], string> = {
  instance: "Instance",
  loadBalancer: "LoadBalancer",
  database: "Database",
  function: "Function",
  containerService: "Service",
  endpoint: "Endpoint",
};

export function resourceOf(
  r: Resource,
  ids: LogicalIds,
  vpcIds: Map<string, string>,
  groupRef: (id: string) => Intrinsic | string,
  input: (name: string) => Intrinsic,
  own: { logicalId: string; clusterOf: (r: Resource) => { cluster: string; groupId: string } | undefined },
): Props {
  const groups = r.groupIds.map(groupRef);
  const tags = tagList(withoutAddressTags(r.tags), r.name, ownAddressTags(r));
  if (r.service)
    return serviceResources(r as Resource & { service: Service }, own.logicalId, {
      groups,
      groupsBut: (groupId) => r.groupIds.filter((id) => id !== groupId).map(groupRef),
      clusterOf: own.clusterOf,
      input,
      take: (text, suffix) => ids.take(text, suffix),
      tags,
    });
  switch (r.kind) {
    case "instance":
      // With further interfaces, each interface says its groups (CloudFormation then refuses
      // SubnetId and SecurityGroupIds beside them): eth0 the instance's own.
      if (r.interfaces?.length)
        return {
          [own.logicalId]: {
            Type: "AWS::EC2::Instance",
            Properties: {
              ImageId: input("ImageId"),
              InstanceType: "t3.micro",
              NetworkInterfaces: [
                {
                  DeviceIndex: "0",
                  SubnetId: input("SubnetId"),
                  GroupSet: groups,
                  PrivateIpAddress: r.privateIpv4,
                  Ipv6Addresses: r.ipv6 ? [{ Ipv6Address: r.ipv6 }] : undefined,
                },
                ...[...r.interfaces]
                  .sort((a, b) => a.deviceIndex - b.deviceIndex)
                  .map((eni) => ({
                    DeviceIndex: String(eni.deviceIndex),
                    Description: eni.description,
                    SubnetId: input("SubnetId"),
                    GroupSet: eni.groupIds.map(groupRef),
                    PrivateIpAddress: eni.privateIpv4,
                    Ipv6Addresses: eni.ipv6 ? [{ Ipv6Address: eni.ipv6 }] : undefined,
                  })),
              ],
              Tags: tags,
            },
          },
        };
      return {
        [own.logicalId]: {
          Type: "AWS::EC2::Instance",
          Properties: {
            ImageId: input("ImageId"),
            InstanceType: "t3.micro",
            SubnetId: input("SubnetId"),
            SecurityGroupIds: groups,
            PrivateIpAddress: r.privateIpv4,
            Ipv6Addresses: r.ipv6 ? [{ Ipv6Address: r.ipv6 }] : undefined,
            Tags: tags,
          },
        },
      };
    case "loadBalancer":
      return {
        [own.logicalId]: {
          Type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
          Properties: {
            Name: r.name,
            Type: "application",
            Scheme: "internet-facing",
            Subnets: input("SubnetIds"),
            SecurityGroups: groups,
            Tags: tags,
          },
        },
      };
    case "database":
      return {
        [own.logicalId]: {
          Type: "AWS::RDS::DBInstance",
          Properties: {
            DBInstanceIdentifier: r.name,
            Engine: "postgres",
            DBInstanceClass: "db.t3.micro",
            AllocatedStorage: "20",
            MasterUsername: "dbadmin",
            ManageMasterUserPassword: true,
            VPCSecurityGroups: groups,
            Tags: tags,
          },
        },
      };
    case "function":
      return {
        [own.logicalId]: {
          Type: "AWS::Lambda::Function",
          Properties: {
            FunctionName: r.name,
            Role: input("LambdaRoleArn"),
            Runtime: "nodejs20.x",
            Handler: "index.handler",
            Code: { ZipFile: "exports.handler = async () => ({});" },
            VpcConfig: { SecurityGroupIds: groups, SubnetIds: input("SubnetIds") },
            Tags: tags,
          },
        },
      };
    case "containerService":
      return {
        [own.logicalId]: {
          Type: "AWS::ECS::Service",
          Properties: {
            ServiceName: r.name,
            Cluster: input("EcsCluster"),
            TaskDefinition: input("EcsTaskDefinition"),
            LaunchType: "FARGATE",
            DesiredCount: 1,
            NetworkConfiguration: { AwsvpcConfiguration: { SecurityGroups: groups, Subnets: input("SubnetIds") } },
            Tags: tags,
          },
        },
      };
    case "endpoint":
      return {
        [own.logicalId]: {
          Type: "AWS::EC2::VPCEndpoint",
          Properties: {
            // AWS requires an endpoint's VPC: one the design does not name comes in as VpcId.
            VpcId: r.vpcId ? ref(vpcIds.get(r.vpcId) as string) : input("VpcId"),
            ServiceName: new Intrinsic("Sub", `com.amazonaws.\${AWS::Region}.${r.name.replace(/[^A-Za-z0-9.-]/g, "")}`),
            VpcEndpointType: "Interface",
            SubnetIds: input("SubnetIds"),
            SecurityGroupIds: groups,
            Tags: tags,
          },
        },
      };
  }
}
