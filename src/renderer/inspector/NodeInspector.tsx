// Editing a resource: name, kind, addresses, VPC, and the security groups on its interface.
import { RESOURCE_KINDS, type Resource, type ResourceKind, serviceSummary } from "../../shared/model";
import { attachGroup, detachGroup, GROUPS_PER_INTERFACE } from "../actions/groups";
import { addressProblems, RESOURCE_TITLES, updateResource } from "../actions/nodes";
import { KindIcon } from "../canvas/icons";
import { ReachButtons } from "../reach/ReachButtons";
import { run } from "../state/commands";
import { useDoc, viewState } from "../state/store";
import { Field, SelectField } from "./Field";
import { validateIpv4, validateIpv6, validateName, validatePublicIpv4 } from "./validators";

export function NodeInspector({ resource }: { resource: Resource }) {
  const design = useDoc((s) => s.history.present);
  const update = (patch: Parameters<typeof updateResource.perform>[1]["patch"]) =>
    run(updateResource, { id: resource.id, patch });
  // The field's own check first, then whether AWS could give this resource that address.
  const inAws =
    (key: "privateIpv4" | "ipv6" | "publicIpv4", check: (text: string) => string | undefined) => (text: string) =>
      check(text) ?? addressProblems(design, { ...resource, [key]: text.trim() })[key];
  const unattached = design.groups.filter((g) => !resource.groupIds.includes(g.id));
  const attachable = unattached.filter((g) => !g.otherAccount);
  // Listed but not selectable, so that they are not simply missing: an interface takes only its own account's groups.
  const otherAccounts = unattached.filter((g) => g.otherAccount);
  return (
    <div className="inspector__body">
      <h2 className="inspector__title">
        <KindIcon kind={resource.kind} /> {resource.name}
      </h2>
      {resource.service && <p className="muted inspector__service">{serviceSummary(resource)}</p>}
      <Field label="Name" value={resource.name} validate={validateName} onCommit={(name) => update({ name })} />
      <SelectField
        label="Kind"
        value={resource.kind}
        options={RESOURCE_KINDS.map((k) => [k, RESOURCE_TITLES[k]] as const)}
        onChange={(kind) => update({ kind: kind as ResourceKind })}
      />
      <Field
        label="Private IPv4"
        value={resource.privateIpv4 ?? ""}
        placeholder="unknown (some address in the VPC)"
        validate={inAws("privateIpv4", validateIpv4)}
        onCommit={(privateIpv4) => update({ privateIpv4: privateIpv4.trim() })}
      />
      <Field
        label="IPv6"
        value={resource.ipv6 ?? ""}
        placeholder="none"
        validate={inAws("ipv6", validateIpv6)}
        onCommit={(ipv6) => update({ ipv6: ipv6.trim() })}
      />
      <Field
        label="Public IPv4"
        value={resource.publicIpv4 ?? ""}
        placeholder="none"
        validate={inAws("publicIpv4", validatePublicIpv4)}
        onCommit={(publicIpv4) => update({ publicIpv4: publicIpv4.trim() })}
      />
      <SelectField
        label="VPC"
        value={resource.vpcId ?? ""}
        options={[
          ["", "none"] as const,
          ...design.vpcs.map((v) => [v.id, `${v.name} (${v.cidrIpv4 ?? v.id})`] as const),
        ]}
        onChange={(vpcId) => update({ vpcId })}
      />
      <h3>
        Security groups{" "}
        <span className="muted">
          {resource.groupIds.length}/{GROUPS_PER_INTERFACE}
        </span>
      </h3>
      <ul className="member-list">
        {resource.groupIds.map((gid) => {
          const g = design.groups.find((x) => x.id === gid);
          return (
            <li key={gid}>
              <button
                type="button"
                className="link"
                onClick={() => viewState.set({ selection: { nodes: [], group: gid } })}
              >
                {g?.name ?? gid}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Detach ${g?.name ?? gid}`}
                onClick={() => run(detachGroup, { nodeId: resource.id, groupId: gid })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {attachable.length + otherAccounts.length > 0 && (
        <div className="field">
          <label htmlFor="attach-group">Attach a group</label>
          <select
            id="attach-group"
            value=""
            onChange={(e) => e.target.value && run(attachGroup, { nodeId: resource.id, groupId: e.target.value })}
          >
            <option value="">choose…</option>
            {attachable.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
            {otherAccounts.length > 0 && (
              <optgroup label="Other accounts' groups: referenced by rules, not attachable">
                {otherAccounts.map((g) => (
                  <option key={g.id} value={g.id} disabled>
                    {g.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
      )}
      <ReachButtons nodeId={resource.id} />
    </div>
  );
}
