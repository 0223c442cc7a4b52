// Terraform's three ways to write a rule (inline ingress/egress blocks, aws_security_group_rule,
// aws_vpc_security_group_ingress_rule/egress_rule) read into the design's one-peer rules.
import type { Direction } from "../../model/direction";
import { otherAccountGroup } from "../../model/other-account";
import type { Peer, SecurityGroup } from "../../model/schema";
import { checkRule, error, show, type Where, warning } from "../draft";
import { type NamedCidr, placeholderRange } from "../draft/externals";
import { otherAccountWarning, parseAccountGroup } from "../other-account";
import {
  type Body,
  type Context,
  type Declaration,
  groupOf,
  known,
  nested,
  placeholderFor,
  reach,
  text,
  where,
} from "./context";
import type { Unknown } from "./eval/values";
import { resolve, resolveList, TfRef } from "./expressions";

type PeerKind = Peer["kind"] | "self";
interface PeerSource {
  kind: PeerKind;
  attribute: string;
  value: unknown;
  /** A list attribute (cidr_blocks) rather than a single value (cidr_ipv4). */
  list: boolean;
}

interface RuleSpec {
  d: Declaration;
  group: SecurityGroup;
  direction: Direction;
  idBase: string;
  body: Body;
  protocolAttribute: string;
  peers: PeerSource[];
  /** For inline blocks: which `ingress {}` block of the group, to place problems. */
  nestedBlock?: { name: string; n: number };
}

function peerOf(
  ctx: Context,
  spec: RuleSpec,
  source: PeerSource,
  item: { value: unknown; variable?: string },
  at: () => Where,
): Peer | undefined {
  const v = item.value;
  const what = `${spec.d.type}.${spec.d.name} ${source.attribute}`;
  if (source.kind === "cidr4" || source.kind === "cidr6") {
    if (typeof v !== "string") {
      ctx.errors.push(error(at(), `${what}: expected a CIDR such as "10.0.0.0/16", found ${JSON.stringify(v)}`));
      return undefined;
    }
    if (item.variable) {
      const declared = ctx.scope.variables.get(item.variable);
      ctx.namedCidrs.push({ key: item.variable, name: declared?.description || item.variable, cidr: v });
    }
    return { kind: source.kind, cidr: v };
  }
  if (source.kind === "group") {
    const g = groupOf(ctx, v) ?? otherAccountPeer(ctx, v, at, what, spec.direction);
    if (!g) {
      ctx.warnings.push(
        warning(at(), `${what}: ${show(v)} is not a security group in these files; this rule is not imported`),
      );
      return undefined;
    }
    return { kind: "group", groupId: g.id };
  }
  if (source.kind === "prefixList") {
    const pl =
      v instanceof TfRef
        ? ctx.prefixLists.get(`${v.type}.${v.name}`)
        : [...ctx.prefixLists.values()].find((p) => p.id === v);
    if (!pl) {
      ctx.warnings.push(
        warning(at(), `${what}: ${show(v)} is not a prefix list in these files; this rule is not imported`),
      );
      return undefined;
    }
    return { kind: "prefixList", prefixListId: pl.id };
  }
  return undefined;
}

/**
 * The placeholder range a CIDR that waits on one unknown (var.admin_cidr with no value) stands
 * for: a stand-in CIDR only it holds (see placeholderCidr), and an external party named for it.
 */
function placeholderRangeOf(
  ctx: Context,
  kind: "cidr4" | "cidr6",
  unknown: Unknown | undefined,
): NamedCidr | undefined {
  const ref = unknown?.refs.length === 1 ? unknown.refs[0] : undefined;
  if (!ref) return undefined;
  // The export writes a placeholder range as a variable described by what it stands for
  // (data.http.ip): read back, it stands for that again.
  const described = ref.name.startsWith("var.") ? ctx.scope.variables.get(ref.name.slice(4))?.description : undefined;
  const name = described && /^(data|module|var|local)\.\S+$/.test(described) ? described : ref.name;
  return placeholderRange(ctx.namedCidrs, name, kind === "cidr4" ? 4 : 6);
}

/**
 * "123456789012/sg-0abc…", the provider's way of naming a group of another account: its
 * placeholder (one per account and group, see ../other-account.ts), with a warning at the place.
 */
function otherAccountPeer(
  ctx: Context,
  value: unknown,
  at: () => Where,
  what: string,
  direction: Direction,
): SecurityGroup | undefined {
  const ref = parseAccountGroup(value);
  if (!ref) return undefined;
  const key = `other-account:${ref.account}/${ref.groupId}`;
  let group = ctx.groups.get(key);
  if (!group) {
    group = otherAccountGroup(ctx.ids.take(ref.groupId), ref);
    ctx.groups.set(key, group);
  }
  ctx.warnings.push(warning(at(), otherAccountWarning(what, direction, ref, group)));
  return group;
}

/** Where in the rule (its inline block, if any) an attribute, or a literal in it, was written. */
function placeIn(spec: RuleSpec, attribute?: string, literal?: string): Where {
  const base = spec.nestedBlock ? { nested: spec.nestedBlock.name, n: spec.nestedBlock.n } : {};
  return where(spec.d, {
    ...base,
    ...(attribute ? { attribute } : {}),
    ...(literal !== undefined ? { literal } : {}),
  });
}

/** An attribute of the rule, resolved, or undefined (with a warning) when it cannot be known. */
function fieldOf(ctx: Context, spec: RuleSpec, name: string): { value: unknown } | undefined {
  const r = known(ctx, spec.body[name], () => placeIn(spec, name), `${spec.d.type}.${spec.d.name} ${name}`);
  return "unresolved" in r ? undefined : r;
}

/** One rule per peer, each checked with the design's own rules and placed in the file. */
export function readRule(ctx: Context, spec: RuleSpec): void {
  const { d, body } = spec;
  // Functions of the module rather than closures per rule, and places found only for a problem:
  // a region's files have 50,000 rules.
  const protocol = fieldOf(ctx, spec, spec.protocolAttribute);
  const fromPort = body.from_port === undefined ? { value: undefined } : fieldOf(ctx, spec, "from_port");
  const toPort = body.to_port === undefined ? { value: undefined } : fieldOf(ctx, spec, "to_port");
  if (!protocol || !fromPort || !toPort) {
    ctx.warnings.push(
      warning(placeIn(spec), `${d.type}.${d.name}: an ${spec.direction} rule with unknown values is not imported`),
    );
    return;
  }
  if (typeof protocol.value !== "string" && typeof protocol.value !== "number") {
    ctx.errors.push(
      error(
        placeIn(spec, spec.protocolAttribute),
        `${spec.protocolAttribute} must be a protocol such as "tcp", "udp", "icmp" or "-1"`,
      ),
    );
    return;
  }
  const description = body.description === undefined ? undefined : resolve(body.description, ctx.scope);
  // Each peer with where it was written; places are found only for a problem.
  const peers: { peer: Peer; attribute: string; literal?: string }[] = [];
  for (const source of spec.peers) {
    if (source.kind === "self") {
      if (source.value === true) peers.push({ peer: { kind: "group", groupId: spec.group.id }, attribute: "self" });
      continue;
    }
    if (source.value === undefined || source.value === null) continue;
    const list = source.list ? resolveList(source.value, ctx.scope) : { items: [resolve(source.value, ctx.scope)] };
    if (list.notList) {
      ctx.errors.push(
        error(placeIn(spec, source.attribute), `${source.attribute} must be a list, e.g. ["10.0.0.0/16"]`),
      );
      continue;
    }
    for (const item of list.items) {
      if ("unresolved" in item) reach(ctx.reached, item.unknown);
      const placeholder =
        "unresolved" in item && source.kind === "group" ? placeholderFor(ctx, item.unknown) : undefined;
      if ("unresolved" in item && placeholder) {
        ctx.warnings.push(
          warning(
            placeIn(spec, source.attribute),
            `${d.type}.${d.name} ${source.attribute}: ${item.unresolved}; the rule names the placeholder group "${placeholder.name}" until it is known`,
          ),
        );
        peers.push({ peer: { kind: "group", groupId: placeholder.id }, attribute: source.attribute });
        continue;
      }
      const range =
        "unresolved" in item && (source.kind === "cidr4" || source.kind === "cidr6")
          ? placeholderRangeOf(ctx, source.kind, item.unknown)
          : undefined;
      if ("unresolved" in item && range) {
        ctx.warnings.push(
          warning(
            placeIn(spec, source.attribute),
            `${d.type}.${d.name} ${source.attribute}: ${item.unresolved}; the rule names the placeholder range "${range.placeholder}" until it is known`,
          ),
        );
        peers.push({ peer: { kind: source.kind, cidr: range.cidr } as Peer, attribute: source.attribute });
        continue;
      }
      if ("unresolved" in item) {
        ctx.warnings.push(
          warning(
            placeIn(spec, source.attribute),
            `${d.type}.${d.name} ${source.attribute}: ${item.unresolved}; that peer is not imported`,
          ),
        );
        continue;
      }
      const literal = text(item.value);
      const peer = peerOf(ctx, spec, source, item, () => placeIn(spec, source.attribute, literal));
      if (peer) peers.push({ peer, attribute: source.attribute, ...(literal !== undefined ? { literal } : {}) });
    }
  }
  const named = spec.peers.some((p) =>
    p.kind === "self"
      ? p.value === true
      : p.value !== undefined && p.value !== null && !(Array.isArray(p.value) && p.value.length === 0),
  );
  if (!named)
    ctx.warnings.push(
      warning(
        placeIn(spec),
        `${d.type}.${d.name}: an ${spec.direction} rule that names no peer (${spec.peers.map((p) => p.attribute).join(", ")}) allows nothing; not imported`,
      ),
    );
  peers.forEach(({ peer, attribute, literal }, i) => {
    const rule = checkRule(
      {
        id: ctx.ids.take(peers.length > 1 ? `${spec.idBase}-${i + 1}` : spec.idBase),
        protocol: protocol.value,
        fromPort: fromPort.value,
        toPort: toPort.value,
        peer,
        description: description && "value" in description ? description.value : undefined,
      },
      (f) =>
        f === "fromPort"
          ? placeIn(spec, "from_port")
          : f === "toPort"
            ? placeIn(spec, "to_port")
            : f === "peer"
              ? placeIn(spec, attribute, literal)
              : placeIn(spec, spec.protocolAttribute),
      ctx.errors,
      ctx.warnings,
    );
    if (rule) spec.group[spec.direction].push(rule);
  });
}

/** The inline `ingress {}` / `egress {}` blocks of an aws_security_group. */
export function readInlineRules(ctx: Context, d: Declaration, group: SecurityGroup): void {
  if (d.body.ingress !== undefined || d.body.egress !== undefined) ctx.inlineRules.add(`${d.type}.${d.name}`);
  for (const direction of ["ingress", "egress"] as const) {
    nested(d.body, direction).forEach((body, n) => {
      readRule(ctx, {
        d,
        group,
        direction,
        body,
        idBase: `${d.name}-${direction}-${n + 1}`,
        protocolAttribute: "protocol",
        nestedBlock: { name: direction, n },
        peers: [
          { kind: "cidr4", attribute: "cidr_blocks", value: body.cidr_blocks, list: true },
          { kind: "cidr6", attribute: "ipv6_cidr_blocks", value: body.ipv6_cidr_blocks, list: true },
          { kind: "prefixList", attribute: "prefix_list_ids", value: body.prefix_list_ids, list: true },
          { kind: "group", attribute: "security_groups", value: body.security_groups, list: true },
          { kind: "self", attribute: "self", value: body.self, list: false },
        ],
      });
    });
  }
  const dynamic = d.body.dynamic;
  if (dynamic && typeof dynamic === "object")
    for (const name of Object.keys(dynamic))
      ctx.warnings.push(
        warning(
          where(d, { attribute: "dynamic" }),
          `${d.type}.${d.name}: dynamic "${name}" blocks are generated when Terraform runs; not imported`,
        ),
      );
}

/** aws_security_group_rule (type = ingress | egress) and aws_vpc_security_group_ingress_rule / egress_rule. */
export function readRuleResource(ctx: Context, d: Declaration): void {
  const owner = known(
    ctx,
    d.body.security_group_id,
    () => where(d, { attribute: "security_group_id" }),
    `${d.type}.${d.name} security_group_id`,
  );
  // A rule of a group this module is given (var.security_group_id without a value) belongs to a
  // placeholder named for it: its rules are what the module is for.
  const ownerPlaceholder = "unresolved" in owner ? placeholderFor(ctx, owner.unknown) : undefined;
  if ("unresolved" in owner && !ownerPlaceholder) return;
  const group = ownerPlaceholder ?? groupOf(ctx, "value" in owner ? owner.value : undefined);
  if (!group) {
    ctx.warnings.push(
      warning(
        where(d, { attribute: "security_group_id" }),
        `${d.type}.${d.name}: ${show(owner.value)} is not a security group in these files; rule not imported`,
      ),
    );
    return;
  }
  // The provider's documented conflict: inline blocks own all of a group's rules, so on every
  // apply Terraform removes the separate ones (or the reverse). Imported as written, with a warning.
  const groupDeclaration = ctx.declarationOf.get(group.id);
  if (groupDeclaration && ctx.inlineRules.has(groupDeclaration))
    ctx.warnings.push(
      warning(
        where(d),
        `${d.type}.${d.name} adds a rule to ${groupDeclaration}, which also has inline ingress/egress blocks: Terraform will remove one or the other on each apply`,
      ),
    );
  if (d.type === "aws_security_group_rule") {
    const type = resolve(d.body.type, ctx.scope);
    const direction = "value" in type ? type.value : undefined;
    if (direction !== "ingress" && direction !== "egress") {
      ctx.errors.push(error(where(d, { attribute: "type" }), `type must be "ingress" or "egress"`));
      return;
    }
    // The provider names the other group source_security_group_id in both directions.
    const peerGroup = "source_security_group_id";
    readRule(ctx, {
      d,
      group,
      direction,
      body: d.body,
      idBase: d.name,
      protocolAttribute: "protocol",
      peers: [
        { kind: "cidr4", attribute: "cidr_blocks", value: d.body.cidr_blocks, list: true },
        { kind: "cidr6", attribute: "ipv6_cidr_blocks", value: d.body.ipv6_cidr_blocks, list: true },
        { kind: "prefixList", attribute: "prefix_list_ids", value: d.body.prefix_list_ids, list: true },
        { kind: "group", attribute: peerGroup, value: d.body[peerGroup], list: false },
        { kind: "self", attribute: "self", value: d.body.self, list: false },
      ],
    });
    return;
  }
  readRule(ctx, {
    d,
    group,
    direction: d.type === "aws_vpc_security_group_ingress_rule" ? "ingress" : "egress",
    body: d.body,
    idBase: d.name,
    protocolAttribute: "ip_protocol",
    peers: [
      { kind: "cidr4", attribute: "cidr_ipv4", value: d.body.cidr_ipv4, list: false },
      { kind: "cidr6", attribute: "cidr_ipv6", value: d.body.cidr_ipv6, list: false },
      { kind: "prefixList", attribute: "prefix_list_id", value: d.body.prefix_list_id, list: false },
      {
        kind: "group",
        attribute: "referenced_security_group_id",
        value: d.body.referenced_security_group_id,
        list: false,
      },
    ],
  });
}
