export { ADDRESS_TAGS, addressTags, readAddressTags, withoutAddressTags } from "./address-tags";
export { checkRule, type RawRule } from "./check-rule";
export type { NamedCidr, OutsideParties } from "./externals";
export { type Draft, finishDesign } from "./finish";
export { layoutTiers } from "./layout";
export type { ImportResult } from "./result";
export { type DraftResource, type DraftState, draftState, finishImport } from "./state";
export { type Unmodelled, unmodelledWarnings } from "./unmodelled";
export { error, show, type Where, warning } from "./where";
