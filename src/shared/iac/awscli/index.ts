export { classifyInterface } from "./classify";
export { type ImportResult, importAwsCli } from "./import";
export { layoutTiers } from "./layout";
export { type AwsCliFile, isAwsCliOutput, jsonPosition, parseJson, readAwsCliOutput } from "./read";
