// Security groups: created, edited, attached to and detached from interfaces.

import { type Design, newSecurityGroup, type SecurityGroup } from "../../shared/model";
import { freshId, usedIds } from "../../shared/model/ids";
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

export const attachGroup = defineAction<{ nodeId: string; groupId: string }>({
  name: "attachGroup",
  label: "Attach security group",
  perform(design, { nodeId, groupId }) {
    const resource = design.resources.find((r) => r.id === nodeId);
    const group = design.groups.find((g) => g.id === groupId);
    if (!group) throw new ActionRefused(`no security group has id "${groupId}"`);
    if (!resource) {
      if (design.externals.some((e) => e.id === nodeId))
        throw new ActionRefused("external parties have no security groups: only the side inside AWS filters");
      throw new ActionRefused(`no resource has id "${nodeId}"`);
    }
    // Terraform and CloudFormation would write "account/sg-…" into the interface's groups, which AWS refuses.
    refuseOtherAccount(
      group,
      () =>
        `it cannot be attached to ${resource.name}: an interface takes only security groups of its own account. Rules of this design may name it as a peer.`,
    );
    if (resource.groupIds.includes(groupId))
      throw new ActionRefused(`${group.name} is already attached to ${resource.name}`);
    if (resource.groupIds.length >= GROUPS_PER_INTERFACE)
      throw new ActionRefused(
        `${resource.name} already has ${GROUPS_PER_INTERFACE} security groups, AWS's default limit per network interface`,
      );
    if (group.vpcId && resource.vpcId && group.vpcId !== resource.vpcId)
      throw new ActionRefused(
        `${group.name} belongs to another VPC than ${resource.name}: a group only attaches to interfaces of its own VPC`,
      );
    return {
      ...design,
      resources: design.resources.map((r) => (r.id === nodeId ? { ...r, groupIds: [...r.groupIds, groupId] } : r)),
    };
  },
});

/** A new group dropped on a resource: created and attached as one step, opened after in the inspector. */
export const addGroupTo = defineAction<{ nodeId: string }>({
  name: "addGroupTo",
  label: "New security group",
  perform(design, { nodeId }) {
    const withGroup = addGroup.perform(design, {});
    const group = withGroup.groups.at(-1);
    if (!group) throw new ActionRefused("the new security group was not created");
    return attachGroup.perform(withGroup, { nodeId, groupId: group.id });
  },
});

export const detachGroup = defineAction<{ nodeId: string; groupId: string }>({
  name: "detachGroup",
  label: "Detach security group",
  perform(design, { nodeId, groupId }) {
    const resource = design.resources.find((r) => r.id === nodeId);
    if (!resource?.groupIds.includes(groupId)) return design;
    return {
      ...design,
      resources: design.resources.map((r) =>
        r.id === nodeId ? { ...r, groupIds: r.groupIds.filter((g) => g !== groupId) } : r,
      ),
    };
  },
});

export function membersOf(design: Design, groupId: string): string[] {
  return design.resources.filter((r) => r.groupIds.includes(groupId)).map((r) => r.id);
}
