export { type AssertionResult, checkAssertions, describeAssertion } from "./check";
export { type Assertion, parseAssertions } from "./parse";
export { offsetAt, yamlOffsets } from "./positions";
