// Editing a resource: name, kind, addresses, VPC, and the security groups on its interface.

import { useId } from "react";
import { RESOURCE_KINDS, type Resource, type ResourceKind, serviceSummary } from "../../shared/model";
import { deviceName } from "../../shared/model/interfaces";
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
  // With several interfaces these fields are the primary one's: each further one is listed below.
  const eth0 = resource.interfaces?.length ? " (eth0)" : "";
  const inAws =
    (key: "privateIpv4" | "ipv6" | "publicIpv4", check: (text: string) => string | undefined) => (text: string) =>
      check(text) ?? addressProblems(design, { ...resource, [key]: text.trim() })[key];
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
        label={`Private IPv4${eth0}`}
        value={resource.privateIpv4 ?? ""}
        placeholder="unknown (some address in the VPC)"
        validate={inAws("privateIpv4", validateIpv4)}
        onCommit={(privateIpv4) => update({ privateIpv4: privateIpv4.trim() })}
      />
      <Field
        label={`IPv6${eth0}`}
        value={resource.ipv6 ?? ""}
        placeholder="none"
        validate={inAws("ipv6", validateIpv6)}
        onCommit={(ipv6) => update({ ipv6: ipv6.trim() })}
      />
      <Field
        label={`Public IPv4${eth0}`}
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
      {resource.interfaces?.length ? (
        <>
          <h3>
            Network interfaces <span className="muted">{resource.interfaces.length + 1}</span>
          </h3>
          <p className="muted small">
            AWS attaches security groups to each interface: each has its own groups and flows.
          </p>
          <section className="interface" aria-label={`${resource.name}'s eth0`}>
            <h4>
              eth0 <span className="muted">primary{resource.privateIpv4 ? ` · ${resource.privateIpv4}` : ""}</span>
            </h4>
            <InterfaceGroups resource={resource} groupIds={resource.groupIds} device="eth0" />
          </section>
          {[...resource.interfaces]
            .sort((a, b) => a.deviceIndex - b.deviceIndex)
            .map((eni) => (
              <section
                key={eni.id}
                className="interface"
                aria-label={`${resource.name}'s ${deviceName(eni.deviceIndex)}`}
              >
                <h4>
                  {deviceName(eni.deviceIndex)}{" "}
                  <span className="muted">
                    {[eni.id, eni.privateIpv4, eni.publicIpv4 && `public ${eni.publicIpv4}`, eni.description]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </h4>
                <InterfaceGroups
                  resource={resource}
                  groupIds={eni.groupIds}
                  device={deviceName(eni.deviceIndex)}
                  deviceIndex={eni.deviceIndex}
                />
              </section>
            ))}
        </>
      ) : (
        <>
          <h3>
            Security groups{" "}
            <span className="muted">
              {resource.groupIds.length}/{GROUPS_PER_INTERFACE}
            </span>
          </h3>
          <InterfaceGroups resource={resource} groupIds={resource.groupIds} />
        </>
      )}
      <ReachButtons nodeId={resource.id} />
    </div>
  );
}

/**
 * The groups of one interface, each with a detach button, and a list to attach another. `device`
 * names the interface on an instance with several (eth0, eth1 …); `deviceIndex` is set for eth1 ….
 */
function InterfaceGroups({
  resource,
  groupIds,
  device,
  deviceIndex,
}: {
  resource: Resource;
  groupIds: readonly string[];
  device?: string;
  deviceIndex?: number;
}) {
  const groups = useDoc((s) => s.history.present.groups);
  const id = useId();
  const on = deviceIndex ? { deviceIndex } : {};
  const unattached = groups.filter((g) => !groupIds.includes(g.id));
  const attachable = unattached.filter((g) => !g.otherAccount);
  // Listed but not selectable, so that they are not simply missing: an interface takes only its own account's groups.
  const otherAccounts = unattached.filter((g) => g.otherAccount);
  const where = device ? ` from ${device}` : "";
  return (
    <>
      <ul className="member-list">
        {groupIds.length === 0 && device && <li className="muted">no security group</li>}
        {groupIds.map((gid) => {
          const g = groups.find((x) => x.id === gid);
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
                aria-label={`Detach ${g?.name ?? gid}${where}`}
                onClick={() => run(detachGroup, { nodeId: resource.id, groupId: gid, ...on })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {attachable.length + otherAccounts.length > 0 && (
        <div className="field">
          <label htmlFor={device ? `${id}-attach` : "attach-group"}>
            {device ? `Attach a group to ${device}` : "Attach a group"}
          </label>
          <select
            id={device ? `${id}-attach` : "attach-group"}
            value=""
            onChange={(e) =>
              e.target.value && run(attachGroup, { nodeId: resource.id, groupId: e.target.value, ...on })
            }
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
    </>
  );
}
