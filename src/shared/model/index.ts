export * from "./document";
export * from "./factory";
export * from "./patch";
export * from "./problems";
export * from "./protocol";
export * from "./schema";
export * from "./services";
