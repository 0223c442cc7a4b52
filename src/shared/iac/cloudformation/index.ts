export { toCloudFormation } from "./export";
export { BLOCK_EGRESS, type CloudFormationSource, importCloudFormation } from "./import";
