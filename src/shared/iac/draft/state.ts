// What every reader of a file collects as it reads, and the tail every import ends in: refuse the
// file for its errors, else finish the design from the parts it read.

import { Ids } from "../../model/ids";
import { InputError, type Problem } from "../../model/problems";
import type { Design, PrefixList, Resource, SecurityGroup, Vpc } from "../../model/schema";
import type { NamedCidr, OutsideParties } from "./externals";
import { finishDesign } from "./finish";

/** A resource as a reader finds it; the import's last step places it on the canvas. */
export type DraftResource = Omit<Resource, "position">;

/**
 * The parts of a design as a reader finds them, keyed by what the file calls them
 * ("aws_security_group.web", a logical id): a rule read later looks its group up by that name.
 */
export interface DraftState {
  ids: Ids;
  warnings: Problem[];
  /** Wrong values (a bad CIDR, port 70000): any of them refuses the file. */
  errors: Problem[];
  /** Several names may hold one VPC (a literal VPC id and the resource that declares it). */
  vpcs: Map<string, Vpc>;
  groups: Map<string, SecurityGroup>;
  prefixLists: Map<string, PrefixList>;
  resources: DraftResource[];
  namedCidrs: NamedCidr[];
  /** What the source leaves for the import to decide about the parties outside (see OutsideParties). */
  outside?: OutsideParties;
}

export function draftState(outside?: OutsideParties): DraftState {
  return {
    ...(outside ? { outside } : {}),
    ids: new Ids(),
    warnings: [],
    errors: [],
    vpcs: new Map(),
    groups: new Map(),
    prefixLists: new Map(),
    resources: [],
    namedCidrs: [],
  };
}

/** Throws InputError with every error the reader found; else the laid-out, validated design. */
export function finishImport(state: DraftState, name: string, file?: string): Design {
  if (state.errors.length) throw new InputError(state.errors);
  return finishDesign(
    {
      name,
      vpcs: [...new Map([...state.vpcs.values()].map((v) => [v.id, v])).values()],
      groups: [...state.groups.values()],
      prefixLists: [...state.prefixLists.values()],
      resources: state.resources,
      namedCidrs: state.namedCidrs,
      ...(state.outside ? { outside: state.outside } : {}),
    },
    state.ids,
    file,
  );
}
