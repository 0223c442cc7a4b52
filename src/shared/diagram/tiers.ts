// Tiers, left to right: outside parties; what the outside reaches (load balancers, public
// instances); what those reach; and so on; data stores last. From the flow graph, and from a
// node's kind where no flow says anything.

export interface TierNode {
  id: string;
  kind: string;
  external: boolean;
}

const DATA_STORES = new Set(["database"]);

/** Where a node no flow reaches stands: in front for load balancers, behind them for compute. */
const BY_KIND: Record<string, number> = {
  loadBalancer: 1,
  endpoint: 2,
  instance: 2,
  containerService: 2,
  function: 2,
  group: 1,
};

/**
 * Each node's tier: 0 for outside parties; else one more than the furthest tier that sends to it
 * (the longest chain of flows from the outside, so an app behind a load balancer stands behind
 * it even when an office may also reach it directly); data stores last. Flows that close a cycle
 * (an app calling back its load balancer) are left out, found depth first from the outside.
 */
export function tiersOf(
  nodes: readonly TierNode[],
  flows: readonly { from: string; to: string }[],
): Map<string, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const out = new Map<string, string[]>();
  for (const f of flows) {
    if (f.from === f.to || !ids.has(f.from) || !ids.has(f.to)) continue;
    const list = out.get(f.from);
    if (list) list.push(f.to);
    else out.set(f.from, [f.to]);
  }
  // Depth first, without recursion (chains of thousands): the order in which nodes finish,
  // reversed, is a topological order of the flows that do not close a cycle.
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  const forward = new Map<string, string[]>();
  const visit = (root: string) => {
    if (state.has(root)) return;
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, number];
      const [id, i] = top;
      const next = out.get(id)?.[i];
      if (next === undefined) {
        state.set(id, 2);
        order.push(id);
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const s = state.get(next);
      if (s === 1) continue; // closes a cycle
      const list = forward.get(id);
      if (list) list.push(next);
      else forward.set(id, [next]);
      if (s === undefined) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  };
  for (const n of nodes) if (n.external) visit(n.id);
  const rest = nodes.filter((n) => !n.external).sort((a, b) => (BY_KIND[a.kind] ?? 2) - (BY_KIND[b.kind] ?? 2));
  for (const n of rest) visit(n.id);
  const kinds = new Map(nodes.map((n) => [n.id, n]));
  const tier = new Map<string, number>();
  for (const n of nodes) if (n.external) tier.set(n.id, 0);
  const reached = new Set<string>();
  for (let k = order.length - 1; k >= 0; k--) {
    const id = order[k] as string;
    const n = kinds.get(id) as TierNode;
    if (!tier.has(id)) tier.set(id, n.external ? 0 : (BY_KIND[n.kind] ?? 2));
    const t = tier.get(id) as number;
    for (const to of forward.get(id) ?? []) {
      if (kinds.get(to)?.external) continue;
      // The first sender sets the tier; later ones only push it further right.
      const known = reached.has(to) ? (tier.get(to) as number) : 0;
      tier.set(to, Math.max(known, t + 1));
      reached.add(to);
    }
  }
  let last = 1;
  for (const n of nodes) if (!DATA_STORES.has(n.kind)) last = Math.max(last, tier.get(n.id) as number);
  // Data stores make the last tier, whatever reaches them first.
  for (const n of nodes) if (DATA_STORES.has(n.kind)) tier.set(n.id, Math.max(last + 1, 2));
  return tier;
}
