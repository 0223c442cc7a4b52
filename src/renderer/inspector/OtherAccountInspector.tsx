// A placeholder of another account's group, read-only: that account owns its members and rules;
// here it is only the peer that rules name. What a file may have added anyway (an interface, rules)
// can be removed, not edited.
import { describeRule, describeService } from "../../shared/engine/describe";
import type { OtherAccountGroup, SecurityGroup } from "../../shared/model";
import { detachGroup, membersOf } from "../actions/groups";
import { removeRule } from "../actions/rules";
import { deleteSelection } from "../actions/selection";
import { KindIcon } from "../canvas/icons";
import { run } from "../state/commands";
import { useDoc, viewState } from "../state/store";
import { referencedBy, referencesTo } from "./otherAccount";

function ReadOnly({ label, value }: { label: string; value: string }) {
  const id = `other-account-${label.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} readOnly />
    </div>
  );
}

export function OtherAccountInspector({ group, other }: { group: SecurityGroup; other: OtherAccountGroup }) {
  const design = useDoc((s) => s.history.present);
  const references = referencesTo(design, group.id);
  const members = membersOf(design, group.id);
  const ownRules = (["ingress", "egress"] as const).flatMap((direction) =>
    group[direction].map((rule, index) => ({ direction, index, rule })),
  );
  return (
    <div className="inspector__body" data-testid="other-account-group">
      <h2 className="inspector__title">
        <KindIcon kind="group" /> {group.name}
        {group.id !== other.groupId && <span className="muted small">{group.id}</span>}
      </h2>
      <p>
        <strong>Another account's group, {referencedBy(references.length)}.</strong> It cannot be attached to a resource
        here or given rules: account {other.account} manages its members and rules. Exports name it as{" "}
        <code>
          {other.account}/{other.groupId}
        </code>
        .
      </p>
      {group.description && <p className="muted">{group.description}</p>}
      <ReadOnly label="AWS account" value={other.account} />
      <ReadOnly label="Group id" value={other.groupId} />
      <h3>
        Referenced by <span className="muted">{references.length}</span>
      </h3>
      {references.length === 0 ? (
        <p className="muted">No rule names it any more: it can be deleted.</p>
      ) : (
        <ul className="member-list">
          {references.map((r) => (
            <li key={`${r.group.id}-${r.rule.id}`}>
              <button
                type="button"
                className="link"
                onClick={() =>
                  viewState.set({
                    selection: { nodes: [], group: r.group.id },
                    focusRule: { groupId: r.group.id, direction: r.direction, index: r.index },
                  })
                }
              >
                {r.group.name} {r.direction === "ingress" ? "inbound" : "outbound"}: {describeService(r.rule)}
                {r.rule.description ? ` · ${r.rule.description}` : ""}
              </button>
            </li>
          ))}
        </ul>
      )}
      {members.length > 0 && (
        <>
          <h3>
            On interfaces here <span className="muted">{members.length}</span>
          </h3>
          <p className="error-text">An interface takes only groups of its own account: AWS refuses this. Detach it.</p>
          <ul className="member-list">
            {members.map((m) => (
              <li key={m.end}>
                <span>{m.name}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Detach from ${m.name}`}
                  onClick={() =>
                    run(detachGroup, {
                      nodeId: m.nodeId,
                      groupId: group.id,
                      ...(m.deviceIndex ? { deviceIndex: m.deviceIndex } : {}),
                    })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {ownRules.length > 0 && (
        <>
          <h3>
            Rules in this file <span className="muted">{ownRules.length}</span>
          </h3>
          <p className="error-text">Account {other.account} manages its rules: the exports leave these out.</p>
          <ul className="rule-list">
            {ownRules.map(({ direction, index, rule }) => (
              <li key={rule.id}>
                <span className="rule-text">
                  <code>
                    {direction === "ingress" ? "in" : "out"}: {describeRule(design, group, direction, rule)}
                  </code>
                </span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove rule ${describeRule(design, group, direction, rule)}`}
                  onClick={() => run(removeRule, { groupId: group.id, direction, index })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row danger-zone">
        <button type="button" className="danger" onClick={() => run(deleteSelection, { ids: [group.id] })}>
          {references.length > 0
            ? `Delete it and the ${references.length} rule${references.length > 1 ? "s" : ""} naming it`
            : "Delete group"}
        </button>
      </div>
    </div>
  );
}
