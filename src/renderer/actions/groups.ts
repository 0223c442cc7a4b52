// Security groups: created, edited, attached to and detached from interfaces.

import { type Design, newSecurityGroup, type Resource, type SecurityGroup } from "../../shared/model";
import { freshId, usedIds } from "../../shared/model/ids";
import { deviceName, interfaceEnds } from "../../shared/model/interfaces";
import { freshName } from "./ids";
import { ActionRefused, defineAction } from "./types";

/**
 * Refuses an edit to the placeholder of another account's group (model/other-account.ts): that
 * account owns the group, its members and its rules; this design only names it as a peer.
 */
export function refuseOtherAccount(group: SecurityGroup, why: (groupId: string) => string): void {
  const other = group.otherAccount;
  if (other)
    throw new ActionRefused(`${other.groupId} belongs to AWS account ${other.account}, so ${why(other.groupId)}`);
}

/**
 * Why AWS would refuse `name` for group `groupId` in `vpcId`: names are case-insensitive and
 * unique within a VPC, and none may start with "sg-" (that is how ids look).
 */
export function groupNameProblem(design: Design, groupId: string, name: string, vpcId?: string): string | undefined {
  const wanted = name.trim();
  if (wanted === "") return "a group needs a name";
  if (wanted.startsWith("sg-")) return `"${wanted}" starts with "sg-", which AWS keeps for group ids`;
  const same = design.groups.find(
    (g) => g.id !== groupId && (g.vpcId ?? "") === (vpcId ?? "") && g.name.toLowerCase() === wanted.toLowerCase(),
  );
  return same ? `${same.id} in the same VPC is already named "${same.name}": AWS needs unique names` : undefined;
}

/** AWS's default quota of groups per network interface (it can be raised to 16). */
export const GROUPS_PER_INTERFACE = 5;

export const addGroup = defineAction<{ name?: string; vpcId?: string }>({
  name: "addGroup",
  label: "New security group",
  perform(design, { name, vpcId }) {
    const finalName =
      name ??
      freshName(
        "sg",
        design.groups.map((g) => g.name),
      );
    const vpc = vpcId ?? (design.vpcs.length === 1 ? design.vpcs[0]?.id : undefined);
    const id = freshId(finalName.startsWith("sg") ? finalName : `sg-${finalName}`, usedIds(design));
    const group = newSecurityGroup(
      { id, name: finalName, ...(vpc ? { vpcId: vpc } : {}) },
      design.vpcs.find((v) => v.id === vpc),
    );
    return { ...design, groups: [...design.groups, group] };
  },
});

export const updateGroup = defineAction<{
  id: string;
  patch: Partial<Pick<SecurityGroup, "name" | "description" | "vpcId">>;
}>({
  name: "updateGroup",
  label: "Edit security group",
  perform(design, { id, patch }) {
    const group = design.groups.find((g) => g.id === id);
    if (!group) throw new ActionRefused(`no security group has id "${id}"`);
    refuseOtherAccount(group, () => "it is not edited here: this design keeps it only as the peer that its rules name");
    if (patch.name !== undefined || patch.vpcId !== undefined) {
      const problem = groupNameProblem(design, id, patch.name ?? group.name, patch.vpcId ?? group.vpcId);
      // A group already misnamed (an import) may still move or change otherwise; a new name must be right.
      if (problem && (patch.name !== undefined || !groupNameProblem(design, id, group.name, group.vpcId)))
        throw new ActionRefused(problem);
    }
    if (patch.vpcId !== undefined && patch.vpcId !== group.vpcId) {
      const members = design.resources.filter(
        (r) => r.groupIds.includes(id) && r.vpcId !== undefined && r.vpcId !== patch.vpcId,
      );
      if (members.length > 0 && patch.vpcId !== "")
        throw new ActionRefused(
          `${members.map((m) => m.name).join(", ")} ${members.length > 1 ? "are" : "is"} in another VPC: a group only attaches to interfaces of its own VPC`,
        );
    }
    const next: Record<string, unknown> = { ...group };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || (value === "" && key === "vpcId")) delete next[key];
      else next[key] = value;
    }
    return { ...design, groups: design.groups.map((g) => (g.id === id ? (next as SecurityGroup) : g)) };
  },
});

/**
 * The groups of one interface of a resource: its own `groupIds` for eth0 (device index 0 or
 * none), an entry of `interfaces` for eth1 …; and the resource with that interface's groups replaced.
 */
function interfaceOf(
  resource: Resource,
  deviceIndex: number | undefined,
): { label: string; groupIds: readonly string[]; withGroups: (groupIds: string[]) => Resource } {
  if (!deviceIndex) {
    const label = resource.interfaces?.length ? `${resource.name}'s ${deviceName(0)}` : resource.name;
    return { label, groupIds: resource.groupIds, withGroups: (groupIds) => ({ ...resource, groupIds }) };
  }
  const eni = resource.interfaces?.find((i) => i.deviceIndex === deviceIndex);
  if (!eni) throw new ActionRefused(`${resource.name} has no interface ${deviceName(deviceIndex)}`);
  return {
    label: `${resource.name}'s ${deviceName(deviceIndex)}`,
    groupIds: eni.groupIds,
    withGroups: (groupIds) => ({
      ...resource,
      interfaces: resource.interfaces?.map((i) => (i === eni ? { ...i, groupIds } : i)),
    }),
  };
}

/** `deviceIndex`: the interface (eth1 …) the group goes on; absent or 0, the resource's primary one. */
export const attachGroup = defineAction<{ nodeId: string; groupId: string; deviceIndex?: number }>({
  name: "attachGroup",
  label: "Attach security group",
  perform(design, { nodeId, groupId, deviceIndex }) {
    const resource = design.resources.find((r) => r.id === nodeId);
    const group = design.groups.find((g) => g.id === groupId);
    if (!group) throw new ActionRefused(`no security group has id "${groupId}"`);
    if (!resource) {
      if (design.externals.some((e) => e.id === nodeId))
        throw new ActionRefused("external parties have no security groups: only the side inside AWS filters");
      throw new ActionRefused(`no resource has id "${nodeId}"`);
    }
    const eni = interfaceOf(resource, deviceIndex);
    // Terraform and CloudFormation would write "account/sg-…" into the interface's groups, which AWS refuses.
    refuseOtherAccount(
      group,
      () =>
        `it cannot be attached to ${eni.label}: an interface takes only security groups of its own account. Rules of this design may name it as a peer.`,
    );
    if (eni.groupIds.includes(groupId)) throw new ActionRefused(`${group.name} is already attached to ${eni.label}`);
    if (eni.groupIds.length >= GROUPS_PER_INTERFACE)
      throw new ActionRefused(
        `${eni.label} already has ${GROUPS_PER_INTERFACE} security groups, AWS's default limit per network interface`,
      );
    if (group.vpcId && resource.vpcId && group.vpcId !== resource.vpcId)
      throw new ActionRefused(
        `${group.name} belongs to another VPC than ${resource.name}: a group only attaches to interfaces of its own VPC`,
      );
    const next = eni.withGroups([...eni.groupIds, groupId]);
    return { ...design, resources: design.resources.map((r) => (r === resource ? next : r)) };
  },
});

/** A new group dropped on a resource: created and attached as one step, opened after in the inspector. */
export const addGroupTo = defineAction<{ nodeId: string; deviceIndex?: number }>({
  name: "addGroupTo",
  label: "New security group",
  perform(design, { nodeId, deviceIndex }) {
    const withGroup = addGroup.perform(design, {});
    const group = withGroup.groups.at(-1);
    if (!group) throw new ActionRefused("the new security group was not created");
    return attachGroup.perform(withGroup, { nodeId, groupId: group.id, ...(deviceIndex ? { deviceIndex } : {}) });
  },
});

/** `deviceIndex` as for attachGroup. Detaching what is not attached changes nothing. */
export const detachGroup = defineAction<{ nodeId: string; groupId: string; deviceIndex?: number }>({
  name: "detachGroup",
  label: "Detach security group",
  perform(design, { nodeId, groupId, deviceIndex }) {
    const resource = design.resources.find((r) => r.id === nodeId);
    if (!resource) return design;
    if (deviceIndex && !resource.interfaces?.some((i) => i.deviceIndex === deviceIndex)) return design;
    const eni = interfaceOf(resource, deviceIndex);
    if (!eni.groupIds.includes(groupId)) return design;
    const next = eni.withGroups(eni.groupIds.filter((g) => g !== groupId));
    return { ...design, resources: design.resources.map((r) => (r === resource ? next : r)) };
  },
});

/** An interface a group is on: its end ("web", "web/eth1"), its resource, and which interface. */
export interface Member {
  end: string;
  nodeId: string;
  /** Set for a further interface (eth1 …); absent for the resource's primary one. */
  deviceIndex?: number;
  name: string;
}

/** The interfaces a group is on, in the design's order (a resource, then its further interfaces). */
export function membersOf(design: Pick<Design, "resources">, groupId: string): Member[] {
  const out: Member[] = [];
  for (const r of design.resources) {
    if (r.groupIds.includes(groupId)) out.push({ end: r.id, nodeId: r.id, name: r.name || r.id });
    if (!r.interfaces) continue;
    for (const end of interfaceEnds(r))
      if (end.groupIds.includes(groupId)) {
        const deviceIndex = Number(end.id.slice(end.id.lastIndexOf("/eth") + 4));
        out.push({ end: end.id, nodeId: r.id, deviceIndex, name: end.name });
      }
  }
  return out;
}
