// Flows opened and closed between two versions of a design, per node pair and per service:
// what `palisade diff` prints and what the editor shows before a change is applied.
import type { Family } from "../../net/address";
import { isEmpty, label, type ServiceSet, toServices } from "../services";
import type { FlowEdge, Service } from "../types";
import { type Difference, setOf, subtract } from "./subtract";

export interface FlowChange {
  from: string;
  to: string;
  /** The traffic before (absent: no flow) and after (absent: no flow), as the edges label it. */
  before?: string;
  after?: string;
  /** Traffic newly permitted, by family, and in words ("tcp 22", "tcp 80 (IPv6)"). */
  gained: { ipv4?: Service[]; ipv6?: Service[]; label: string };
  /** Traffic no longer permitted, likewise. */
  lost: { ipv4?: Service[]; ipv6?: Service[]; label: string };
}

export interface FlowDiff {
  /** Pairs with no flow before and one after. */
  opened: FlowChange[];
  /** Pairs with a flow before and none after. */
  closed: FlowChange[];
  /** Pairs whose traffic widened, narrowed or moved between families. */
  changed: FlowChange[];
}

function words(d: Difference): string {
  return d.except ? `all traffic except ${label(d.except)}` : label(d.set);
}

function delta(a: FlowEdge | undefined, b: FlowEdge | undefined): FlowChange["gained"] {
  const part = (family: Family) => {
    const key = family === 4 ? "ipv4" : "ipv6";
    return subtract(setOf(b?.byFamily[key]), setOf(a?.byFamily[key]));
  };
  const [v4, v6] = [part(4), part(6)];
  const some = (d: Difference) => !isEmpty(d.set);
  const text =
    some(v4) && some(v6)
      ? words(v4) === words(v6)
        ? words(v4)
        : `IPv4: ${words(v4)}; IPv6: ${words(v6)}`
      : some(v6)
        ? `${words(v6)} (IPv6)`
        : some(v4)
          ? words(v4)
          : "";
  const list = (set: ServiceSet) => toServices(set);
  return {
    ...(some(v4) ? { ipv4: list(v4.set) } : {}),
    ...(some(v6) ? { ipv6: list(v6.set) } : {}),
    label: text,
  };
}

/** Compares the permitted flows of two designs (from permittedFlows), pairs matched by node id. */
export function diffFlows(before: readonly FlowEdge[], after: readonly FlowEdge[]): FlowDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const out: FlowDiff = { opened: [], closed: [], changed: [] };
  for (const [id, e] of now) {
    const was = old.get(id);
    const change: FlowChange = {
      from: e.from,
      to: e.to,
      ...(was ? { before: was.label } : {}),
      after: e.label,
      gained: delta(was, e),
      lost: delta(e, was),
    };
    if (!was) out.opened.push(change);
    else if (change.gained.label || change.lost.label) out.changed.push(change);
  }
  for (const [id, e] of old)
    if (!now.has(id))
      out.closed.push({
        from: e.from,
        to: e.to,
        before: e.label,
        gained: delta(e, undefined),
        lost: delta(undefined, e),
      });
  return out;
}
