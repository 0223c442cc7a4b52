export { toCloudFormation } from "./export";
export { BLOCK_EGRESS, type CloudFormationSource, type ImportResult, importCloudFormation } from "./import";
