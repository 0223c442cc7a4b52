// The JSON that `aws ec2 describe-*` prints, as far as Palisade reads it. Objects are loose:
// AWS adds fields over time and the CLI's output carries many we do not need, so unknown ones pass.
import { z } from "zod";

const Tag = z.looseObject({ Key: z.string(), Value: z.string() });
const Tags = z.array(Tag).optional();

const IpRange = z.looseObject({ CidrIp: z.string(), Description: z.string().optional() });
const Ipv6Range = z.looseObject({ CidrIpv6: z.string(), Description: z.string().optional() });
const PrefixListId = z.looseObject({ PrefixListId: z.string(), Description: z.string().optional() });
const UserIdGroupPair = z.looseObject({
  GroupId: z.string().optional(),
  GroupName: z.string().optional(),
  UserId: z.string().optional(),
  VpcId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  /** active, deleted …: a pair across a deleted peering is a stale rule that matches nothing. */
  PeeringStatus: z.string().optional(),
  Description: z.string().optional(),
});

/** One IpPermission: a protocol and port range with any number of peers of four kinds. */
export const IpPermission = z.looseObject({
  IpProtocol: z.union([z.string(), z.number()]),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  IpRanges: z.array(IpRange).optional(),
  Ipv6Ranges: z.array(Ipv6Range).optional(),
  PrefixListIds: z.array(PrefixListId).optional(),
  UserIdGroupPairs: z.array(UserIdGroupPair).optional(),
});
export type IpPermission = z.infer<typeof IpPermission>;

export const AwsSecurityGroup = z.looseObject({
  GroupId: z.string(),
  GroupName: z.string(),
  Description: z.string().optional(),
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  IpPermissions: z.array(IpPermission).optional(),
  IpPermissionsEgress: z.array(IpPermission).optional(),
  Tags: Tags,
});
export type AwsSecurityGroup = z.infer<typeof AwsSecurityGroup>;

const GroupIdentifier = z.looseObject({ GroupId: z.string(), GroupName: z.string().optional() });
const Ipv6Address = z.looseObject({ Ipv6Address: z.string() });

/** One of an instance's interfaces as describe-instances prints it: its own groups and addresses. */
export const AwsInstanceInterface = z.looseObject({
  NetworkInterfaceId: z.string().optional(),
  Description: z.string().optional(),
  Groups: z.array(GroupIdentifier).optional(),
  Ipv6Addresses: z.array(Ipv6Address).optional(),
  PrivateIpAddress: z.string().optional(),
  Association: z.looseObject({ PublicIp: z.string().optional() }).optional(),
  Attachment: z.looseObject({ DeviceIndex: z.number().int().optional() }).optional(),
});
export type AwsInstanceInterface = z.infer<typeof AwsInstanceInterface>;

export const AwsInstance = z.looseObject({
  InstanceId: z.string(),
  PrivateIpAddress: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  VpcId: z.string().optional(),
  SecurityGroups: z.array(GroupIdentifier).optional(),
  NetworkInterfaces: z.array(AwsInstanceInterface).optional(),
  State: z.looseObject({ Name: z.string() }).optional(),
  Tags: Tags,
});
export type AwsInstance = z.infer<typeof AwsInstance>;

export const AwsNetworkInterface = z.looseObject({
  NetworkInterfaceId: z.string(),
  Description: z.string().optional(),
  InterfaceType: z.string().optional(),
  RequesterId: z.string().optional(),
  RequesterManaged: z.boolean().optional(),
  VpcId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  Ipv6Addresses: z.array(Ipv6Address).optional(),
  Association: z.looseObject({ PublicIp: z.string().optional() }).optional(),
  // DeviceIndex 0 is the instance's primary interface (eth0); managed interfaces print one too.
  Attachment: z.looseObject({ InstanceId: z.string().optional(), DeviceIndex: z.number().int().optional() }).optional(),
  Groups: z.array(GroupIdentifier).optional(),
  TagSet: Tags,
});
export type AwsNetworkInterface = z.infer<typeof AwsNetworkInterface>;

export const AwsPrefixList = z.looseObject({
  PrefixListId: z.string(),
  PrefixListName: z.string().optional(),
  AddressFamily: z.enum(["IPv4", "IPv6"]),
  // AWS-managed lists (com.amazonaws.*) print no MaxEntries.
  MaxEntries: z.number().int().positive().optional(),
  Tags: Tags,
});
export type AwsPrefixList = z.infer<typeof AwsPrefixList>;

export const AwsPrefixListEntry = z.looseObject({ Cidr: z.string(), Description: z.string().optional() });
export type AwsPrefixListEntry = z.infer<typeof AwsPrefixListEntry>;

export const AwsVpc = z.looseObject({
  VpcId: z.string(),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlockAssociationSet: z.array(z.looseObject({ Ipv6CidrBlock: z.string().optional() })).optional(),
  IsDefault: z.boolean().optional(),
  Tags: Tags,
});
export type AwsVpc = z.infer<typeof AwsVpc>;

/** One rule as describe-security-group-rules prints it: one peer, with its group's id. */
export const AwsSecurityGroupRule = z.looseObject({
  SecurityGroupRuleId: z.string().optional(),
  GroupId: z.string(),
  GroupOwnerId: z.string().optional(),
  IsEgress: z.boolean(),
  IpProtocol: z.union([z.string(), z.number()]),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  CidrIpv4: z.string().optional(),
  CidrIpv6: z.string().optional(),
  PrefixListId: z.string().optional(),
  ReferencedGroupInfo: z
    .looseObject({
      GroupId: z.string().optional(),
      UserId: z.string().optional(),
      VpcId: z.string().optional(),
      VpcPeeringConnectionId: z.string().optional(),
      PeeringStatus: z.string().optional(),
    })
    .optional(),
  Description: z.string().optional(),
});
export type AwsSecurityGroupRule = z.infer<typeof AwsSecurityGroupRule>;

/** The top-level key of each command's output, with the shape of its list. */
export const OUTPUTS = {
  SecurityGroups: z.array(AwsSecurityGroup),
  SecurityGroupRules: z.array(AwsSecurityGroupRule),
  Reservations: z.array(z.looseObject({ Instances: z.array(AwsInstance) })),
  NetworkInterfaces: z.array(AwsNetworkInterface),
  PrefixLists: z.array(AwsPrefixList),
  Entries: z.array(AwsPrefixListEntry),
  Vpcs: z.array(AwsVpc),
} as const;
export type OutputKey = keyof typeof OUTPUTS;
export const OUTPUT_KEYS = Object.keys(OUTPUTS) as OutputKey[];

/** The value of the Name tag, where there is one. */
export function nameTag(tags: { Key: string; Value: string }[] | undefined): string | undefined {
  const value = tags?.find((t) => t.Key === "Name")?.Value.trim();
  return value ? value : undefined;
}

export function tagRecord(tags: { Key: string; Value: string }[] | undefined): Record<string, string> | undefined {
  if (!tags || tags.length === 0) return undefined;
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
}
