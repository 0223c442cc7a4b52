// Rules checked where they are written: the design's own schema, with each problem placed at
// the rule's field in the file.

import type { Direction } from "../../model/direction";
import type { Problem } from "../../model/problems";
import { hasPorts, isIcmp, normalizeProtocol } from "../../model/protocol";
import { Rule, type SecurityGroup } from "../../model/schema";
import { normalizeCidr } from "../../net/normalize";
import { plainRule } from "../plain";
import { error, type Where, warning } from "./where";

/** A rule as read from a file, before it is checked. */
export interface RawRule {
  id: string;
  protocol: unknown;
  fromPort?: unknown;
  toPort?: unknown;
  peer: Rule["peer"];
  description?: unknown;
}

/**
 * Checks one rule with the design's own schema, so that an absurd port or a bad CIDR in a file
 * gets the same message as in a design, placed at the rule in the file. Ports do not apply to
 * "-1" and protocol numbers (AWS ignores them; Terraform writes 0), so they are dropped there.
 */
export function checkRule(
  raw: RawRule,
  place: Where | ((field: string) => Where),
  errors: Problem[],
  warnings?: Problem[],
): Rule | undefined {
  const candidate: Record<string, unknown> = {
    id: raw.id,
    protocol: raw.protocol,
    peer: peerAsStored(raw.peer, place, warnings),
  };
  if (raw.description !== undefined && raw.description !== "") candidate.description = raw.description;
  for (const key of PORTS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const n = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n)) {
      errors.push(
        error(
          placeOf(place, key),
          `${key === "fromPort" ? "from port" : "to port"} ${JSON.stringify(value)} is not a whole number`,
        ),
      );
      return undefined;
    }
    if (n < -1 || n > 65535) {
      errors.push(
        error(
          placeOf(place, key),
          `${key === "fromPort" ? "from port" : "to port"} ${n} is out of range: expected 0-65535 (-1 = any, for ICMP)`,
        ),
      );
      return undefined;
    }
    candidate[key] = n;
  }
  const protocol =
    typeof raw.protocol === "string" || typeof raw.protocol === "number" ? normalizeProtocol(raw.protocol) : undefined;
  if (protocol !== undefined && !hasPorts(protocol) && !isIcmp(protocol)) {
    delete candidate.fromPort;
    delete candidate.toPort;
  }
  const plain = protocol === undefined ? undefined : plainRule(candidate, protocol);
  if (plain) {
    checked.add(plain);
    return plain;
  }
  const result = Rule.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.filter((k) => typeof k !== "symbol").join(".") ?? "";
    errors.push(
      error(
        placeOf(place, field.split(".")[0] ?? ""),
        `${field ? `${field}: ` : ""}${issue?.message ?? "invalid rule"}`,
      ),
    );
    return undefined;
  }
  checked.add(result.data);
  return result.data;
}

const PORTS = ["fromPort", "toPort"] as const;

/**
 * A CIDR peer with host bits set ("192.168.1.0/0") as AWS stores it (0.0.0.0/0), with a warning at
 * the peer saying what it became: AWS accepts such a rule, so the file is never refused for it.
 */
function peerAsStored(
  peer: Rule["peer"],
  place: Where | ((field: string) => Where),
  warnings?: Problem[],
): Rule["peer"] {
  if ((peer.kind !== "cidr4" && peer.kind !== "cidr6") || typeof peer.cidr !== "string") return peer;
  const stored = normalizeCidr(peer.cidr, peer.kind === "cidr4" ? 4 : 6);
  if (!("cidr" in stored) || stored.note === undefined) return peer;
  warnings?.push(warning(placeOf(place, "peer"), stored.note));
  return { ...peer, cidr: stored.cidr };
}

function placeOf(place: Where | ((field: string) => Where), field: string): Where {
  return typeof place === "function" ? place(field) : place;
}

/** Rules that checkRule returned: the final check of the design does not check them again. */
const checked = new WeakSet<Rule>();

/** A group's rules in one direction, each checked unless checkRule already did. */
export function checkedRules(
  group: SecurityGroup,
  direction: Direction,
  i: number,
  fail: (path: readonly PropertyKey[], message: string) => Error,
): Rule[] {
  return group[direction].map((rule, j) => {
    if (checked.has(rule)) return rule;
    const parsed = Rule.safeParse(rule);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw fail(["groups", i, direction, j, ...(issue?.path ?? [])], issue?.message ?? "");
  });
}
