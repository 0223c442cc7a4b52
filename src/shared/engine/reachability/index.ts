export type { FlowChange, FlowDiff } from "./diff";
export { diffFlows } from "./diff";
export type { TrafficFilter } from "./filter";
export type { MatrixCell, MatrixNode, MatrixOptions, ReachabilityMatrix } from "./matrix";
export { reachabilityMatrix } from "./matrix";
export { whatCanReach, whoCanReach } from "./reach";
