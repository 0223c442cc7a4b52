// The rules a fix may add on one side of a flow: for each of the side's groups (or a group made
// for a node that has none), a rule for the intent's traffic with one choice of peer.
import type { Direction } from "../../model/direction";
import { freshId } from "../../model/ids";
import type { Design, Intent, Peer, Rule, SecurityGroup } from "../../model/schema";
import type { Family } from "../../net/address";
import type { IndexedNode } from "../index-design";
import type { Change } from "./changes";
import { narrowestCidr } from "./cidr";

export interface SideOption {
  changes: Change[];
  /** Group references read better and survive re-addressing: preferred when equally tight. */
  peerKind: "group" | "cidr";
}

/** The traffic a rule needs for the intent, and nothing more: one port, one ICMP type and code. */
export function ruleTraffic(intent: Intent): Pick<Rule, "protocol" | "fromPort" | "toPort"> {
  const p = intent.protocol;
  if (p === "tcp" || p === "udp") return { protocol: p, fromPort: intent.port, toPort: intent.port };
  // An ICMP intent asks what evaluateFlow asks by default: an echo request, code 0.
  if (p === "icmp") return { protocol: p, fromPort: 8, toPort: 0 };
  if (p === "icmpv6") return { protocol: p, fromPort: 128, toPort: 0 };
  return { protocol: p };
}

function familiesOf(protocol: string): Family[] {
  return protocol === "icmp" ? [4] : protocol === "icmpv6" ? [6] : [4, 6];
}

/**
 * Peers that match the other side, tightest first within each kind: its groups, then per family
 * the narrowest CIDR holding its address (a /32 or /128 when stated). An external party is matched
 * by exactly its own CIDRs of one family, which may take several rules.
 */
export function peerChoices(other: IndexedNode, protocol: string): { peers: Peer[]; kind: "group" | "cidr" }[] {
  const out: { peers: Peer[]; kind: "group" | "cidr" }[] = [];
  if (other.isResource)
    for (const g of other.groups) out.push({ peers: [{ kind: "group", groupId: g.id }], kind: "group" });
  for (const family of familiesOf(protocol)) {
    const set = other.addresses[family];
    if (!set) continue;
    const cidrs = other.isResource
      ? set.ranges.map(narrowestCidr)
      : (other.node as { cidrs: string[] }).cidrs.filter((c) => c.includes(":") === (family === 6));
    const kind = family === 4 ? "cidr4" : "cidr6";
    out.push({ peers: [...new Set(cidrs)].map((cidr) => ({ kind, cidr })), kind: "cidr" });
  }
  return out;
}

/** AWS's outbound rules of a new group: all traffic anywhere, over IPv6 too where the VPC has it. */
function defaultEgress(groupId: string, ipv6: boolean, taken: Set<string>): Rule[] {
  const v4: Rule = {
    id: freshId(`${groupId}-egress-all-v4`, taken),
    protocol: "-1",
    peer: { kind: "cidr4", cidr: "0.0.0.0/0" },
  };
  if (!ipv6) return [v4];
  return [
    v4,
    { id: freshId(`${groupId}-egress-all-v6`, taken), protocol: "-1", peer: { kind: "cidr6", cidr: "::/0" } },
  ];
}

/**
 * Options for one side: every group of the node (or one new group for a node with none) times
 * every peer choice for the other side.
 */
export function sideOptions(
  design: Design,
  node: IndexedNode,
  other: IndexedNode,
  direction: Direction,
  intent: Intent,
  taken: Set<string>,
): SideOption[] {
  const setup: Change[] = [];
  const out: SideOption[] = [];
  let groups: string[] = node.groups.map((g) => g.id);
  if (groups.length === 0) {
    // AWS requires a group on every interface. A group the fix creates is created as AWS creates
    // any new group: no inbound rules, all outbound traffic to 0.0.0.0/0 (and ::/0 in a VPC with
    // IPv6), so it is the same group the user would get from the console.
    const name = node.name || node.id;
    const vpcId = (node.node as { vpcId?: string }).vpcId;
    const id = freshId(`sg-${node.id}`, taken);
    const group: SecurityGroup = {
      id,
      name,
      description: `Security group for ${name}`.slice(0, 255),
      ...(vpcId ? { vpcId } : {}),
      ingress: [],
      egress: defaultEgress(id, design.vpcs.find((v) => v.id === vpcId)?.cidrIpv6 !== undefined, taken),
    };
    setup.push({ kind: "createGroup", group }, { kind: "attachGroup", nodeId: node.id, groupId: group.id });
    groups = [group.id];
    // Its default egress already lets the flow out: the group alone is an option for that side.
    if (direction === "egress") out.push({ changes: [...setup], peerKind: "group" });
  }
  const traffic = ruleTraffic(intent);
  for (const choice of peerChoices(other, intent.protocol))
    for (const groupId of groups) {
      // Options are alternatives: each draws its rule ids from the same pool.
      const ids = new Set(taken);
      const rules: Change[] = choice.peers.map((peer) => ({
        kind: "addRule",
        groupId,
        direction,
        rule: {
          id: freshId(`${groupId}-${direction}-${intent.id}`, ids),
          ...traffic,
          peer,
          description: `For intent ${intent.id}`.slice(0, 255),
        },
      }));
      out.push({ changes: [...setup, ...rules], peerKind: choice.kind });
    }
  return out;
}
