// Migrations from older file versions to the current one. Each step takes the raw object of
// version N and returns the raw object of version N+1; every released version is kept as a
// fixture in fixtures/ and tested to load.
import { linkMyIp } from "./my-ip";
import { isAccountId, isGroupId } from "./other-account";
import type { Design } from "./schema";
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

/**
 * Version 1 kept data the schema had no field for in a group's tags: a placeholder of another
 * account's group was a group tagged palisade:account and palisade:group-id. Version 2 gives it
 * the `otherAccount` field and leaves tags to the user.
 */
function otherAccountField(raw: Raw): Raw {
  if (!Array.isArray(raw.groups)) return raw;
  const groups = raw.groups.map((g: unknown) => {
    if (!isRecord(g) || !isRecord(g.tags)) return g;
    const { "palisade:account": account, "palisade:group-id": groupId, ...tags } = g.tags;
    // Tags that do not name an account and a group were never read as a placeholder: kept as they are.
    if (typeof account !== "string" || typeof groupId !== "string" || !isAccountId(account) || !isGroupId(groupId))
      return g;
    const { tags: _, ...group } = g;
    return { ...group, ...(Object.keys(tags).length ? { tags } : {}), otherAccount: { account, groupId } };
  });
  return { ...raw, groups };
}

/**
 * What version 2 changed, one function per change, in order. Version 2 is the format this
 * release writes: until it is released, a further change of the format adds its function here
 * (and its case to the v1 fixture's test) rather than making a version 3.
 */
const V1_TO_V2: ((raw: Raw) => Raw)[] = [otherAccountField, myIpReference];

/**
 * Version 1 copied My IP's CIDR into the rules that meant it, so that a new address had to be
 * entered twice. Version 2's rules refer to the party ({ kind: "external" }). Only shapes that can
 * be read are linked; validation reports the rest as before.
 */
function myIpReference(raw: Raw): Raw {
  if (!Array.isArray(raw.externals) || !Array.isArray(raw.groups)) return raw;
  const wellFormed =
    raw.externals.every((e) => isRecord(e) && Array.isArray(e.cidrs)) &&
    raw.groups.every((g) => isRecord(g) && Array.isArray(g.ingress) && Array.isArray(g.egress));
  if (!wellFormed) return raw;
  return linkMyIp(raw as unknown as Pick<Design, "externals" | "groups">) as unknown as Raw;
}

function v1ToV2(raw: Raw): Raw {
  return { ...V1_TO_V2.reduce((current, change) => change(current), raw), version: 2 };
}

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const STEPS: Record<number, (raw: Raw) => Raw> = { 0: v0ToV1, 1: v1ToV2 };

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
