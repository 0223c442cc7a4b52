// A packet's path, hop by hop, for an animation: it leaves the source, passes (or not) the
// source's outbound rules and the target's inbound rules, arrives, and the reply returns.
// A blocked packet ends in a timeout where it was dropped: security groups drop silently.
import { resourceEnds } from "../model/interfaces";
import type { Design } from "../model/schema";
import type { Family } from "../net/address";
import { evaluateFlow } from "./evaluate";
import type { DesignIndex } from "./index-design";
import type { FamilyVerdict, FlowQuery, FlowVerdict, RuleRef, SideVerdict } from "./types";

export type HopStage = "leave" | "egress-check" | "ingress-check" | "arrive" | "reply" | "timeout";

export interface Hop {
  /** A node id, or the literal address the query named. */
  at: string;
  stage: HopStage;
  /** The groups checked at this hop (the dropping groups for a timeout). */
  groupIds: string[];
  /** The rule that let the packet pass, where one did. */
  ruleRef?: RuleRef;
  ok: boolean;
  /** One sentence for people. */
  text: string;
}

export interface Simulation {
  query: FlowVerdict["query"];
  permitted: boolean;
  /** The family the packet travels in; absent when the two ends share none. */
  family?: Family;
  hops: Hop[];
  /** Why it passed or where and why it was dropped, from the verdict. */
  reason: string;
  verdict: FlowVerdict;
}

function check(stage: "egress-check" | "ingress-check", at: string, side: SideVerdict): Hop {
  return {
    at,
    stage,
    groupIds: side.groups.map((g) => g.groupId),
    ...(side.matched[0] ? { ruleRef: side.matched[0] } : {}),
    ok: side.allowed,
    text: side.reason,
  };
}

/** Throws InputError for a query evaluateFlow refuses. */
export function simulate(design: Design, query: FlowQuery, prebuilt?: DesignIndex): Simulation {
  const verdict = evaluateFlow(design, query, prebuilt);
  const q = verdict.query;
  const base = { query: q, permitted: verdict.permitted, verdict };
  const nodes = [...resourceEnds(design.resources), ...design.externals];
  const name = (id: string) => nodes.find((n) => n.id === id)?.name || id;
  const [from, to] = [name(q.from), name(q.to)];
  const leave: Hop = { at: q.from, stage: "leave", groupIds: [], ok: true, text: `${from} sends the request.` };
  // The family shown is the one that carries the flow, or the one whose drop the verdict reports.
  const v: FamilyVerdict | undefined = verdict.families.find((f) => f.permitted) ?? verdict.families[0];
  if (!v) {
    const reason = verdict.explanation.split("\n")[0] ?? verdict.explanation;
    return {
      ...base,
      hops: [leave, { at: q.from, stage: "timeout", groupIds: [], ok: false, text: reason }],
      reason,
    };
  }
  const egress = check("egress-check", q.from, v.egress);
  const ingress = check("ingress-check", q.to, v.ingress);
  if (!v.egress.allowed) {
    const timeout: Hop = { at: q.from, stage: "timeout", groupIds: egress.groupIds, ok: false, text: v.egress.reason };
    return { ...base, family: v.family, hops: [leave, egress, timeout], reason: v.egress.reason };
  }
  if (!v.ingress.allowed) {
    const timeout: Hop = { at: q.to, stage: "timeout", groupIds: ingress.groupIds, ok: false, text: v.ingress.reason };
    return { ...base, family: v.family, hops: [leave, egress, ingress, timeout], reason: v.ingress.reason };
  }
  // Stateful: the reply passes both sides' groups without any rule of its own.
  const stateful = "security groups are stateful, so the reply needs no rule";
  const hops: Hop[] = [
    leave,
    egress,
    ingress,
    { at: q.to, stage: "arrive", groupIds: [], ok: true, text: `The request arrives at ${to}.` },
    { at: q.to, stage: "reply", groupIds: ingress.groupIds, ok: true, text: `${to} replies: ${stateful}.` },
    {
      at: q.from,
      stage: "reply",
      groupIds: egress.groupIds,
      ok: true,
      text: `The reply reaches ${from}: ${stateful}.`,
    },
  ];
  return { ...base, family: v.family, hops, reason: `${v.egress.reason} ${v.ingress.reason}` };
}
