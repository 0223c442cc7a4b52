// Migrations from older file versions to the current one. Each step takes the raw object of
// version N and returns the raw object of version N+1; every released version is kept as a
// fixture in fixtures/ and tested to load.
import { CURRENT_VERSION } from "./schema";

type Raw = Record<string, unknown>;

/**
 * Version 0 was the prototype's format: one `nodes` array holding resources and external
 * parties alike, rule peers as `{ cidr }` or `{ group }`, protocol numbers as numbers.
 */
function v0ToV1(raw: Raw): Raw {
  const { nodes, ...rest } = raw;
  const list = Array.isArray(nodes) ? (nodes as Raw[]) : [];
  const isExternal = (n: Raw) => n.kind === "internet" || n.kind === "myIp" || n.kind === "cidr";
  const peerOf = (p: unknown): unknown => {
    if (typeof p !== "object" || p === null) return p;
    const peer = p as Raw;
    if (typeof peer.cidr === "string") return { kind: peer.cidr.includes(":") ? "cidr6" : "cidr4", cidr: peer.cidr };
    if (typeof peer.group === "string") return { kind: "group", groupId: peer.group };
    if (typeof peer.prefixList === "string") return { kind: "prefixList", prefixListId: peer.prefixList };
    return p;
  };
  const ruleOf = (r: unknown): unknown => {
    if (typeof r !== "object" || r === null) return r;
    const rule = r as Raw;
    return { ...rule, protocol: String(rule.protocol), peer: peerOf(rule.peer) };
  };
  const groups = Array.isArray(raw.groups)
    ? (raw.groups as Raw[]).map((g) => ({
        ...g,
        ingress: Array.isArray(g.ingress) ? g.ingress.map(ruleOf) : g.ingress,
        egress: Array.isArray(g.egress) ? g.egress.map(ruleOf) : g.egress,
      }))
    : raw.groups;
  return {
    ...rest,
    version: 1,
    vpcs: raw.vpcs ?? [],
    resources: list.filter((n) => !isExternal(n)).map((n) => ({ groupIds: [], ...n })),
    externals: list.filter(isExternal),
    groups,
    prefixLists: raw.prefixLists ?? [],
    intents: raw.intents ?? [],
  };
}

const STEPS: Record<number, (raw: Raw) => Raw> = { 0: v0ToV1 };

/** Brings a raw design of any known version up to CURRENT_VERSION; validation follows. */
export function migrate(raw: Raw): Raw {
  let current = raw;
  let version = typeof raw.version === "number" ? raw.version : CURRENT_VERSION;
  while (version < CURRENT_VERSION) {
    const step = STEPS[version];
    if (!step) throw new Error(`no migration from design version ${version}`);
    current = step(current);
    version++;
  }
  return current;
}
