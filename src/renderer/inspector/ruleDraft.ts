// The rule form's state as the user types it, and what it means: rules ready for the document,
// or a message for each field that is wrong. Nothing invalid leaves this module.

import { type External, type Rule, Rule as RuleSchema } from "../../shared/model";
import { hasPorts, normalizeProtocol } from "../../shared/model/protocol";
import { placeholderRange, standIns } from "../../shared/model/unknowns";
import { isIpv4Address, isIpv6Address } from "../../shared/net/address";
import { normalizeCidr } from "../../shared/net/normalize";
import type { RuleDraft } from "../actions/rules";
import { presetById } from "./presets";
import { validateDescription } from "./validators";

export type PeerChoice = "cidr" | "myIp" | "internet4" | "internet6" | "group" | "self" | "prefixList";

export interface RuleForm {
  preset: string;
  /** Used only for the "custom" preset. */
  protocol: string;
  fromPort: string;
  toPort: string;
  peer: PeerChoice;
  /** A CIDR for "cidr", an address or CIDR for "myIp", a group id for "group", a list id for "prefixList". */
  peerValue: string;
  description: string;
}

export type FormField = "protocol" | "fromPort" | "toPort" | "peerValue" | "description" | "form";

export interface FormResult {
  rules?: RuleDraft[];
  /** "My IP…": the address typed, as a CIDR, for the My IP party the rules refer to. */
  myIp?: string;
  errors: Partial<Record<FormField, string>>;
  /** What a field's text became where the rule stores something else (a CIDR with host bits set). */
  notes?: Partial<Record<FormField, string>>;
}

export const EMPTY_FORM: RuleForm = {
  preset: "https",
  protocol: "tcp",
  fromPort: "",
  toPort: "",
  peer: "internet4",
  peerValue: "",
  description: "",
};

/** The My IP party's id the rules refer to: the design's, or the one the form's submit creates. */
export const NEW_MY_IP = "my-ip";

function peerOf(
  form: RuleForm,
  groupId: string,
  myIpId: string,
  externals: readonly External[],
): { peer?: Rule["peer"]; error?: string; myIp?: string; note?: string } {
  const value = form.peerValue.trim();
  switch (form.peer) {
    case "internet4":
      return { peer: { kind: "cidr4", cidr: "0.0.0.0/0" } };
    case "internet6":
      return { peer: { kind: "cidr6", cidr: "::/0" } };
    case "self":
      return { peer: { kind: "group", groupId } };
    case "group":
      return value ? { peer: { kind: "group", groupId: value } } : { error: "choose a security group" };
    case "prefixList":
      return value ? { peer: { kind: "prefixList", prefixListId: value } } : { error: "choose a prefix list" };
    case "myIp": {
      // "My IP" is one address: the console writes it as a /32 (or /128).
      const cidr = isIpv4Address(value) ? `${value}/32` : isIpv6Address(value) ? `${value}/128` : value;
      const read = cidrPeer(cidr, "your address, such as 81.2.69.160");
      if (!read.peer) return read;
      // The rule refers to the party, so that the address is entered once for both.
      const peer: Rule["peer"] = { kind: "external", externalId: myIpId };
      return read.note ? { peer, myIp: read.peer.cidr, note: read.note } : { peer, myIp: read.peer.cidr };
    }
    case "cidr": {
      // A placeholder range is written by its name (var.office_cidr); its stand-in CIDR stays inside.
      const unknown = externals.find((e) => placeholderRange(e) === value);
      const cidr = unknown?.cidrs[0];
      if (cidr) return { peer: cidr.includes(":") ? { kind: "cidr6", cidr } : { kind: "cidr4", cidr } };
      return cidrPeer(value, "a CIDR such as 10.0.0.0/16 or 2001:db8::/32");
    }
  }
}

/**
 * A typed CIDR as AWS takes it: with host bits set (10.0.0.5/16) it is stored as its network
 * address (10.0.0.0/16), as import does (shared/net/normalize.ts), and the note says so.
 */
function cidrPeer(
  text: string,
  expected: string,
): { peer?: Extract<Rule["peer"], { cidr: string }>; error?: string; note?: string } {
  if (text === "") return { error: `enter ${expected}` };
  const read = normalizeCidr(text);
  if ("problem" in read) return { error: read.problem };
  const { cidr, note } = read;
  const peer = cidr.includes(":") ? ({ kind: "cidr6", cidr } as const) : ({ kind: "cidr4", cidr } as const);
  return note ? { peer, note } : { peer };
}

function portOf(text: string, label: string, min: number, max: number): { value?: number; error?: string } {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return { error: `${label} must be a whole number ${min}-${max}` };
  const n = Number(t);
  if (n < min || n > max) return { error: `${label} ${n} is outside ${min}-${max}` };
  return { value: n };
}

/** Reads the form. `groupId` is the group being edited (for "itself"). */
export function readRuleForm(
  form: RuleForm,
  groupId: string,
  myIpId = NEW_MY_IP,
  externals: readonly External[] = [],
): FormResult {
  const errors: FormResult["errors"] = {};
  const { peer, error: peerError, myIp, note } = peerOf(form, groupId, myIpId, externals);
  if (peerError) errors.peerValue = peerError;
  const notes: FormResult["notes"] = note ? { peerValue: note } : undefined;
  const description = form.description.trim();
  const descriptionProblem = validateDescription(description);
  if (descriptionProblem) errors.description = descriptionProblem;

  let services: { protocol: string; fromPort?: number; toPort?: number }[];
  if (form.preset === "custom") {
    const protocol = form.protocol;
    if (protocol === "tcp" || protocol === "udp") {
      const from = portOf(form.fromPort, "port", 0, 65535);
      // An empty "to" means a single port, as the console reads it.
      const to = form.toPort.trim() === "" ? { value: from.value } : portOf(form.toPort, "port", 0, 65535);
      if (from.error) errors.fromPort = from.error;
      if (to.error) errors.toPort = to.error;
      if (from.value !== undefined && to.value !== undefined && from.value > to.value)
        errors.toPort = `reversed range ${from.value}-${to.value}: the first port must not exceed the last`;
      services = [{ protocol, fromPort: from.value, toPort: to.value }];
    } else if (protocol === "icmp" || protocol === "icmpv6") {
      const type = form.fromPort.trim() === "" ? { value: -1 } : portOf(form.fromPort, "ICMP type", -1, 255);
      const code = form.toPort.trim() === "" ? { value: -1 } : portOf(form.toPort, "ICMP code", -1, 255);
      if (type.error) errors.fromPort = type.error;
      if (code.error) errors.toPort = code.error;
      services = [{ protocol, fromPort: type.value, toPort: code.value }];
    } else if (protocol === "-1") {
      services = [{ protocol: "-1" }];
    } else {
      const n = portOf(protocol, "protocol number", 0, 255);
      // 6 and 17 are tcp and udp, whose ports this choice has no fields for: said here, not at a hidden field.
      const named = n.value === undefined ? undefined : normalizeProtocol(n.value);
      if (n.error) errors.protocol = n.error;
      else if (named && hasPorts(named))
        errors.protocol = `protocol ${n.value} is ${named.toUpperCase()}, which needs ports: choose ${named.toUpperCase()} above`;
      services = [{ protocol: String(n.value ?? protocol) }];
    }
  } else {
    const preset = presetById(form.preset);
    if (!preset) return { errors: { form: `unknown preset "${form.preset}"` } };
    services = preset.services.map((s) =>
      // Ping of an IPv6 peer is ICMPv6 echo request (type 128).
      s.protocol === "icmp" && (peer?.kind === "cidr6" || myIp?.includes(":"))
        ? { protocol: "icmpv6", fromPort: 128, toPort: -1 }
        : s,
    );
  }
  if (Object.keys(errors).length > 0 || !peer) return notes ? { errors, notes } : { errors };

  const rules: RuleDraft[] = [];
  for (const s of services) {
    const candidate = { id: "draft", ...s, peer, ...(description ? { description } : {}) };
    const result = RuleSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path[0] === "fromPort" || issue?.path[0] === "toPort" ? issue.path[0] : "form";
      errors[field] = issue?.message ?? "invalid rule";
      return { errors };
    }
    const { id: _, ...rule } = result.data;
    rules.push(rule);
  }
  return { rules, errors, ...(myIp ? { myIp } : {}), ...(notes ? { notes } : {}) };
}

/** The form that edits an existing rule; `externals`: the parties a rule may refer to (My IP). */
export function formOfRule(rule: RuleDraft, groupId: string, externals: readonly External[] = []): RuleForm {
  const base = { ...EMPTY_FORM, description: rule.description ?? "" };
  const peer = ((): Pick<RuleForm, "peer" | "peerValue"> => {
    const p = rule.peer;
    if (p.kind === "cidr4" && p.cidr === "0.0.0.0/0") return { peer: "internet4", peerValue: "" };
    if (p.kind === "cidr6" && p.cidr === "::/0") return { peer: "internet6", peerValue: "" };
    if (p.kind === "cidr4" || p.kind === "cidr6")
      return { peer: "cidr", peerValue: standIns(externals).get(p.cidr) ?? p.cidr };
    if (p.kind === "group")
      return p.groupId === groupId ? { peer: "self", peerValue: "" } : { peer: "group", peerValue: p.groupId };
    if (p.kind === "external") {
      const cidr = externals.find((e) => e.id === p.externalId)?.cidrs[0] ?? "";
      return { peer: "myIp", peerValue: cidr.replace(/\/(32|128)$/, "") };
    }
    return { peer: "prefixList", peerValue: p.prefixListId };
  })();
  const show = (n: number | undefined) => (n === undefined ? "" : String(n));
  return {
    ...base,
    ...peer,
    preset: "custom",
    protocol: rule.protocol,
    fromPort: show(rule.fromPort),
    toPort: show(rule.toPort),
  };
}
