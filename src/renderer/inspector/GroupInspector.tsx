// Editing a security group: name, description, VPC, members, and its inbound and outbound rules.
import { useEffect, useMemo, useRef, useState } from "react";
import { describeRule } from "../../shared/engine/describe";
import type { SecurityGroup } from "../../shared/model";
import type { Direction } from "../../shared/model/direction";
import { groupNameProblem, membersOf, updateGroup } from "../actions/groups";
import { addRules, removeRule, replaceRule } from "../actions/rules";
import { deleteSelection } from "../actions/selection";
import { KindIcon } from "../canvas/icons";
import { run } from "../state/commands";
import { useDoc, useView, viewState } from "../state/store";
import { useRowWindow } from "../virtual/useRowWindow";
import { Field, SelectField } from "./Field";
import { OtherAccountInspector } from "./OtherAccountInspector";
import { RuleForm } from "./RuleForm";
import { formOfRule } from "./ruleDraft";
import { awsTextProblem, validateDescription, validateName } from "./validators";

function RuleList({ group, direction }: { group: SecurityGroup; direction: Direction }) {
  const design = useDoc((s) => s.history.present);
  const [editing, setEditing] = useState<number | undefined>();
  const [adding, setAdding] = useState(false);
  // A closed add form gives the focus back to its button, so the keyboard goes on from there.
  const addButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const closeAdding = () => {
    refocus.current = true;
    setAdding(false);
  };
  useEffect(() => {
    if (adding || !refocus.current) return;
    refocus.current = false;
    addButton.current?.focus();
  }, [adding]);
  const rules = group[direction];
  const focus = useView((s) => s.focusRule);
  const focused = focus?.groupId === group.id && focus.direction === direction ? focus.index : undefined;
  const editingRule = editing !== undefined ? rules[editing] : undefined;
  const externals = useDoc((s) => s.history.present.externals);
  const initial = useMemo(
    () => (editingRule ? formOfRule(editingRule, group.id, externals) : undefined),
    [editingRule, group.id, externals],
  );
  const title = direction === "ingress" ? "Inbound rules" : "Outbound rules";
  return (
    <section className="rule-section" aria-label={title}>
      <h3>
        {title} <span className="muted">{rules.length}</span>
      </h3>
      {rules.length === 0 && (
        <p className="muted">
          {direction === "ingress"
            ? "No inbound rule: nothing may start a connection to members."
            : "No outbound rule: members may start no connection."}
        </p>
      )}
      <ul className="rule-list">
        {rules.map((rule, index) => (
          <li
            key={rule.id}
            className={[editing === index ? "is-editing" : "", focused === index ? "is-focused" : ""].join(" ")}
            data-rule={`${direction}-${index}`}
            ref={focused === index ? (el) => el?.scrollIntoView({ block: "nearest" }) : undefined}
          >
            <span className="rule-text">
              <code>{describeRule(design, group, direction, rule)}</code>
              {rule.description && <span className="muted"> · {rule.description}</span>}
            </span>
            <span className="rule-actions">
              <button
                type="button"
                className="icon-button"
                aria-label={`Edit rule ${describeRule(design, group, direction, rule)}`}
                onClick={() => setEditing(editing === index ? undefined : index)}
              >
                ✎
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove rule ${describeRule(design, group, direction, rule)}`}
                onClick={() => {
                  setEditing(undefined);
                  run(removeRule, { groupId: group.id, direction, index });
                }}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      {editing !== undefined && initial && (
        <RuleForm
          design={design}
          groupId={group.id}
          direction={direction}
          initial={initial}
          submitLabel="Save rule"
          onCancel={() => setEditing(undefined)}
          onSubmit={(drafts, myIp) => {
            // A rule that became two (a preset such as DNS is udp and tcp 53), and My IP's address
            // entered with it, are one step to undo.
            const ok = run(replaceRule, {
              groupId: group.id,
              direction,
              index: editing,
              rules: drafts,
              ...(myIp ? { myIp } : {}),
            });
            if (ok) setEditing(undefined);
            return ok;
          }}
        />
      )}
      {editing === undefined &&
        (adding ? (
          <RuleForm
            design={design}
            groupId={group.id}
            direction={direction}
            submitLabel={direction === "ingress" ? "Add inbound rule" : "Add outbound rule"}
            onCancel={closeAdding}
            onSubmit={(drafts, myIp) => {
              // My IP's address and the rules that refer to it: one step to undo.
              const ok = run(addRules, { groupId: group.id, direction, rules: drafts, ...(myIp ? { myIp } : {}) });
              if (ok) closeAdding();
              return ok;
            }}
          />
        ) : (
          <button type="button" ref={addButton} onClick={() => setAdding(true)}>
            + {direction === "ingress" ? "Inbound" : "Outbound"} rule
          </button>
        ))}
    </section>
  );
}

/** Height of one member line (fixed in CSS): a group on thousands of resources draws only those on screen. */
export const MEMBER_ROW = 26;

function MemberList({ members }: { members: readonly { id: string; nodeId: string; name: string }[] }) {
  const { ref, start, end, before, after } = useRowWindow<HTMLUListElement>(members.length, MEMBER_ROW);
  return (
    <ul className="member-list" ref={ref} style={{ paddingTop: before, paddingBottom: after }}>
      {members.slice(start, end).map((m) => (
        <li key={m.id}>
          <button type="button" className="link" onClick={() => viewState.set({ selection: { nodes: [m.nodeId] } })}>
            {m.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function GroupInspector({ group }: { group: SecurityGroup }) {
  const design = useDoc((s) => s.history.present);
  const resources = design.resources;
  // Found again only when the resources change (a rule edit leaves them as they were).
  // Interfaces count: a group on web's eth1 lists "web/eth1", which selects web.
  const members = useMemo(
    () => membersOf({ resources }, group.id).map((m) => ({ id: m.end, nodeId: m.nodeId, name: m.name })),
    [resources, group.id],
  );
  // Another account's group is a reference, not a group of this design to edit.
  const other = group.otherAccount;
  if (other) return <OtherAccountInspector group={group} other={other} />;
  const update = (patch: Parameters<typeof updateGroup.perform>[1]["patch"]) =>
    run(updateGroup, { id: group.id, patch });
  return (
    <div className="inspector__body">
      <h2 className="inspector__title">
        <KindIcon kind="group" /> {group.name}
        <span className="muted small">{group.id}</span>
      </h2>
      <Field
        label="Group name"
        value={group.name}
        validate={(name) =>
          validateName(name) ?? awsTextProblem(name) ?? groupNameProblem(design, group.id, name, group.vpcId)
        }
        // A description that only repeats the name follows it, until the user writes a real one.
        onCommit={(name) => update(group.description === group.name ? { name, description: name } : { name })}
      />
      <Field
        label="Description"
        value={group.description}
        validate={validateDescription}
        onCommit={(description) => update({ description })}
      />
      <SelectField
        label="VPC"
        value={group.vpcId ?? ""}
        options={[["", "none"] as const, ...design.vpcs.map((v) => [v.id, v.name || v.id] as const)]}
        onChange={(vpcId) => update({ vpcId })}
      />
      <h3>
        Members <span className="muted">{members.length}</span>
      </h3>
      {members.length === 0 ? (
        <p className="muted">Drag this group from the palette onto a resource to attach it.</p>
      ) : (
        <MemberList members={members} />
      )}
      <RuleList key={`${group.id}-in`} group={group} direction="ingress" />
      <RuleList key={`${group.id}-out`} group={group} direction="egress" />
      <div className="button-row danger-zone">
        <button type="button" className="danger" onClick={() => run(deleteSelection, { ids: [group.id] })}>
          Delete group
        </button>
      </div>
    </div>
  );
}
