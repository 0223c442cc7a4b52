// The tightest change that makes an intent hold. Every option (a rule on the target's ingress,
// on the source's egress, or both, with each choice of group and peer) is applied and scored by
// how many node pairs it opens that were closed; the fewest wins, and among equals a group
// reference beats a CIDR and fewer rules beat more.

import { usedIds } from "../../model/ids";
import { InputError } from "../../model/problems";
import type { Design, Intent } from "../../model/schema";
import { indexDesign } from "../index-design";
import { type SideOption, sideOptions } from "./candidates";
import { applyChanges, type Change, describeChanges } from "./changes";
import { intentHolds } from "./intents";
import { openingCounter } from "./opening";
import { newRisks } from "./risks";

export interface FixAlternative {
  changes: Change[];
  diff: string[];
  /** What else the change opens, plainly: "nothing else changes", or the pairs it also opens. */
  effect: string;
  /** Node pairs with a permitted flow after the change that had none before (the intended one included). */
  newPairs: number;
  /** Node pairs that had a flow before and carry more traffic after. */
  widenedPairs: number;
}

export interface FixProposal extends FixAlternative {
  /** What the fix does, plainly: "Opens web to the Internet on tcp 443". */
  headline: string;
  /** The headline and the effect of the engine's choice, as one sentence. */
  summary: string;
  /** The design with the changes applied. */
  design: Design;
  /** What the change makes risky, from the findings (a port open to the Internet, a quota exceeded). */
  warnings: string[];
  /** Other changes that also work, tightest first (at most three), for people who prefer them. */
  alternatives: FixAlternative[];
}

function traffic(intent: Intent): string {
  if (intent.protocol === "-1") return "all traffic";
  if (intent.protocol === "tcp" || intent.protocol === "udp") return `${intent.protocol} ${intent.port}`;
  if (intent.protocol === "icmp" || intent.protocol === "icmpv6") return `${intent.protocol} echo`;
  return `protocol ${intent.protocol}`;
}

interface Scored {
  changes: Change[];
  newPairs: number;
  widenedPairs: number;
  /** Tiebreaks, compared in order: fewer changes, fewer CIDR peers, the order options were listed in. */
  rank: number[];
}

const pairs = (n: number) => `${n} other pair${n === 1 ? "" : "s"} of nodes`;

/**
 * The rest of what a change opens, beyond the intended pair (one of the pairs opened, or widened
 * when the two already talked on other traffic).
 */
function effectOf(s: { newPairs: number; widenedPairs: number }): string {
  const opened = s.newPairs > 0 ? s.newPairs - 1 : 0;
  const widened = s.newPairs > 0 ? s.widenedPairs : Math.max(0, s.widenedPairs - 1);
  if (opened === 0 && widened === 0) return "nothing else changes";
  const parts = [
    opened > 0 ? `it also lets ${pairs(opened)} talk that could not before` : "",
    widened > 0 ? `${pairs(widened)} that already talked now carry more traffic` : "",
  ];
  return parts.filter(Boolean).join("; ");
}

function byRank(x: Scored, y: Scored): number {
  if (x.newPairs !== y.newPairs) return x.newPairs - y.newPairs;
  if (x.widenedPairs !== y.widenedPairs) return x.widenedPairs - y.widenedPairs;
  for (let k = 0; k < x.rank.length; k++) if (x.rank[k] !== y.rank[k]) return (x.rank[k] ?? 0) - (y.rank[k] ?? 0);
  return 0;
}

/** Throws InputError for an intent the engine cannot evaluate (unknown node, no port, two outside parties). */
export function proposeFix(design: Design, intent: Intent): FixProposal {
  const index = indexDesign(design);
  const holds = intentHolds(design, intent, index);
  const source = index.nodes.get(intent.from);
  const target = index.nodes.get(intent.to);
  if (!source || !target) throw new InputError([{ message: `no node has id "${intent.from}"`, severity: "error" }]);
  const what = `${source.name} -> ${target.name} on ${traffic(intent)}`;
  // Said of the target where it is the one inside AWS that is opened, else of the source.
  const headline = target.isResource
    ? `Opens ${target.name} to ${source.name} on ${traffic(intent)}`
    : `Lets ${source.name} reach ${target.name} on ${traffic(intent)}`;
  if (holds)
    return {
      changes: [],
      diff: [],
      effect: "nothing changes",
      newPairs: 0,
      widenedPairs: 0,
      alternatives: [],
      warnings: [],
      design,
      headline: `${what} already holds`,
      summary: `${what} already holds.`,
    };
  const taken = usedIds(design);
  const none: SideOption = { changes: [], peerKind: "group" };
  const ingress = target.isResource ? [none, ...sideOptions(design, target, source, "ingress", intent, taken)] : [none];
  const egress = source.isResource ? [none, ...sideOptions(design, source, target, "egress", intent, taken)] : [none];
  const weigh = openingCounter(design, intent, index);
  const scored: Scored[] = [];
  const alone = new Set<string>();
  for (const [a, i] of ingress.entries())
    for (const [b, e] of egress.entries()) {
      const changes = [...i.changes, ...e.changes];
      if (changes.length === 0) continue;
      // A side's rule is useless when the other side's rule alone already makes the intent hold.
      if (alone.has(`i${a}`) || alone.has(`e${b}`)) continue;
      const { holds: works, newPairs, widenedPairs } = weigh(changes);
      if (!works) continue;
      if (a === 0) alone.add(`e${b}`);
      if (b === 0) alone.add(`i${a}`);
      const cidrs = (i.peerKind === "cidr" ? 1 : 0) + (e.peerKind === "cidr" ? 1 : 0);
      scored.push({ changes, newPairs, widenedPairs, rank: [changes.length, cidrs, a, b] });
    }
  scored.sort(byRank);
  const best = scored[0];
  if (!best)
    throw new InputError([
      {
        message: `no rule can make ${what} hold: ${source.name} and ${target.name} share no address family this traffic can use`,
        severity: "error",
      },
    ]);
  const alternative = (s: Scored): FixAlternative => ({
    changes: s.changes,
    diff: describeChanges(design, s.changes),
    effect: effectOf(s),
    newPairs: s.newPairs,
    widenedPairs: s.widenedPairs,
  });
  const chosen = alternative(best);
  const summary = `${headline}; ${chosen.effect}.`;
  const after = applyChanges(design, best.changes);
  return {
    ...chosen,
    headline,
    summary,
    warnings: newRisks(design, after, best.changes),
    design: after,
    alternatives: scored.slice(1, 4).map(alternative),
  };
}
