// What the engine answers: verdicts with explanations, permitted flows, findings. Plain data
// only, so that the same values cross IPC, print in the CLI and serialize to --json.
import type { Direction } from "../model/direction";
import type { FlowQuery } from "../model/flow-query";
import type { Family } from "../net/address";

/** A question: can `from` reach `to` with this traffic? Declared with its schema in the model. */
export type { FlowQuery };

/** A rule, pointed at precisely and described in words. */
export interface RuleRef {
  groupId: string;
  groupName: string;
  direction: Direction;
  /** Index in the group's ingress or egress list. */
  index: number;
  ruleId: string;
  /** e.g. "tcp 443 from 0.0.0.0/0", "all traffic to app". */
  text: string;
}

export type MissReason =
  | "protocol" // the rule is for another protocol
  | "port" // right protocol, port (or ICMP type/code) outside the rule's range
  | "family" // IPv4 rule, IPv6 traffic or the reverse
  | "peer"; // the rule's peer does not cover the other side's address or group

export interface RuleMiss {
  rule: RuleRef;
  reason: MissReason;
  /** e.g. "port 22 is outside 80-80", "203.0.113.0/24 does not cover the Internet (0.0.0.0/0)". */
  detail: string;
}

/** The verdict of one side: the source's egress or the target's ingress. */
export interface SideVerdict {
  side: "egress" | "ingress";
  /** The node on this side, when it is a node. */
  nodeId?: string;
  /** False for parties outside AWS (no groups filter them): they always pass. */
  filtered: boolean;
  allowed: boolean;
  /** The rules that allow the traffic (several when only together they cover the address). */
  matched: RuleRef[];
  /** Every group on the interface, in order, with what was checked. */
  groups: { groupId: string; groupName: string; ruleCount: number }[];
  /** Rules of the right direction that did not match, with why; the closest misses first. */
  misses: RuleMiss[];
  /** One sentence for people. */
  reason: string;
}

/** The verdict for one address family. */
export interface FamilyVerdict {
  family: Family;
  permitted: boolean;
  /** The addresses each side is seen with, in words: "10.0.1.5 (app's private IPv4)". */
  sourceAddress: string;
  targetAddress: string;
  egress: SideVerdict;
  ingress: SideVerdict;
}

export interface FlowVerdict {
  query: Required<Pick<FlowQuery, "from" | "to" | "protocol">> & Omit<FlowQuery, "from" | "to" | "protocol">;
  permitted: boolean;
  /** Family verdicts considered: both when neither side is a literal address, in 4-then-6 order. */
  families: FamilyVerdict[];
  /** Set when security groups never filter this traffic (Amazon DNS, metadata, ...): what the target is. */
  unfiltered?: string;
  /** Where a blocked flow is dropped (the client sees a timeout there); absent when permitted. */
  droppedAt?: { side: "egress" | "ingress"; nodeId?: string; groupIds: string[] };
  /** A paragraph for people: verdict, the rule that allows it or the side that drops it and why. */
  explanation: string;
  /** Always true for a permitted flow: replies return whatever the rules say (groups are stateful). */
  repliesReturn: boolean;
}

/**
 * A set of traffic: for each protocol, what is allowed. Ports are inclusive ranges; for ICMP,
 * `icmp` lists [type, code] pairs where -1 means any. `all` = every protocol and port.
 */
export interface Service {
  protocol: string;
  /** tcp/udp: inclusive port range. */
  fromPort?: number;
  toPort?: number;
  /** icmp/icmpv6: type and code, -1 = any. */
  icmpType?: number;
  icmpCode?: number;
}

/** One directed edge: every permitted service from one node to another, in both families. */
export interface FlowEdge {
  /** `${from}->${to}` */
  id: string;
  from: string;
  to: string;
  /** Over either family: sorted, merged, non-overlapping. A single { protocol: "-1" } is all traffic. */
  services: Service[];
  /** What passes over each family; a family is absent when nothing passes over it. */
  byFamily: { ipv4?: Service[]; ipv6?: Service[] };
  families: Family[];
  /** "tcp 80, 443", "all traffic", "tcp 5432; icmp echo", "tcp 22 (IPv4 only)", "IPv4: tcp 22, 80; IPv6: tcp 80" */
  label: string;
  /** How exposed the target is by this edge, for styling. */
  exposure: "internet" | "external" | "internal" | "sameGroup";
}

export type Severity = "critical" | "high" | "medium" | "low" | "info";

/** A risky or broken part of a design. */
export interface Finding {
  /** Stable rule id, e.g. "ssh-open-to-world". */
  code: string;
  severity: Severity;
  title: string;
  message: string;
  /** Where it is: a group and rule, a node, or the design as a whole. */
  groupId?: string;
  direction?: Direction;
  ruleIndex?: number;
  nodeId?: string;
  intentId?: string;
}

/** Flows aggregated to security-group level (group-flows.ts), and a memberless group's own rules (rules-only.ts). */
export interface GroupFlow {
  /** `${from}->${to}`; ends are group ids, or node ids for outside parties and groupless resources. */
  id: string;
  from: string;
  to: string;
  fromKind: "group" | "node";
  toKind: "group" | "node";
  services: Service[];
  label: string;
  /** How many ordered node pairs this edge stands for (0 for rules only). */
  pairs: number;
  /**
   * What the rules of a group that no resource carries open, one-sided (rules-only.ts): no member
   * stands behind it yet, and the other side's rules are not weighed.
   */
  rulesOnly?: true;
}
