export { describePeer, describeRule, describeService, groupLabel } from "./describe";
export { evaluateFlow, normalizeQuery } from "./evaluate";
export type { ClassFlow, FlowRelation, NodeClass } from "./flows";
export { classFlows, expandFlows, flowRelation, permittedFlows, servicesBetween } from "./flows";
export type { DesignIndex } from "./index-design";
export { indexDesign } from "./index-design";
export { resolveEndpoint } from "./resolve";
export * from "./types";
