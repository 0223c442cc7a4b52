export { type TerraformFile, type TerraformOptions, toTerraform } from "./export";
export { type ImportResult, importTerraform, type TerraformSource } from "./import";
