export { ADDRESS_TAGS, addressTags, readAddressTags, withoutAddressTags } from "./address-tags";
export { checkRule, type RawRule } from "./check-rule";
export type { NamedCidr } from "./externals";
export { type Draft, finishDesign } from "./finish";
export { layoutTiers } from "./layout";
export { type DraftState, draftState, finishImport, notImported } from "./state";
export { error, show, type Where, warning } from "./where";
