export { classifyInterface } from "./classify";
export { importAwsCli } from "./import";
export { type AwsCliFile, isAwsCliOutput, jsonPosition, parseJson, readAwsCliOutput } from "./read";
