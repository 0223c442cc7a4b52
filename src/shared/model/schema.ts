// The design document: what a `*.palisade.json` file holds, validated with zod.
// Types are inferred from the schemas so the file format and the code cannot drift.
import { z } from "zod";
import { cidrProblem, type Family, isIpv4Address, isIpv6Address } from "../net/address";
import { ID_CHARACTERS, ID_MAX, ID_PATTERN } from "./ids";
import { EXTERNAL_KINDS, RESOURCE_KINDS } from "./kinds";
import { normalizeProtocol } from "./protocol";
import { SERVICE_NAMES, serviceKindProblem } from "./services";

export const FORMAT = "palisade";
export const CURRENT_VERSION = 2;

const id = z
  .string()
  .min(1, "must not be empty")
  .max(ID_MAX, `is longer than ${ID_MAX} characters`)
  .regex(ID_PATTERN, `may hold only ${ID_CHARACTERS}`);
const name = z.string().max(255, "is longer than 255 characters");
const description = z.string().max(255, "is longer than 255 characters (AWS's limit)");
const tags = z.record(z.string(), z.string());

function cidrOf(family?: Family) {
  return z.string().superRefine((text, ctx) => {
    const problem = cidrProblem(text, family);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
export const ipv4Cidr = cidrOf(4);
export const ipv6Cidr = cidrOf(6);
export const anyCidr = cidrOf();
const ipv4Address = z.string().refine(isIpv4Address, "is not an IPv4 address such as 10.0.1.5");
const ipv6Address = z.string().refine(isIpv6Address, "is not an IPv6 address such as 2001:db8::5");

/** Canvas position; integers so that diffs of a design stay stable. */
export const Position = z.object({ x: z.number().int(), y: z.number().int() });
export type Position = z.infer<typeof Position>;

/**
 * The protocol of a rule as AWS names it: "tcp", "udp", "icmp", "icmpv6", "-1" (all),
 * or any other IP protocol number as a decimal string ("50" for ESP).
 * Numbers for the named ones ("6", "17", "1", "58") are normalized to the names on load.
 */
export const Protocol = z.union([z.string(), z.number()]).transform((p, ctx) => {
  const canonical = normalizeProtocol(p);
  if (canonical === undefined)
    ctx.addIssue({
      code: "custom",
      message: `${JSON.stringify(p)} is not a protocol: expected tcp, udp, icmp, icmpv6, -1 (all) or a number 0-255`,
    });
  return canonical ?? String(p);
});

/**
 * The VPC peering connection a group reference crosses, as AWS prints it in a UserIdGroupPair
 * (VpcPeeringConnectionId, PeeringStatus). Once the connection is deleted the rule stays, stale,
 * and matches nothing (see peering.ts).
 */
export const VpcPeering = z.object({
  /** pcx-…, where AWS printed it. */
  connectionId: z.string().min(1, "must not be empty").max(64, "is longer than 64 characters").optional(),
  /** AWS's PeeringStatus: active, deleted, … */
  status: z.string().min(1, "must not be empty").max(64, "is longer than 64 characters"),
});
export type VpcPeering = z.infer<typeof VpcPeering>;

/** One peer per rule, as in AWS's IpPermission after it is split per peer. */
export const Peer = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cidr4"), cidr: ipv4Cidr }),
  z.object({ kind: z.literal("cidr6"), cidr: ipv6Cidr }),
  z.object({ kind: z.literal("prefixList"), prefixListId: id }),
  /** A security group: matches its members' private addresses. Itself when groupId is the rule's own group. */
  z.object({ kind: z.literal("group"), groupId: id, peering: VpcPeering.optional() }),
  /**
   * An external party of the design (My IP): the party's CIDRs, read from it, so that its address
   * is entered once and a rule follows it. AWS has no such peer: exports write the CIDRs (as the
   * my_ip variable), see my-ip.ts.
   */
  z.object({ kind: z.literal("external"), externalId: id }),
]);
export type Peer = z.infer<typeof Peer>;

/**
 * A rule exactly as AWS stores it. For tcp/udp, fromPort..toPort is the port range.
 * For icmp/icmpv6, fromPort is the ICMP type and toPort the ICMP code (-1 = any), AWS's own
 * convention. For "-1" and other protocol numbers, ports are absent: they do not apply.
 */
export const Rule = z
  .object({
    id: id,
    protocol: Protocol,
    fromPort: z.number().int().min(-1).max(65535).optional(),
    toPort: z.number().int().min(-1).max(65535).optional(),
    peer: Peer,
    description: description.optional(),
  })
  .superRefine((rule, ctx) => {
    const { protocol, fromPort, toPort } = rule;
    if (protocol === "tcp" || protocol === "udp") {
      if (fromPort === undefined || toPort === undefined) {
        ctx.addIssue({
          code: "custom",
          message: `${protocol} needs fromPort and toPort (0-65535)`,
          path: [fromPort === undefined ? "fromPort" : "toPort"],
        });
        return;
      }
      if (fromPort < 0) ctx.addIssue({ code: "custom", message: "port must be 0-65535", path: ["fromPort"] });
      if (toPort < 0) ctx.addIssue({ code: "custom", message: "port must be 0-65535", path: ["toPort"] });
      if (fromPort > toPort)
        ctx.addIssue({
          code: "custom",
          message: `reversed port range ${fromPort}-${toPort}: fromPort must not exceed toPort`,
          path: ["toPort"],
        });
    } else if (protocol === "icmp" || protocol === "icmpv6") {
      if (fromPort !== undefined && fromPort > 255)
        ctx.addIssue({ code: "custom", message: "ICMP type must be -1 (any) or 0-255", path: ["fromPort"] });
      if (toPort !== undefined && toPort > 255)
        ctx.addIssue({ code: "custom", message: "ICMP code must be -1 (any) or 0-255", path: ["toPort"] });
      if (fromPort === -1 && toPort !== undefined && toPort !== -1)
        ctx.addIssue({ code: "custom", message: "an ICMP code needs a specific ICMP type", path: ["toPort"] });
    }
    const family = rule.peer.kind === "cidr4" ? 4 : rule.peer.kind === "cidr6" ? 6 : undefined;
    if (protocol === "icmp" && family === 6)
      ctx.addIssue({
        code: "custom",
        message: "icmp (IPv4) cannot have an IPv6 CIDR peer; use icmpv6",
        path: ["protocol"],
      });
    if (protocol === "icmpv6" && family === 4)
      ctx.addIssue({ code: "custom", message: "icmpv6 cannot have an IPv4 CIDR peer; use icmp", path: ["protocol"] });
  });
export type Rule = z.infer<typeof Rule>;

export const ACCOUNT_ID = /^\d{12}$/;
export const GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

/**
 * Where a group of another AWS account lives (AWS's UserIdGroupPair): the design keeps such a
 * group as a placeholder that rules name as their peer (see other-account.ts).
 */
export const OtherAccountGroup = z.object({
  /** The 12-digit AWS account id. */
  account: z.string().regex(ACCOUNT_ID, "is not a 12-digit AWS account id"),
  /** The group's id in that account (sg-…). */
  groupId: z.string().regex(GROUP_ID, "is not a security group id such as sg-0123456789abcdef0"),
});
export type OtherAccountGroup = z.infer<typeof OtherAccountGroup>;

export const SecurityGroup = z.object({
  id: id,
  name: name.min(1, "must not be empty"),
  description: description,
  vpcId: id.optional(),
  ingress: z.array(Rule),
  egress: z.array(Rule),
  tags: tags.optional(),
  /** A VPC's default group (its own members may talk to each other). */
  isDefault: z.boolean().optional(),
  /** Set on the placeholder of another account's group: that account owns its members and rules. */
  otherAccount: OtherAccountGroup.optional(),
  /**
   * Set on the cluster security group EKS creates for a cluster (the id of the cluster's
   * resource): no template declares it, so exports refer to the cluster's attribute instead.
   * Not a checked reference: once the cluster is deleted from the design, it is a group like any other.
   */
  eksCluster: id.optional(),
  position: Position.optional(),
});
export type SecurityGroup = z.infer<typeof SecurityGroup>;

export const PrefixList = z.object({
  id: id,
  name: name,
  addressFamily: z.enum(["IPv4", "IPv6"]),
  /** Counts against the rule quota of every group that references it (AWS's rule). */
  maxEntries: z.number().int().min(1).max(1000),
  entries: z.array(z.object({ cidr: anyCidr, description: description.optional() })),
});
export type PrefixList = z.infer<typeof PrefixList>;

export const Vpc = z.object({
  id: id,
  name: name,
  cidrIpv4: ipv4Cidr.optional(),
  cidrIpv6: ipv6Cidr.optional(),
});
export type Vpc = z.infer<typeof Vpc>;

export { EXTERNAL_KINDS, type ExternalKind, RESOURCE_KINDS, type ResourceKind } from "./kinds";

/**
 * How many instances (or tasks) one node stands for: an Auto Scaling group's sizes, an ECS
 * service's desired count. Flows are the same for one or for all of them.
 */
export const Capacity = z.object({
  desired: z.number().int().min(0).optional(),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
});
export type Capacity = z.infer<typeof Capacity>;

/**
 * A further network interface of a resource (AWS attaches groups to interfaces, not to
 * instances): its own groups and addresses. The resource's own fields are its primary interface
 * (eth0); this is eth<deviceIndex>, an end of flows of its own, named "<resource>/eth<n>".
 */
export const NetworkInterface = z.object({
  /** The interface's id (eni-… when imported); `check` takes it as an end too. */
  id: id,
  /** AWS's DeviceIndex: 1 for eth1, and so on (0 is the resource's own fields). */
  deviceIndex: z.number().int().min(1, "device index 0 is the resource's own interface").max(31),
  description: description.optional(),
  privateIpv4: ipv4Address.optional(),
  ipv6: ipv6Address.optional(),
  publicIpv4: ipv4Address.optional(),
  groupIds: z.array(id),
});
export type NetworkInterface = z.infer<typeof NetworkInterface>;

/** Something inside a VPC with a network interface that security groups sit on. */
const ResourceFields = z.object({
  id: id,
  kind: z.enum(RESOURCE_KINDS),
  /** The AWS resource behind it where the kind has several (see services.ts); absent: the kind's default. */
  service: z.enum(SERVICE_NAMES).optional(),
  capacity: Capacity.optional(),
  name: name,
  vpcId: id.optional(),
  /** Unknown in a sketch: it then has *some* private IPv4 (inside its VPC's CIDR when that is known). */
  privateIpv4: ipv4Address.optional(),
  ipv6: ipv6Address.optional(),
  publicIpv4: ipv4Address.optional(),
  groupIds: z.array(id),
  /** Interfaces beside the primary one, each with its own groups and addresses. */
  interfaces: z.array(NetworkInterface).optional(),
  tags: tags.optional(),
  position: Position,
});
export const Resource = ResourceFields.superRefine((r, ctx) => {
  const problem = r.service && serviceKindProblem(r.kind, r.service);
  if (problem) ctx.addIssue({ code: "custom", path: ["service"], message: problem });
});
export type Resource = z.infer<typeof Resource>;

/** A party outside AWS: it has no groups, so only the AWS side filters. */
export const External = z.object({
  id: id,
  kind: z.enum(EXTERNAL_KINDS),
  name: name,
  /** The addresses it stands for: Internet = 0.0.0.0/0 and ::/0, my IP = a /32, an office = its range. */
  cidrs: z.array(anyCidr).min(1, "an external party needs at least one CIDR"),
  position: Position,
  /** palisade:placeholder marks a range a file names without a value (var.admin_cidr), see unknowns.ts. */
  tags: tags.optional(),
});
export type External = z.infer<typeof External>;

export type DesignNode = Resource | External;

/** A connection the architect wants: checked by the engine, saved with the design, exported nowhere. */
export const Intent = z.object({
  id: id,
  from: id,
  to: id,
  protocol: Protocol,
  port: z.number().int().min(0).max(65535).optional(),
  description: description.optional(),
});
export type Intent = z.infer<typeof Intent>;

const DesignFields = z.object({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: name,
  description: z.string().optional(),
  vpcs: z.array(Vpc),
  resources: z.array(Resource),
  externals: z.array(External),
  groups: z.array(SecurityGroup),
  prefixLists: z.array(PrefixList),
  intents: z.array(Intent),
});

export const Design = DesignFields
  // Unknown top-level fields are kept on round trip: a newer tool's additions survive an edit here.
  .passthrough()
  .superRefine((design, ctx) => {
    for (const { path, message } of referenceIssues(design)) ctx.addIssue({ code: "custom", path, message });
  });

/**
 * What the fields alone cannot say: ids unique across the design, and every reference (VPC,
 * group, prefix list, intent end) naming something that exists. Checked on every parse, and on
 * its own when a design is built from an edit (src/shared/model/patch.ts).
 */
export function referenceIssues(
  design: Pick<
    z.output<typeof DesignFields>,
    "vpcs" | "resources" | "externals" | "groups" | "prefixLists" | "intents"
  >,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  const seen = new Map<string, string>();
  const unique = (what: string, items: readonly { id: string }[]) =>
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first) issue([what, i, "id"], `id "${item.id}" is already used by ${first}`);
      else seen.set(item.id, `${what}[${i}]`);
    });
  unique("vpcs", design.vpcs);
  unique("resources", design.resources);
  unique("externals", design.externals);
  unique("groups", design.groups);
  unique("prefixLists", design.prefixLists);
  const vpcs = new Set(design.vpcs.map((v) => v.id));
  const groups = new Set(design.groups.map((g) => g.id));
  const prefixLists = new Set(design.prefixLists.map((p) => p.id));
  const nodes = new Set([...design.resources, ...design.externals].map((n) => n.id));
  const externals = new Map(design.externals.map((e) => [e.id, e]));
  design.resources.forEach((r, i) => {
    if (r.vpcId && !vpcs.has(r.vpcId)) issue(["resources", i, "vpcId"], `no VPC has id "${r.vpcId}"`);
    r.groupIds.forEach((g, j) => {
      if (!groups.has(g)) issue(["resources", i, "groupIds", j], `no security group has id "${g}"`);
      else if (r.groupIds.indexOf(g) !== j) issue(["resources", i, "groupIds", j], `group "${g}" is attached twice`);
    });
    r.interfaces?.forEach((eni, k) => {
      const at = ["resources", i, "interfaces", k];
      const first = seen.get(eni.id);
      if (first) issue([...at, "id"], `id "${eni.id}" is already used by ${first}`);
      else seen.set(eni.id, `resources[${i}].interfaces[${k}]`);
      if (r.interfaces?.findIndex((x) => x.deviceIndex === eni.deviceIndex) !== k)
        issue([...at, "deviceIndex"], `device index ${eni.deviceIndex} is taken by another interface of "${r.id}"`);
      eni.groupIds.forEach((g, j) => {
        if (!groups.has(g)) issue([...at, "groupIds", j], `no security group has id "${g}"`);
        else if (eni.groupIds.indexOf(g) !== j) issue([...at, "groupIds", j], `group "${g}" is attached twice`);
      });
    });
  });
  design.groups.forEach((g, i) => {
    if (g.vpcId && !vpcs.has(g.vpcId)) issue(["groups", i, "vpcId"], `no VPC has id "${g.vpcId}"`);
    for (const direction of ["ingress", "egress"] as const)
      g[direction].forEach((rule, j) => {
        const at = ["groups", i, direction, j, "peer"];
        if (rule.peer.kind === "group" && !groups.has(rule.peer.groupId))
          issue([...at, "groupId"], `no security group has id "${rule.peer.groupId}"`);
        if (rule.peer.kind === "prefixList" && !prefixLists.has(rule.peer.prefixListId))
          issue([...at, "prefixListId"], `no prefix list has id "${rule.peer.prefixListId}"`);
        if (rule.peer.kind === "external") {
          const party = externals.get(rule.peer.externalId);
          if (!party) issue([...at, "externalId"], `no external party has id "${rule.peer.externalId}"`);
          // A rule is for one address family, as AWS's are.
          else if (new Set(party.cidrs.map((c) => c.includes(":"))).size > 1)
            issue(
              [...at, "externalId"],
              `${party.name}'s addresses mix IPv4 and IPv6: a rule can refer only to a party of one family`,
            );
        }
      });
  });
  design.prefixLists.forEach((pl, i) => {
    const family = pl.addressFamily === "IPv4" ? 4 : 6;
    pl.entries.forEach((e, j) => {
      const problem = cidrProblem(e.cidr, family);
      if (problem) issue(["prefixLists", i, "entries", j, "cidr"], problem);
    });
    if (pl.entries.length > pl.maxEntries)
      issue(["prefixLists", i, "entries"], `${pl.entries.length} entries exceed maxEntries ${pl.maxEntries}`);
  });
  design.intents.forEach((intent, i) => {
    if (!nodes.has(intent.from)) issue(["intents", i, "from"], `no node has id "${intent.from}"`);
    if (!nodes.has(intent.to)) issue(["intents", i, "to"], `no node has id "${intent.to}"`);
  });
  return issues;
}

export type Design = z.infer<typeof Design>;
