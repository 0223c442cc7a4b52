// Adding or editing a rule: a preset, a peer and, for custom, protocol and ports. Every field is
// checked as it is typed; only a valid rule reaches the document.

import { useEffect, useId, useMemo, useState } from "react";
import { type Design, myIpOf } from "../../shared/model";
import type { Direction } from "../../shared/model/direction";
import { freshId, usedIds } from "../../shared/model/ids";
import { isPlaceholderCidr } from "../../shared/net/documentation";
import type { RuleDraft } from "../actions/rules";
import { notify } from "../state/store";
import { GroupPicker } from "./GroupPicker";
import { PRESETS } from "./presets";
import { EMPTY_FORM, type RuleForm as Form, type PeerChoice, readRuleForm } from "./ruleDraft";

/** What the form submits: the rules, and My IP's address (a CIDR) and party id when its source is My IP. */
export interface SubmittedMyIp {
  id: string;
  cidr: string;
}

const PEERS: [PeerChoice, string][] = [
  ["internet4", "Internet (0.0.0.0/0)"],
  ["internet6", "Internet IPv6 (::/0)"],
  ["cidr", "CIDR…"],
  ["myIp", "My IP…"],
  ["group", "Another security group…"],
  ["self", "This group itself"],
  ["prefixList", "Prefix list…"],
];

export function RuleForm(props: {
  design: Design;
  groupId: string;
  direction: Direction;
  initial?: Form;
  submitLabel: string;
  onSubmit: (rules: RuleDraft[], myIp?: SubmittedMyIp) => boolean;
  onCancel?: () => void;
}) {
  const { design, groupId, direction } = props;
  const [form, setForm] = useState<Form>(props.initial ?? EMPTY_FORM);
  useEffect(() => {
    if (props.initial) setForm(props.initial);
  }, [props.initial]);
  const id = useId();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  // The design's My IP party, or the id of the one entering an address creates.
  const party = myIpOf(design);
  const myIpId = useMemo(() => party?.id ?? freshId("my-ip", usedIds(design)), [party?.id, design]);
  const result = readRuleForm(form, groupId, myIpId, design.externals);
  // An empty address is not yet wrong: nothing was typed. The Add button waits for it.
  const errors: typeof result.errors =
    form.peer === "myIp" && form.peerValue.trim() === "" ? { ...result.errors, peerValue: undefined } : result.errors;
  // The other groups, as the picker lists them: again only when the groups change.
  const others = useMemo(
    () => design.groups.filter((g) => g.id !== groupId).map((g) => ({ id: g.id, name: g.name })),
    [design.groups, groupId],
  );
  const myIp = party?.cidrs[0];
  // A placeholder (203.0.113.10, a documentation address) is not offered as the user's address.
  const myIpShown = myIp && !isPlaceholderCidr(myIp) ? myIp.replace(/\/(32|128)$/, "") : "";
  const peerLabel = direction === "ingress" ? "Source" : "Destination";
  // A CIDR with host bits is taken as AWS takes it, never silently: the note says what it became.
  const peerNote = errors.peerValue ? undefined : result.notes?.peerValue;
  const error = (field: keyof typeof errors) =>
    errors[field] ? (
      <div className="field-error" id={`${id}-${field}-err`} role="alert">
        {errors[field]}
      </div>
    ) : null;

  return (
    <form
      className="rule-form"
      aria-label={`${props.submitLabel} (${direction === "ingress" ? "inbound" : "outbound"})`}
      onSubmit={(e) => {
        e.preventDefault();
        if (result.rules && props.onSubmit(result.rules, result.myIp ? { id: myIpId, cidr: result.myIp } : undefined)) {
          setForm({ ...EMPTY_FORM, preset: form.preset, peer: form.peer });
          // The form usually closes on submit: what was stored is said once more where it stays a moment.
          const note = result.notes?.peerValue;
          if (note) notify("info", `Rule saved. ${note}.`);
        }
      }}
      // Escape leaves the form as Cancel does; a select's own Escape (closing its list) never gets here.
      onKeyDown={(e) => {
        if (e.key === "Escape" && props.onCancel) {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-preset`}>Type</label>
        <select id={`${id}-preset`} value={form.preset} onChange={(e) => set({ preset: e.target.value })}>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      {form.preset === "custom" && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-protocol`}>Protocol</label>
            <select
              id={`${id}-protocol`}
              value={["tcp", "udp", "icmp", "icmpv6", "-1"].includes(form.protocol) ? form.protocol : "number"}
              onChange={(e) => set({ protocol: e.target.value === "number" ? "50" : e.target.value })}
            >
              <option value="tcp">TCP</option>
              <option value="udp">UDP</option>
              <option value="icmp">ICMP</option>
              <option value="icmpv6">ICMPv6</option>
              <option value="-1">All</option>
              <option value="number">Number…</option>
            </select>
            {!["tcp", "udp", "icmp", "icmpv6", "-1"].includes(form.protocol) && (
              <input
                aria-label="Protocol number"
                value={form.protocol}
                onChange={(e) => set({ protocol: e.target.value })}
                aria-invalid={!!errors.protocol}
              />
            )}
            {error("protocol")}
          </div>
          {form.protocol !== "-1" && /^(tcp|udp|icmp|icmpv6)$/.test(form.protocol) && (
            <>
              <div className="field">
                <label htmlFor={`${id}-from`}>{form.protocol.startsWith("icmp") ? "ICMP type" : "From port"}</label>
                <input
                  id={`${id}-from`}
                  value={form.fromPort}
                  inputMode="numeric"
                  placeholder={form.protocol.startsWith("icmp") ? "-1 = any" : "e.g. 8080"}
                  aria-invalid={!!errors.fromPort}
                  onChange={(e) => set({ fromPort: e.target.value })}
                />
                {error("fromPort")}
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>{form.protocol.startsWith("icmp") ? "ICMP code" : "To port"}</label>
                <input
                  id={`${id}-to`}
                  value={form.toPort}
                  inputMode="numeric"
                  placeholder={form.protocol.startsWith("icmp") ? "-1 = any" : "same"}
                  aria-invalid={!!errors.toPort}
                  onChange={(e) => set({ toPort: e.target.value })}
                />
                {error("toPort")}
              </div>
            </>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-peer`}>{peerLabel}</label>
        <select
          id={`${id}-peer`}
          value={form.peer}
          onChange={(e) => {
            const peer = e.target.value as PeerChoice;
            set({
              peer,
              peerValue: peer === "myIp" ? myIpShown : peer === "cidr" ? form.peerValue : "",
            });
          }}
        >
          {PEERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {(form.peer === "cidr" || form.peer === "myIp") && (
          <input
            aria-label={form.peer === "cidr" ? `${peerLabel} CIDR` : "My IP address"}
            value={form.peerValue}
            placeholder={form.peer === "cidr" ? "10.0.0.0/16" : "your address"}
            aria-invalid={!!errors.peerValue}
            aria-describedby={peerNote ? `${id}-peer-note` : undefined}
            onChange={(e) => set({ peerValue: e.target.value })}
          />
        )}
        {form.peer === "group" && (
          <GroupPicker
            label={`${peerLabel} group`}
            groups={others}
            value={form.peerValue}
            invalid={!!errors.peerValue}
            onChange={(peerValue) => set({ peerValue })}
          />
        )}
        {form.peer === "prefixList" && (
          <select
            aria-label={`${peerLabel} prefix list`}
            value={form.peerValue}
            onChange={(e) => set({ peerValue: e.target.value })}
          >
            <option value="">{design.prefixLists.length ? "choose…" : "the design has no prefix lists"}</option>
            {design.prefixLists.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.id}
              </option>
            ))}
          </select>
        )}
        {error("peerValue")}
        {peerNote && (
          <div
            className={`field-note${/open to the world/.test(peerNote) ? " field-note--open" : ""}`}
            id={`${id}-peer-note`}
            role="status"
            data-testid="peer-note"
          >
            {peerNote}
          </div>
        )}
        {form.peer === "myIp" && !errors.peerValue && (
          <div className="field-hint">
            {party
              ? `The My IP party on the canvas takes this address${myIp && isPlaceholderCidr(myIp) ? ` (now ${myIp}, a placeholder)` : ""}.`
              : "A My IP party with this address is added to the canvas."}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description</label>
        <input
          id={`${id}-desc`}
          value={form.description}
          placeholder="optional"
          aria-invalid={!!errors.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        {error("description")}
      </div>
      {error("form")}
      <div className="button-row">
        <button type="submit" className="primary" disabled={!result.rules}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
