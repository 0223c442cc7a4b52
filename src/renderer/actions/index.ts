export * from "./groupPositions";
export * from "./groups";
export * from "./ids";
export * from "./intents";
export * from "./nodes";
export * from "./rules";
export * from "./selection";
export * from "./types";
