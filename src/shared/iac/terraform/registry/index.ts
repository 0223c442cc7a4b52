export type { RegistryModel } from "./model";
export { registryModel } from "./table";
