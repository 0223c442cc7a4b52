// The last step of every import (Terraform, CloudFormation, AWS CLI): externals, a tiered layout, and
// the schema's check of the whole design.

import { emptyDesign } from "../../model/document";
import type { Ids } from "../../model/ids";
import { linkMyIp } from "../../model/my-ip";
import { InputError } from "../../model/problems";
import { Design, type PrefixList, Resource, referenceIssues, type SecurityGroup, type Vpc } from "../../model/schema";
import { plainResource } from "../plain";
import { checkedRules } from "./check-rule";
import { externalsOf, type NamedCidr, type OutsideParties } from "./externals";
import { layoutTiers } from "./layout";
import { error } from "./where";

/** The parts an importer collects; `finishDesign` turns them into a laid-out, validated design. */
export interface Draft {
  name: string;
  vpcs: Vpc[];
  groups: SecurityGroup[];
  prefixLists: PrefixList[];
  resources: Omit<Resource, "position">[];
  namedCidrs: NamedCidr[];
  outside?: OutsideParties;
}

/**
 * Builds the design: externals, a tiered layout, and a final schema check. A failure of that
 * check is a fault of the importer, but it still reaches the user as a problem, not a crash.
 */
export function finishDesign(draft: Draft, ids: Ids, file?: string): Design {
  const base = emptyDesign(draft.name);
  const externals = externalsOf(draft, ids);
  const unplaced = {
    ...base,
    vpcs: draft.vpcs,
    groups: draft.groups,
    prefixLists: draft.prefixLists,
    resources: draft.resources.map((r) => ({ ...r, position: { x: 0, y: 0 } })),
    externals: externals.map((e) => ({ ...e, position: { x: 0, y: 0 } })),
  };
  const laidOut = layoutTiers(unplaced as Design);
  const fail = (path: readonly PropertyKey[], message: string) =>
    new InputError([error({ file }, `the imported design is not valid at ${path.join(".")}: ${message}`)]);
  // Rules were checked one by one as they were read (checkRule), which a region's tens of
  // thousands make costly to do twice: the schema checks the design without its rules and
  // resources, then each rule that was not checked yet and each resource (written out, see
  // plain.ts), then all the references.
  const shell = {
    ...laidOut,
    resources: [],
    groups: laidOut.groups.map((g) => ({ ...g, ingress: [], egress: [] })),
  };
  const result = Design.safeParse(shell);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw fail(issue?.path ?? [], issue?.message ?? "");
  }
  const resources = laidOut.resources.map((r, i) => {
    const plain = plainResource(r);
    if (plain) return plain;
    const parsed = Resource.safeParse(r);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw fail(["resources", i, ...(issue?.path ?? [])], issue?.message ?? "");
  });
  const groups = result.data.groups.map((g, i) => {
    const source = laidOut.groups[i] as SecurityGroup;
    return { ...g, ingress: checkedRules(source, "ingress", i, fail), egress: checkedRules(source, "egress", i, fail) };
  });
  // A my_ip variable (MyIP parameter) became the My IP party: its rules refer to the party again.
  const design: Design = linkMyIp({ ...result.data, resources, groups });
  const [issue] = referenceIssues(design);
  if (issue) throw fail(issue.path, issue.message);
  return design;
}
