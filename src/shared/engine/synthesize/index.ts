export type { Change } from "./changes";
export { applyChanges, describeChange, describeChanges } from "./changes";
export type { UnsatisfiedIntent } from "./intents";
export { intentHolds, unsatisfiedIntents } from "./intents";
export { permittedPairCount } from "./pairs";
export type { FixAlternative, FixProposal } from "./propose";
export { proposeFix } from "./propose";
