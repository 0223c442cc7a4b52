export { classifyInterface } from "./classify";
export { type ImportResult, importAwsCli } from "./import";
export { type AwsCliFile, isAwsCliOutput, jsonPosition, parseJson, readAwsCliOutput } from "./read";
